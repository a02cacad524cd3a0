/**
 * One character: reference image, name, description, how many panels feature them, remove.
 * The whole card is a drop target for an image file and accepts a pasted image while focused.
 * The description shows the same counter near its limit as the panel's text fields. Under it, whether
 * the consistency check can use the reference image (ReferenceFaceNote).
 */
import { memo, useEffect, useId, useRef, useState } from 'react';
import type { Character } from '../../../shared/domain/project';
import { CHARACTER_LIMITS } from '../../../shared/domain/project-panel-options';
import { plural } from '../../lib/format';
import { useAppStore, useAppStoreApi } from '../../state/store-context';
import { useLimitedText } from '../../ui/fields';
import { useCaretAtChange } from '../../ui/use-caret-at-change';
import { Icon } from '../../ui/Icon';
import { dropHandlers } from '../../ui/image-drop';
import { ReferenceFaceNote } from './ReferenceFaceNote';
import { ReferenceImage, useReferenceImport } from './ReferenceImage';

interface CharacterCardProps {
  character: Character;
  featuredIn: number;
  /** Just added: take the keyboard into the name, selected, then say so (once, not on a later remount). */
  focusName?: boolean;
  onNameFocused?: () => void;
}

function CharacterCardView({ character, featuredIn, focusName = false, onNameFocused }: CharacterCardProps) {
  const updateCharacter = useAppStore((s) => s.updateCharacter);
  const deleteCharacter = useAppStore((s) => s.deleteCharacter);
  const endTyping = useAppStore((s) => s.endTyping);
  const store = useAppStoreApi();
  const { phase, error, run } = useReferenceImport(character);
  const [over, setOver] = useState(false);
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  // After undo or redo the caret sits where the text changed, not at its end.
  const typedName = useCaretAtChange(nameRef, character.name);
  const typedDescription = useCaretAtChange(descriptionRef, character.description);
  useEffect(() => {
    if (!focusName) return;
    nameRef.current?.focus();
    nameRef.current?.select();
    onNameFocused?.();
  }, [focusName, onNameFocused]);
  const display = character.name.trim() || 'Unnamed character';
  // One click takes the character off every panel that features them: say so, with Undo, as
  // deleting a panel does (it was silent).
  const remove = () => {
    deleteCharacter(character.id);
    const left = featuredIn > 0 ? `: ${plural(featuredIn, 'panel')} now ${featuredIn === 1 ? 'has' : 'have'} no character` : '';
    store.getState().showNotice(`${display} removed${left}.`, store.getState().doc);
  };
  const description = useLimitedText('Character description', character.description, CHARACTER_LIMITS.maxDescriptionLength, (text) =>
    updateCharacter(character.id, { description: text }),
  );

  return (
    <li
      className={over ? 'character-card is-drop-target' : 'character-card'}
      aria-label={display}
      tabIndex={-1}
      {...dropHandlers(run, setOver)}
    >
      <div className="character-top">
        <ReferenceImage character={character} phase={phase} onChoose={() => void run({ source: 'dialog' })} />
        <input
          ref={nameRef}
          id={`${id}-name`}
          className="character-name"
          type="text"
          aria-label="Character name"
          value={character.name}
          maxLength={CHARACTER_LIMITS.maxNameLength}
          placeholder="Name"
          onChange={(event) => {
            typedName(event.target.value);
            updateCharacter(character.id, { name: event.target.value });
          }}
          onBlur={endTyping}
        />
        <div className="character-meta">
          <span className="muted small">{featuredIn === 0 ? 'Not in any panel yet' : `In ${featuredIn} ${featuredIn === 1 ? 'panel' : 'panels'}`}</span>
          <button type="button" className="button-ghost icon-button" aria-label={`Remove ${display}`} title={`Remove ${display}`} onClick={remove}>
            <Icon name="trash" size={15} />
          </button>
        </div>
      </div>
      <textarea
        ref={descriptionRef}
        aria-label="Character description"
        aria-describedby={description.describedBy}
        rows={2}
        value={character.description}
        placeholder="Look and wardrobe: e.g. mid-30s, short silver hair, red raincoat"
        onChange={(event) => {
          typedDescription(event.target.value);
          description.onText(event.target.value);
        }}
        onBlur={endTyping}
      />
      {description.note}
      {!error && <ReferenceFaceNote image={character.referenceImage} />}
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
