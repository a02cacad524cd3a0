/**
 * How Recently deleted keeps paid takes. The list is bounded (MAX_RECENTLY_DELETED, newest
 * first); when it overflows, entries without takes fall off before any entry holding takes, so a
 * deleted empty panel never pushes paid images out. Only when every entry holds takes does the
 * oldest of them go (its images stay in images/; the caller is told, to log it). Free of zod:
 * the renderer's start-up bundle uses it.
 */
import type { DeletedPanel, ImageRef, Panel, Project, Take } from './project';
import { MAX_RECENTLY_DELETED } from './project-document';
import { addTake, createPanel } from './project-edit';

/** `entries` cut to the bound, dropping takeless entries (oldest first) before ones with takes. */
export function boundRecentlyDeleted(
  entries: readonly DeletedPanel[],
  hasTakes: (panel: Panel) => boolean = (panel) => panel.takes.length > 0,
): { kept: DeletedPanel[]; dropped: DeletedPanel[] } {
  let excess = entries.length - MAX_RECENTLY_DELETED;
  if (excess <= 0) return { kept: [...entries], dropped: [] };
  const doomed = new Set<DeletedPanel>();
  for (const paid of [false, true]) {
    for (let at = entries.length - 1; at >= 0 && excess > 0; at -= 1) {
      const entry = entries[at];
      if (entry && !doomed.has(entry) && hasTakes(entry.panel) === paid) {
        doomed.add(entry);
        excess -= 1;
      }
    }
  }
  return { kept: entries.filter((entry) => !doomed.has(entry)), dropped: entries.filter((entry) => doomed.has(entry)) };
}

/**
 * Takes main holds in Recently deleted that an edited document lost without putting their panel
 * back on the board (an edit composed before main added them): kept, in date order, within the
 * bound. An entry the edit itself pushed out keeps its place only if it holds takes.
 */
export function keepPaidDeleted(current: Project, incoming: Project): { recentlyDeleted: DeletedPanel[] | undefined; dropped: DeletedPanel[] } {
  const named = new Set([...incoming.panels, ...(incoming.recentlyDeleted ?? []).map((entry) => entry.panel)].map((panel) => panel.id));
  const lost = (current.recentlyDeleted ?? []).filter((entry) => entry.panel.takes.length > 0 && !named.has(entry.panel.id));
  if (lost.length === 0) return { recentlyDeleted: incoming.recentlyDeleted, dropped: [] };
  const all = [...(incoming.recentlyDeleted ?? []), ...lost].sort((a, b) => Date.parse(b.deletedAt) - Date.parse(a.deletedAt));
  const { kept, dropped } = boundRecentlyDeleted(all);
  return { recentlyDeleted: kept, dropped };
}

export interface DeletedTakesResult {
  project: Project;
  /** The entry now holding the takes (new when the panel was in neither the board nor the list). */
  entry: DeletedPanel;
  created: boolean;
  /** Entries with takes that had to fall off to make room (only when every entry holds takes). */
  dropped: DeletedPanel[];
}

/**
 * Paid takes for a panel that is not on the board: they join its Recently deleted entry, or, when
 * the panel fell off the list (or a damaged file lost it), a new entry rebuilt from what is known —
 * the first take's prompt as the scene, the character whose reference the request sent — placed
 * at the end of the board when restored. A paid image is never left unreferenced.
 */
export function addTakesToDeleted(
  project: Project,
  panelId: string,
  takes: readonly Take[],
  known: { reference?: ImageRef; deletedAt: string },
): DeletedTakesResult {
  const entries = project.recentlyDeleted ?? [];
  const existing = entries.find((entry) => entry.panel.id === panelId);
  const base = existing?.panel ?? rebuiltPanel(project, panelId, takes, known.reference);
  const panel = takes.reduce((next, take) => addTake(next, take, { activate: next.activeTakeId === null }), base);
  const entry: DeletedPanel = existing ? { ...existing, panel } : { panel, index: project.panels.length, deletedAt: known.deletedAt };
  const { kept, dropped } = boundRecentlyDeleted(existing ? entries.map((candidate) => (candidate === existing ? entry : candidate)) : [entry, ...entries]);
  return { project: { ...project, recentlyDeleted: kept }, entry, created: !existing, dropped };
}

function rebuiltPanel(project: Project, panelId: string, takes: readonly Take[], reference: ImageRef | undefined): Panel {
  const character = reference === undefined ? undefined : project.characters.find((candidate) => candidate.referenceImage === reference);
  return createPanel({ scenePrompt: takes[0]?.prompt ?? '', characterId: character?.id ?? null }, () => panelId);
}
