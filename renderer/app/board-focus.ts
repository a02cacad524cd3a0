/**
 * Giving the keyboard back to the board: to the card being edited, which is the board's one tab
 * stop (roving tabindex, features/board/PanelCard), or on an empty board to its "Add first panel"
 * button. Found in the DOM, because the board alone decides which card holds the tab stop.
 */

/** Focuses the board's tab-stop card; false when the board shows none (no project, no panels). */
export function focusBoardCard(): boolean {
  const card = document.querySelector<HTMLElement>('.board-grid [data-panel-id][tabindex="0"]');
  if (!card) return false;
  card.focus();
  return true;
}

/** The card, else the empty board's first button: for a control that goes away under the keyboard. */
export function focusBoard(): boolean {
  if (focusBoardCard()) return true;
  const start = document.querySelector<HTMLElement>('.board-empty button');
  start?.focus();
  return start !== null;
}
