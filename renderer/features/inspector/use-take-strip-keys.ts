/**
 * The take strip's keys (roving tabindex). The strip is one Tab stop: the take last reached by
 * keyboard or pointer, else the active take, else the first. ←/→ and Home/End move focus between
 * the panel's takes and stop at its ends. They are handled here and marked handled
 * (preventDefault), because the board's shortcuts listen on the window and skip a key that was
 * handled: without that, → in the strip moved the board to the next panel and took the strip away.
 * Enter and Space are left to the buttons: a button's own activation is its click, so picking a
 * take by key is the same single undoable edit as picking it with the pointer.
 */
import { useState, type KeyboardEvent } from 'react';

/** Where each key moves focus, from the focused take's index, given the last index. */
const MOVES: Readonly<Record<string, (index: number, last: number) => number>> = {
  ArrowRight: (index, last) => Math.min(last, index + 1),
  ArrowLeft: (index) => Math.max(0, index - 1),
  Home: () => 0,
  End: (_index, last) => last,
};

export interface TakeStripKeys {
  /** The take that holds the strip's Tab stop (tabIndex 0); every other take is -1. */
  stopId: string | null;
  /** For each take's onFocus: the stop follows focus, so Tab out and back returns to it. */
  reached(takeId: string): void;
  /** For the strip's container. */
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
}

export function useTakeStripKeys(takeIds: readonly string[], activeId: string | null): TakeStripKeys {
  const [reachedId, setReachedId] = useState<string | null>(null);
  // An id of another panel's take (the inspector moved on) falls back to this panel's active take.
  const stopId = [reachedId, activeId].find((id) => id !== null && takeIds.includes(id)) ?? takeIds[0] ?? null;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const move = MOVES[event.key];
    // Alt+←/→ still moves the selected panels, and Ctrl/⌘ combinations stay the board's.
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-take-id]'));
    const from = buttons.findIndex((button) => button.contains(event.target as Node));
    if (from < 0) return;
    event.preventDefault();
    const next = buttons[move(from, buttons.length - 1)];
    next?.focus();
  };
  return { stopId, reached: setReachedId, onKeyDown };
}
