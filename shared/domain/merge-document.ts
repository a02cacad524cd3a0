/**
 * Merges a document edited in the renderer into the one main holds. Main is the only writer of
 * takes and pending jobs (they record money spent), so the renderer's copy can never remove
 * them: takes are unioned by id (main's order first), pending jobs are main's, and an active
 * take that names no take falls back to main's choice.
 */
import type { Panel, Project } from './project';

function mergePanel(incoming: Panel, current: Panel | undefined): Panel {
  if (!current) return incoming;
  const known = new Set(current.takes.map((take) => take.id));
  const takes = [...current.takes, ...incoming.takes.filter((take) => !known.has(take.id))];
  const activeExists = incoming.activeTakeId !== null && takes.some((take) => take.id === incoming.activeTakeId);
  return { ...incoming, takes, activeTakeId: activeExists ? incoming.activeTakeId : current.activeTakeId };
}

export function mergeEditedDocument(current: Project, incoming: Project): Project {
  const currentPanels = new Map(current.panels.map((panel) => [panel.id, panel]));
  return {
    ...incoming,
    panels: incoming.panels.map((panel) => mergePanel(panel, currentPanels.get(panel.id))),
    pendingJobs: current.pendingJobs,
    // Written by main only, like pendingJobs: an edit or an undo never forgets money spent.
    ...(current.paidWithoutImage ? { paidWithoutImage: current.paidWithoutImage } : {}),
  };
}
