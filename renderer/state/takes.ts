/**
 * Takes live outside the undoable document: `doc.panels[].takes` is always empty in the store and
 * the real takes are kept per panel in `takesByPanel`, which only ever grows (main appends takes;
 * nothing here removes one). Undo therefore can never lose a generated image. `composeProject`
 * rebuilds the full document main expects, dropping an active take that names no known take.
 */
import type { Panel, Project, Take } from '../../shared/domain/project';

export type TakesByPanel = Readonly<Record<string, readonly Take[]>>;

/**
 * Splits an opened project into the undoable document (takes emptied) and the takes per panel.
 * Recently deleted panels are split the same way, so restoring one brings its takes back.
 */
export function splitTakes(project: Project): { doc: Project; takesByPanel: Record<string, readonly Take[]> } {
  const takesByPanel: Record<string, readonly Take[]> = {};
  const strip = (panel: Panel): Panel => {
    takesByPanel[panel.id] = panel.takes;
    return panel.takes.length === 0 ? panel : { ...panel, takes: [] };
  };
  const panels = project.panels.map(strip);
  const recentlyDeleted = project.recentlyDeleted?.map((entry) => ({ ...entry, panel: strip(entry.panel) }));
  return { doc: { ...project, panels, ...(recentlyDeleted ? { recentlyDeleted } : {}) }, takesByPanel };
}

/** Appends the incoming takes that are not known yet, keeping the existing order. */
export function mergeTakes(existing: readonly Take[] | undefined, incoming: readonly Take[]): readonly Take[] {
  const known = new Set((existing ?? []).map((take) => take.id));
  const fresh = incoming.filter((take) => !known.has(take.id));
  if (fresh.length === 0) return existing ?? [];
  return [...(existing ?? []), ...fresh];
}

/** The full document for `project:update`: each panel with its takes, and a valid active take. */
export function composeProject(doc: Project, takesByPanel: TakesByPanel): Project {
  return {
    ...doc,
    characters: doc.characters.map((character) =>
      character.name.trim() === '' ? { ...character, name: 'Unnamed character' } : character,
    ),
    panels: doc.panels.map((panel) => withTakes(panel, takesByPanel)),
    ...(doc.recentlyDeleted ? { recentlyDeleted: doc.recentlyDeleted.map((entry) => ({ ...entry, panel: withTakes(entry.panel, takesByPanel) })) } : {}),
  };
}

function withTakes(panel: Panel, takesByPanel: TakesByPanel): Panel {
  const takes = [...(takesByPanel[panel.id] ?? [])];
  const activeTakeId = panel.activeTakeId !== null && takes.some((take) => take.id === panel.activeTakeId) ? panel.activeTakeId : null;
  return { ...panel, takes, activeTakeId };
}

/** The take a panel shows, or null (no takes yet, or the active one is unknown). */
export function activeTakeOf(panel: Pick<Panel, 'activeTakeId'>, takes: readonly Take[] | undefined): Take | null {
  if (panel.activeTakeId === null || !takes) return null;
  return takes.find((take) => take.id === panel.activeTakeId) ?? null;
}
