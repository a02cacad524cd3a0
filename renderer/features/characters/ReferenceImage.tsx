/**
 * A character's reference image: preview, choose/replace by file dialog, drag and drop, or
 * paste while the card has focus. Every path goes through main (`project:importImage`), which
 * verifies and stores the image in the project; only then does the character point at it.
 * The button says "Importing…" only while a file is being imported: while the file dialog is
 * open it keeps its label, disabled (state/reference-slice.ts).
 */
import { useState } from 'react';
import type { Character } from '../../../shared/domain/project';
import { useAppStore } from '../../state/store-context';
import { messageOf } from '../../lib/errors';
import { Icon } from '../../ui/Icon';
import { TakeImage } from '../../ui/TakeImage';
import { readImageFileAsBase64 } from '../../lib/read-image-file';
import type { ImportRequest } from '../../ui/image-drop';

export type ImportPhase = 'idle' | 'choosing' | 'importing';

/** Runs an import for one character; returns its phase, error and run. */
export function useReferenceImport(character: Character) {
  const importImage = useAppStore((s) => s.importReferenceImage);
  const dialog = useAppStore((s) => (s.referenceDialog?.characterId === character.id ? s.referenceDialog.stage : null));
  const [importingBytes, setImportingBytes] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (request: ImportRequest) => {
    setError(null);
    if (request.source !== 'dialog') setImportingBytes(true);
    try {
      if (request.source === 'dialog') await importImage(character.id, { source: 'dialog' });
      else await importImage(character.id, { source: 'bytes', base64: await readImageFileAsBase64(request.file) });
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setImportingBytes(false);
    }
  };
  const phase: ImportPhase = importingBytes || dialog === 'importing' ? 'importing' : dialog === 'choosing' ? 'choosing' : 'idle';
  return { phase, error, run };
}

export function ReferenceImage({ character, phase, onChoose }: { character: Character; phase: ImportPhase; onChoose: () => void }) {
  const name = character.name.trim() || 'this character';
  return (
    <div className="reference">
      {character.referenceImage ? (
        <TakeImage className="reference-image" image={character.referenceImage} size={256} alt={`Reference image of ${name}`} />
      ) : (
        <div className="reference-empty" aria-hidden="true">
          <Icon name="user" size={26} />
        </div>
      )}
      <button
        type="button"
        className="button-small reference-button"
        disabled={phase !== 'idle'}
        onClick={onChoose}
        aria-label={character.referenceImage ? `Replace reference image of ${name}` : `Choose reference image for ${name}`}
      >
        {phase === 'importing' ? 'Importing…' : character.referenceImage ? 'Replace' : 'Choose image'}
      </button>
    </div>
  );
}
