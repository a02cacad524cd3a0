/**
 * Tab and Shift+Tab go round inside a modal dialog. A native modal <dialog> makes the page behind
 * it inert, but Chromium still lets Tab leave its last control for the document itself (the body,
 * or the browser's own UI): in Electron that is a stop on nothing, which a screen reader announces
 * as the window and a keyboard user has to Tab past. Wrapping from the last control to the first
 * (and back) keeps every Tab inside the dialog.
 */
import type { KeyboardEvent } from 'react';

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]';

/** The controls Tab stops at, in order: enabled, not taken out of the order, and shown. */
export function tabStops(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (element) =>
      element.tabIndex >= 0 &&
      !(element as HTMLButtonElement).disabled &&
      !(element instanceof HTMLInputElement && element.type === 'hidden') &&
      element.getClientRects().length > 0,
  );
}

/** A radio group is one Tab stop: only its checked radio (or its first, when none is) takes focus. */
function isSkippedRadio(element: HTMLElement, stops: readonly HTMLElement[]): boolean {
  if (!(element instanceof HTMLInputElement) || element.type !== 'radio' || !element.name) return false;
  const group = stops.filter((stop) => stop instanceof HTMLInputElement && stop.type === 'radio' && stop.name === element.name) as HTMLInputElement[];
  const chosen = group.find((radio) => radio.checked) ?? group[0];
  return chosen !== element;
}

/** Whether focus on `active` is on the stop `stop`: a radio counts as its group's stop. */
function sameStop(active: Element | null, stop: HTMLElement): boolean {
  if (active === stop) return true;
  const radio = (element: Element | null): element is HTMLInputElement => element instanceof HTMLInputElement && element.type === 'radio' && element.name !== '';
  return radio(active) && radio(stop) && active.name === stop.name;
}

/** The dialog's keydown: on Tab from its last stop (Shift+Tab from its first), go round. */
export function wrapTab(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
  const all = tabStops(event.currentTarget);
  const stops = all.filter((stop) => !isSkippedRadio(stop, all));
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  const edge = event.shiftKey ? first : last;
  // Shift+Tab from the dialog itself (nothing in it focused) also goes round to the last stop.
  if (!sameStop(active, edge) && !(event.shiftKey && active === event.currentTarget)) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}
