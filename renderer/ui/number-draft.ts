/**
 * The local draft of a number box. The box shows what the artist types, never the stored value
 * fighting every keystroke ("0." or an empty box on the way to "0.8"); a draft that is a number
 * within min..max goes to onChange at once, anything else is kept only in the box. A change made
 * elsewhere (undo, another panel, another window) replaces the draft unless it already says so.
 * The draft is scoped like every form field (see field-scope): it starts over with the scope.
 *
 * A number saved while typing is often only the start of the one being typed ("100" on the way to
 * "1000"), so it must not outlive it: once the draft goes out of range, the value goes back to the
 * one in force before the artist started typing this number (the base), and that is what the box
 * shows on leaving it. Typing at the end of the draft continues a number; any other change
 * (select all and type, delete, paste) starts a new one, so a value typed, seen and then replaced
 * in the same visit to the box is the base of the next. The caller says what happened (`invalid`,
 * then `dropped`): never a silent change.
 */
import { useScopedState } from './field-scope';

export interface NumberDraft {
  /** What the box shows. */
  draft: string;
  /** The draft is typed but is not a number within min..max: the value in force is the base. */
  invalid: boolean;
  /** An out-of-range draft the box dropped on leaving it; cleared by the next keystroke or change. */
  dropped: string | null;
  /** Hand the box's text here. */
  onInput(text: string): void;
  /** Shows the value in force again (on leaving the box); an invalid draft becomes `dropped`. */
  reset(): void;
}

function inRange(text: string, min: number, max: number): boolean {
  const next = Number(text);
  return text.trim() !== '' && Number.isFinite(next) && next >= min && next <= max;
}

export function useNumberDraft(value: number, min: number, max: number, onChange: (value: number) => void): NumberDraft {
  const [draft, setDraft] = useScopedState(() => String(value));
  const [shown, setShown] = useScopedState(() => value);
  // The value before the artist started typing the number in the box; null while not typing.
  const [base, setBase] = useScopedState<number | null>(() => null);
  const [dropped, setDropped] = useScopedState<string | null>(() => null);
  const isInvalid = (text: string) => text.trim() !== '' && !inRange(text, min, max);
  let current = draft;
  let droppedNow = dropped;
  if (shown !== value) {
    // The value changed: show it, unless the draft already says so, or the draft is out of range
    // and the value is back at the base (the draft's own revert: the box keeps what was typed).
    setShown(value);
    droppedNow = null;
    setDropped(null);
    const reverted = isInvalid(draft) && value === base;
    if (!reverted && (Number(draft) !== value || draft.trim() === '')) {
      current = String(value);
      setDraft(current);
      setBase(null);
    }
  }
  const invalid = isInvalid(current);
  return {
    draft: current,
    invalid,
    dropped: droppedNow,
    onInput(text) {
      setDraft(text);
      setDropped(null);
      // Only characters added at the end continue the number whose start may have been saved.
      const start = base !== null && text.startsWith(current) ? base : value;
      if (start !== base) setBase(start);
      if (inRange(text, min, max)) onChange(Number(text));
      else if (isInvalid(text) && value !== start) onChange(start);
    },
    reset() {
      setDraft(String(value));
      setBase(null);
      setDropped(invalid ? current : null);
    },
  };
}
