/**
 * The sketch pad's keys (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y, P, E, 1-4) answer anywhere in its dialog:
 * on the canvas, the tools, the dialog's close button, and on the page body when focus has fallen
 * there (a click on the dialog's plain text, or a focused button that disabled itself). Behind a
 * modal the page is inert and the app's own shortcuts are off, so a key on the body while this is
 * the only open dialog is meant for the pad. A text field keeps its own keys (its Ctrl+Z undoes
 * typing), and a dropdown its letters and digits (typing "8" on Pen size picks 8 px, not a grey).
 * Listened for on the document because the body is outside the dialog's subtree.
 */
import { useEffect, useEffectEvent, type RefObject } from 'react';

/** Where typing happens: the pad's keys stay out of it. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file', 'range'].includes(target.type);
}

/** A plain key on a dropdown: it picks the option that starts with it. */
function isDropdownChoice(event: KeyboardEvent): boolean {
  return event.target instanceof HTMLSelectElement && !event.ctrlKey && !event.metaKey;
}

/** The key was pressed in `dialog`, or on the body while `dialog` is the only dialog open. */
function pressedIn(dialog: HTMLDialogElement, target: EventTarget | null): boolean {
  if (target instanceof Node && dialog.contains(target)) return true;
  if (target !== document.body && target !== document.documentElement) return false;
  return Array.from(document.querySelectorAll('dialog[open]')).every((open) => open === dialog);
}

/**
 * Calls `onKey` for keys pressed in the dialog holding `padRef`; `onKey` returns whether it acted
 * (then the key's default is prevented and it goes no further).
 */
export function useSketchKeys(padRef: RefObject<HTMLElement | null>, onKey: (event: KeyboardEvent) => boolean): void {
  // The handler of the latest render (it reads the current pen), without re-listening on every render.
  const handle = useEffectEvent(onKey);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const dialog = padRef.current?.closest('dialog');
      if (!dialog || event.defaultPrevented || event.isComposing || isTextField(event.target) || isDropdownChoice(event) || !pressedIn(dialog, event.target)) return;
      if (!handle(event)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [padRef]);
}
