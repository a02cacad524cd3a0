/**
 * Keyboard shortcuts for the editor (listed in features/shortcuts/shortcut-list.ts). Single keys
 * never fire while the artist types in a field (Escape leaves the field for the board); Ctrl/⌘
 * combinations always do (Ctrl+Z undoes typing too, since typing is a document edit). Nothing
 * fires behind an open modal dialog.
 */
import { useEffect } from 'react';
import type { Commands } from './commands';
import { focusBoardCard } from './board-focus';
import { isModalOpen } from './modal-watch';

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'button', 'submit', 'reset', 'color', 'file'].includes(target.type);
  return false;
}

/** Panels per row on the board, for ↑/↓: the windowed board says how many it lays out. */
function boardColumns(): number {
  const columns = Number(document.querySelector<HTMLElement>('.board-grid')?.dataset.columns);
  return Number.isInteger(columns) && columns > 0 ? columns : 1;
}

function handleMod(event: KeyboardEvent, commands: Commands, typing: boolean): boolean {
  const key = event.key.toLowerCase();
  if (key === 'z' && event.shiftKey) commands.redo();
  else if (key === 'z') commands.undo();
  else if (key === 'y' && !event.shiftKey) commands.redo();
  else if (key === 's' && !event.shiftKey) commands.save(); // Mod+Shift+S is the menu's Save As
  else if (key === 'e') commands.openExport();
  else if (key === 'a' && !typing) commands.selectAll();
  else return false;
  return true;
}

/**
 * Keys that make, remove or open something act once per press: a key held down repeats, and
 * holding Delete or D a moment too long must not delete or duplicate a run of panels. Moving
 * (arrows, J/K, Alt+arrows) repeats as usual.
 */
const ONCE_PER_PRESS: ReadonlySet<string> = new Set(['n', 'd', 'delete', 'backspace', 'g', 'c', '?']);

function handlePlain(event: KeyboardEvent, commands: Commands): boolean {
  if (event.repeat && ONCE_PER_PRESS.has(event.key.toLowerCase())) return true;
  if (event.altKey) {
    if (event.key === 'ArrowLeft') commands.nudgeSelection(-1);
    else if (event.key === 'ArrowRight') commands.nudgeSelection(1);
    else return false;
    return true;
  }
  switch (event.key) {
    case 'n':
    case 'N':
      commands.addPanel();
      return true;
    case 'd':
    case 'D':
      commands.duplicateSelection();
      return true;
    case 'Delete':
    case 'Backspace':
      commands.deleteSelection();
      return true;
    case 'g':
    case 'G':
      commands.generateSelection();
      return true;
    case 'c':
    case 'C':
      commands.checkConsistency();
      return true;
    case 'ArrowRight':
    case 'j':
    case 'J':
      commands.focusRelative(1);
      return true;
    case 'ArrowLeft':
    case 'k':
    case 'K':
      commands.focusRelative(-1);
      return true;
    case 'ArrowDown':
      commands.focusRelative(boardColumns());
      return true;
    case 'ArrowUp':
      commands.focusRelative(-boardColumns());
      return true;
    // focusRelative clamps to the board, so an endless step lands on the first or last panel.
    case 'Home':
      commands.focusRelative(Number.NEGATIVE_INFINITY);
      return true;
    case 'End':
      commands.focusRelative(Number.POSITIVE_INFINITY);
      return true;
    case '?':
      commands.openShortcuts();
      return true;
    default:
      return false;
  }
}

export function useGlobalShortcuts(commands: Commands, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isModalOpen()) return;
      const typing = isTypingTarget(event.target);
      // Escape in a field hands the keys back to the card being edited, so an artist can write a
      // scene and go on with J, K or G without reaching for the mouse.
      const handled =
        event.ctrlKey || event.metaKey
          ? handleMod(event, commands, typing)
          : typing
            ? event.key === 'Escape' && focusBoardCard()
            : handlePlain(event, commands);
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands, enabled]);
}
