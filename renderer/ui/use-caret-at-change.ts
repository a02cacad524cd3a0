/**
 * Puts the caret where a text field's text changed when the change came from elsewhere (undo,
 * redo), as a text editor does: at the end of the run that came back, or where a run was taken
 * away. React writes a controlled field's new value into the DOM, and the browser then puts the
 * caret at the end of the whole text. The artist's own typing is left alone (the caret is where
 * they typed), and so is a field whose scope changed (another panel: the old text says nothing
 * about where the new one changed) or that does not have focus.
 */
import { useContext, useLayoutEffect, useRef, type RefObject } from 'react';
import { textChange } from '../lib/text-change';
import { FieldScope } from './field-scope';

type TextBox = HTMLTextAreaElement | HTMLInputElement;

/** Returns the function to call with the text the artist typed (from the box's change event). */
export function useCaretAtChange(ref: RefObject<TextBox | null>, value: string): (typed: string) => void {
  const scope = useContext(FieldScope);
  const shown = useRef({ scope, value });
  const typed = useRef<string | null>(null);
  useLayoutEffect(() => {
    const before = shown.current;
    shown.current = { scope, value };
    const own = typed.current === value;
    typed.current = null;
    const box = ref.current;
    if (!box || own || before.scope !== scope || before.value === value || box.ownerDocument.activeElement !== box) return;
    // An undo step of typing starts with the space before its word (history.ts), and the text after
    // it often starts with a space too: the run is placed as far left as it can be, where it was typed.
    const { at, inserted } = textChange(before.value, value, { leftmost: true });
    box.setSelectionRange(at + inserted.length, at + inserted.length);
  }, [ref, scope, value]);
  return (text) => {
    typed.current = text;
  };
}
