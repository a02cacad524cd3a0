/**
 * One character: reference image, name, description, how many panels feature them, remove.
 * The whole card is a drop target for an image file and accepts a pasted image while focused.
 */
import { memo, useId, useState } from 'react';
import type { Character } from '../../../shared/domain/project';
import { useAppStore } from '../../state/store-context';
import { Icon } from '../../ui/Icon';
import { dropHandlers } from '../../ui/image-drop';
import { ReferenceImage, useReferenceImport } from './ReferenceImage';

function CharacterCardView({ character, featuredIn }: { character: Character; featuredIn: number }) {
  const updateCharacter = useAppStore((s) => s.updateCharacter);
  const deleteCharacter = useAppStore((s) => s.deleteCharacter);
  const endTyping = useAppStore((s) => s.endTyping);
  const { busy, error, run } = useReferenceImport(character);
  const [over, setOver] = useState(false);
  const id = useId();
  const display = character.name.trim() || 'Unnamed character';

  return (
    <li
      className={over ? 'character-card is-drop-target' : 'character-card'}
      aria-label={display}
      tabIndex={-1}
      {...dropHandlers(run, setOver)}
    >
      <div className="character-top">
        <ReferenceImage character={character} busy={busy} onChoose={() => void run({ source: 'dialog' })} />
        <input
          id={`${id}-name`}
          className="character-name"
          type="text"
          aria-label="Character name"
          value={character.name}
          maxLength={100}
          placeholder="Name"
          onChange={(event) => updateCharacter(character.id, { name: event.target.value })}
          onBlur={endTyping}
        />
        <div className="character-meta">
          <span className="muted small">{featuredIn === 0 ? 'Not in any panel yet' : `In ${featuredIn} ${featuredIn === 1 ? 'panel' : 'panels'}`}</span>
          <button type="button" className="button-ghost icon-button" aria-label={`Remove ${display}`} title={`Remove ${display}`} onClick={() => deleteCharacter(character.id)}>
            <Icon name="trash" size={15} />
          </button>
        </div>
      </div>
      <textarea
        aria-label="Character description"
        rows={2}
        maxLength={2000}
        value={character.description}
        placeholder="Look and wardrobe: e.g. mid-30s, short silver hair, red raincoat"
        onChange={(event) => updateCharacter(character.id, { description: event.target.value })}
        onBlur={endTyping}
      />
      {!character.referenceImage && !error && <p className="field-hint">Drop an image here, paste one, or choose a file. One clear, front-facing picture works best.</p>}
      {error && (
        <p className="callout callout-error small" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

export const CharacterCard = memo(CharacterCardView);
