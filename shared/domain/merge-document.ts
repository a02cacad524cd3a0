/**
 * Merges a document edited in the renderer into the one main holds. Main is the only writer of
 * takes and pending jobs (they record money spent), so the renderer's copy can never remove
 * them: takes are unioned by id (main's order first), pending jobs are main's, and an active
 * take that names no take falls back to main's choice. Recently deleted is the renderer's, except
 * that an entry holding takes main added there is never lost by an edit (recently-deleted.ts).
 */
import type { DeletedPanel, Panel, Project } from './project';
import { keepPaidDeleted } from './recently-deleted';

function mergePanel(incoming: Panel, current: Panel | undefined): Panel {
  if (!current) return incoming;
  const known = new Set(current.takes.map((take) => take.id));
  const takes = [...current.takes, ...incoming.takes.filter((take) => !known.has(take.id))];
  const activeExists = incoming.activeTakeId !== null && takes.some((take) => take.id === incoming.activeTakeId);
  return { ...incoming, takes, activeTakeId: activeExists ? incoming.activeTakeId : current.activeTakeId };
}

/** `onDropped`: entries with takes that fell off the bounded list (only when every entry holds takes). */
export function mergeEditedDocument(current: Project, incoming: Project, onDropped?: (dropped: DeletedPanel[]) => void): Project {
  // Main's copy of each panel, on the board or in Recently deleted (the board's wins): a panel
  // deleted or restored while its takes arrived keeps them wherever the edit put it.
  const known = new Map([...(current.recentlyDeleted ?? []).map((entry) => entry.panel), ...current.panels].map((panel) => [panel.id, panel]));
  const edited = incoming.recentlyDeleted?.map((entry) => ({ ...entry, panel: mergePanel(entry.panel, known.get(entry.panel.id)) }));
  const deleted = keepPaidDeleted(current, { ...incoming, ...(edited ? { recentlyDeleted: edited } : {}) });
  if (deleted.dropped.length > 0) onDropped?.(deleted.dropped);
  return {
    ...incoming,
    ...(deleted.recentlyDeleted ? { recentlyDeleted: deleted.recentlyDeleted } : {}),
    // A panel restored from Recently deleted by an edit made before main added takes to its entry keeps them.
    panels: incoming.panels.map((panel) => mergePanel(panel, known.get(panel.id))),
    pendingJobs: current.pendingJobs,
    // Written by main only, like pendingJobs: an edit or an undo never forgets money spent.
    ...(current.paidWithoutImage ? { paidWithoutImage: current.paidWithoutImage } : {}),
  };
}
