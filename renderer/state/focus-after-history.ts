/**
 * Which panel the inspector shows after an undo or redo, so a step never changes the board out of
 * sight or leaves the artist on nothing:
 *  - the step changed panels and not the one shown (a camera angle set on panel 2, undone while
 *    panel 3 is shown; a deletion undone): the first panel it changed or brought back;
 *  - the panel shown is still there: it stays;
 *  - the step took it away (an undone add or duplicate): the panel before where it was, not
 *    nothing ("No panel selected", J starting again at panel 1).
 * Panels are immutable, so a changed panel is a new object.
 */
import type { Project } from '../../shared/domain/project';

export function focusAfterHistory(before: Project | null, after: Project | null, focusedId: string | null): string | null {
  const panels = after?.panels ?? [];
  const previous = new Map(before?.panels.map((panel) => [panel.id, panel]));
  const changed = panels.filter((panel) => previous.get(panel.id) !== panel);
  if (changed.length > 0 && !changed.some((panel) => panel.id === focusedId)) return changed[0]?.id ?? null;
  if (focusedId === null || panels.some((panel) => panel.id === focusedId)) return focusedId;
  const was = before?.panels.findIndex((panel) => panel.id === focusedId) ?? -1;
  return was < 0 ? focusedId : (panels[Math.min(Math.max(0, was - 1), panels.length - 1)]?.id ?? null);
}
