/**
 * The local draft of a number box. The box shows what the artist types, never the stored value
 * fighting every keystroke ("0." or an empty box on the way to "0.8"); a draft that is a number
 * within min..max goes to onChange at once, anything else is kept only in the box. A change made
 * elsewhere (undo, another panel, another window) replaces the draft unless it already says so.
 * The draft is scoped like every form field (see field-scope): it starts over with the scope.
 */
import { useScopedState } from './field-scope';

export interface NumberDraft {
  /** What the box shows. */
  draft: string;
  /** The draft is typed but is not a number within min..max, so nothing was saved. */
  invalid: boolean;
  /** Hand the box's text here. */
  onInput(text: string): void;
  /** Shows the value in force again (on leaving the box); returns the dropped draft when it was invalid. */
  reset(): string | null;
}

function inRange(text: string, min: number, max: number): boolean {
  const next = Number(text);
  return text.trim() !== '' && Number.isFinite(next) && next >= min && next <= max;
}

export function useNumberDraft(value: number, min: number, max: number, onChange: (value: number) => void): NumberDraft {
  const [draft, setDraft] = useScopedState(() => String(value));
  const [shown, setShown] = useScopedState(() => value);
  let current = draft;
  if (shown !== value) {
    // The value changed elsewhere: show it, unless the draft already says so.
    setShown(value);
    if (Number(draft) !== value || draft.trim() === '') {
      current = String(value);
      setDraft(current);
    }
  }
  const invalid = current.trim() !== '' && !inRange(current, min, max);
  return {
    draft: current,
    invalid,
    onInput(text) {
      setDraft(text);
      if (inRange(text, min, max)) onChange(Number(text));
    },
    reset() {
      setDraft(String(value));
      return invalid ? current : null;
    },
  };
}
