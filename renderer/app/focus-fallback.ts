/**
 * When a screen or dialog change takes away the control that had the keyboard, the browser
 * leaves focus on the page body and the next Tab starts again from the window's top. That happens
 * on the welcome screen's "Add API key" (gone once the key is saved, so closing Settings has no
 * opener to return to), on "New project" (gone once the project opens) and on "Close project"
 * (gone with the editor). The keyboard goes instead to where the artist carries on: the board on
 * the editor, the next step's first button on the welcome screen. Focus the artist placed
 * anywhere else is left alone, and nothing moves while a dialog is open or when the app starts.
 */
import { useEffect, useRef } from 'react';
import { focusBoard } from './board-focus';

function focusWelcomeStep(): void {
  document.querySelector<HTMLElement>('.welcome .step-next button:not(:disabled)')?.focus();
}

export function useFocusFallback(hasProject: boolean, dialogOpen: boolean): void {
  const started = useRef(false);
  useEffect(() => {
    if (!started.current) {
      started.current = true;
      return;
    }
    if (dialogOpen) return;
    // After the frame: the screen the change brings has rendered its buttons by then.
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active !== null && active !== document.body) return;
      if (hasProject) focusBoard();
      else focusWelcomeStep();
    });
    return () => cancelAnimationFrame(frame);
  }, [hasProject, dialogOpen]);
}
