/**
 * The batch dialog repeats the character card's warning before the artist pays: a featured
 * character whose reference image has no face the consistency check can use (none found, or the
 * image cannot be read) will leave every generated panel "not checked". It informs; the confirm
 * button stays as it is.
 */
import { useMemo } from 'react';
import type { Project } from '../../../shared/domain/project';
import { referenceBatchWarning } from '../../../shared/domain/reference-face';
import { useUnusableReferences } from '../../ui/use-reference-face';

/** The characters the ready panels feature, once each. */
function featuredCharacterIds(doc: Project | null, panelIds: readonly string[]): string[] {
  const wanted = new Set(panelIds);
  const ids = new Set<string>();
  for (const panel of doc?.panels ?? []) if (wanted.has(panel.id) && panel.characterId) ids.add(panel.characterId);
  return [...ids];
}

export function ReferenceWarnings({ doc, panelIds }: { doc: Project | null; panelIds: readonly string[] }) {
  const characterIds = useMemo(() => featuredCharacterIds(doc, panelIds), [doc, panelIds]);
  const unusable = useUnusableReferences(characterIds);
  if (unusable.length === 0) return null;
  return (
    <div className="callout callout-warning" data-reference-warning>
      {unusable.map(({ name, check }) => (
        <p key={name}>{referenceBatchWarning(name, check)}</p>
      ))}
    </div>
  );
}
