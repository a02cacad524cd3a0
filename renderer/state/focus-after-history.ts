/**
 * Which panel the inspector shows after an undo or redo. The panel shown stays when it is still
 * there; when the step took it away (an undone add or duplicate) the artist goes on from the
 * panel before where it was, not from nothing ("No panel selected", J starting at panel 1); when
 * none was shown (after deleting every panel) it is the first panel the step brought back.
 */
import type { Project } from '../../shared/domain/project';

export function focusAfterHistory(before: Project | null, after: Project | null, focusedId: string | null): string | null {
  const panels = after?.panels ?? [];
  if (focusedId !== null && panels.some((panel) => panel.id === focusedId)) return focusedId;
  if (focusedId !== null) {
    const was = before?.panels.findIndex((panel) => panel.id === focusedId) ?? -1;
    return was < 0 ? focusedId : (panels[Math.min(Math.max(0, was - 1), panels.length - 1)]?.id ?? null);
  }
  const known = new Set(before?.panels.map((panel) => panel.id));
  return panels.find((panel) => !known.has(panel.id))?.id ?? null;
}
