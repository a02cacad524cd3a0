/**
 * The cast: every character of the project with their reference image. Ideogram Character takes
 * one reference per request, so each panel features one character (chosen in the inspector).
 * Adding a character puts the keyboard in the new card's name, selected, so typing names them
 * (the button that was clicked may be gone: the first one lives in the empty state).
 */
import { useCallback, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/store-context';
import { Icon } from '../../ui/Icon';
import { CharacterCard } from './CharacterCard';
import type { Character } from '../../../shared/domain/project';

const NO_CHARACTERS: readonly Character[] = [];

export function CharacterSidebar() {
  const { characters, panels, addCharacter } = useAppStore(useShallow((s) => ({ characters: s.doc?.characters ?? NO_CHARACTERS, panels: s.doc?.panels, addCharacter: s.addCharacter })));
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const add = () => setJustAdded(addCharacter());
  const nameFocused = useCallback(() => setJustAdded(null), []);
  const featured = useMemo(() => {
    // Only panels that feature the character: a "No character" panel is nobody's.
    const counts = new Map<string, number>();
    for (const panel of panels ?? []) {
      if (panel.characterId !== null) counts.set(panel.characterId, (counts.get(panel.characterId) ?? 0) + 1);
    }
    return counts;
  }, [panels]);

  return (
    <aside className="sidebar" aria-labelledby="cast-title">
      <header className="sidebar-header">
        <h2 id="cast-title">Cast</h2>
        <button type="button" className="button-small" onClick={add}>
          <Icon name="plus" size={14} /> Add character
        </button>
      </header>
      {characters.length === 0 ? (
        <div className="sidebar-empty">
          <div className="sidebar-empty-art" aria-hidden="true">
            <Icon name="user" size={30} />
          </div>
          <p>
            <strong>Cast your first character.</strong> A name, a short description and one reference image: every panel featuring them keeps
            that face.
          </p>
          <button type="button" className="button-primary" onClick={add}>
            Add your first character
          </button>
        </div>
      ) : (
        <ul className="character-list" aria-label="Characters">
          {characters.map((character) => (
            <CharacterCard
              key={character.id}
              character={character}
              featuredIn={featured.get(character.id) ?? 0}
              focusName={character.id === justAdded}
              onNameFocused={nameFocused}
            />
          ))}
        </ul>
      )}
    </aside>
  );
}
