/**
 * Pure edits of the undoable document (takes are not in it: see takes.ts). Each returns a new
 * Project and never mutates its input, so undo history can share unchanged panels. Panels are
 * addressed by id; ids that do not exist are ignored rather than throwing, because a push event
 * or an undo may have removed them a moment ago.
 */
import { castFirstCharacter, createCharacter, createPanel, removeCharacter } from '../../shared/domain/project-edit';
import type { Character, DeletedPanel, Panel, Project } from '../../shared/domain/project';
import { boundRecentlyDeleted } from '../../shared/domain/recently-deleted';
import { randomId, type IdFactory } from '../../shared/domain/random-id';

export type PanelFields = Omit<Panel, 'id' | 'takes' | 'activeTakeId'>;
export type CharacterFields = Omit<Character, 'id'>;

function mapPanel(doc: Project, panelId: string, change: (panel: Panel) => Panel): Project {
  let changed = false;
  const panels = doc.panels.map((panel) => {
    if (panel.id !== panelId) return panel;
    const next = change(panel);
    changed ||= next !== panel;
    return next;
  });
  return changed ? { ...doc, panels } : doc;
}

export function updatePanel(doc: Project, panelId: string, patch: Partial<PanelFields>): Project {
  return mapPanel(doc, panelId, (panel) => {
    const keys = Object.keys(patch) as Array<keyof PanelFields>;
    return keys.some((key) => panel[key] !== patch[key]) ? { ...panel, ...patch } : panel;
  });
}

/** The character a new panel features: the one the previous panel features, else the only/first one. */
function defaultCharacterId(doc: Project, index: number): string | null {
  const neighbour = doc.panels[index - 1] ?? doc.panels[index];
  if (neighbour) return neighbour.characterId;
  return doc.characters[0]?.id ?? null;
}

/** Inserts a new empty panel at `index` (clamped); returns the doc and the new panel's id. */
export function insertNewPanel(doc: Project, index: number, newId: IdFactory = randomId): { doc: Project; panelId: string } {
  const at = Math.max(0, Math.min(index, doc.panels.length));
  const panel = createPanel({ characterId: defaultCharacterId(doc, at) }, newId);
  const panels = [...doc.panels.slice(0, at), panel, ...doc.panels.slice(at)];
  return { doc: { ...doc, panels }, panelId: panel.id };
}

/** Copies each panel (text, shot, camera, character; not its takes) right after the last of them. */
export function duplicatePanels(doc: Project, panelIds: readonly string[], newId: IdFactory = randomId): { doc: Project; panelIds: string[] } {
  const wanted = new Set(panelIds);
  const sources = doc.panels.filter((panel) => wanted.has(panel.id));
  if (sources.length === 0) return { doc, panelIds: [] };
  const copies = sources.map(({ id: _id, takes: _takes, activeTakeId: _active, ...fields }) => createPanel(fields, newId));
  const lastIndex = doc.panels.findLastIndex((panel) => wanted.has(panel.id));
  const panels = [...doc.panels.slice(0, lastIndex + 1), ...copies, ...doc.panels.slice(lastIndex + 1)];
  return { doc: { ...doc, panels }, panelIds: copies.map((copy) => copy.id) };
}

/**
 * Removes the panels from the board and keeps them, newest first, in `recentlyDeleted` (bounded)
 * so they can be restored later, even after the project is reopened. `hasTakes` (the store's
 * doc holds no takes) lets a full list drop panels without takes before any with paid takes.
 */
export function deletePanels(doc: Project, panelIds: readonly string[], deletedAt = new Date().toISOString(), hasTakes?: (panel: Panel) => boolean): Project {
  const doomed = new Set(panelIds);
  if (!doc.panels.some((panel) => doomed.has(panel.id))) return doc;
  const removed = doc.panels.flatMap((panel, index) => (doomed.has(panel.id) ? [{ panel, index, deletedAt }] : []));
  return {
    ...doc,
    panels: doc.panels.filter((panel) => !doomed.has(panel.id)),
    pendingJobs: doc.pendingJobs.filter((job) => !doomed.has(job.panelId)),
    recentlyDeleted: boundRecentlyDeleted([...removed.reverse(), ...(doc.recentlyDeleted ?? [])], hasTakes).kept,
  };
}

/**
 * Adds the Recently deleted entry main made for paid takes whose panel had left the board and the
 * list (takes emptied, as everywhere in the store's doc); unchanged if the panel is known.
 */
export function withDeletedEntry<D extends Project | null | undefined>(doc: D, entry: DeletedPanel, hasTakes: (panel: Panel) => boolean): D {
  const id = entry.panel.id;
  if (!doc || doc.panels.some((panel) => panel.id === id) || doc.recentlyDeleted?.some((candidate) => candidate.panel.id === id)) return doc;
  const added = { ...entry, panel: { ...entry.panel, takes: [] } };
  return { ...doc, recentlyDeleted: boundRecentlyDeleted([added, ...(doc.recentlyDeleted ?? [])], hasTakes).kept };
}

/**
 * Puts a recently deleted panel back where it was (or at the end of a shorter board). A featured
 * character removed meanwhile is cleared rather than left dangling.
 */
export function restoreDeletedPanel(doc: Project, panelId: string): Project {
  const entry = doc.recentlyDeleted?.find((candidate) => candidate.panel.id === panelId);
  if (!entry || doc.panels.some((panel) => panel.id === panelId)) return doc;
  const castIds = new Set(doc.characters.map((character) => character.id));
  const panel = entry.panel.characterId !== null && !castIds.has(entry.panel.characterId) ? { ...entry.panel, characterId: null } : entry.panel;
  const at = Math.min(entry.index, doc.panels.length);
  return {
    ...doc,
    panels: [...doc.panels.slice(0, at), panel, ...doc.panels.slice(at)],
    recentlyDeleted: (doc.recentlyDeleted ?? []).filter((candidate) => candidate !== entry),
  };
}

/**
 * Moves the given panels (kept in board order) so they sit just before `beforeId`, or at the end
 * when it is null. Dropping a group onto one of its own members leaves the order unchanged.
 */
export function movePanelsBefore(doc: Project, panelIds: readonly string[], beforeId: string | null): Project {
  const moving = new Set(panelIds);
  const moved = doc.panels.filter((panel) => moving.has(panel.id));
  if (moved.length === 0 || (beforeId !== null && moving.has(beforeId))) return doc;
  const rest = doc.panels.filter((panel) => !moving.has(panel.id));
  const at = beforeId === null ? rest.length : rest.findIndex((panel) => panel.id === beforeId);
  if (at < 0) return doc;
  const panels = [...rest.slice(0, at), ...moved, ...rest.slice(at)];
  return panels.every((panel, index) => panel === doc.panels[index]) ? doc : { ...doc, panels };
}

/** Shifts the given panels one place left (-1) or right (+1) as a block; stops at the ends. */
export function nudgePanels(doc: Project, panelIds: readonly string[], delta: -1 | 1): Project {
  const moving = new Set(panelIds);
  const indexes = doc.panels.flatMap((panel, index) => (moving.has(panel.id) ? [index] : []));
  if (indexes.length === 0) return doc;
  const first = indexes[0] ?? 0;
  const last = indexes.at(-1) ?? 0;
  if (delta < 0) {
    const before = doc.panels[first - 1];
    return before ? movePanelsBefore(doc, panelIds, before.id) : doc;
  }
  if (last + 1 >= doc.panels.length) return doc;
  const rest = doc.panels.filter((panel) => !moving.has(panel.id));
  const afterIndex = rest.findIndex((panel) => panel.id === doc.panels[last + 1]?.id);
  return movePanelsBefore(doc, panelIds, rest[afterIndex + 1]?.id ?? null);
}

export function setActiveTakeId(doc: Project, panelId: string, takeId: string | null): Project {
  return mapPanel(doc, panelId, (panel) => (panel.activeTakeId === takeId ? panel : { ...panel, activeTakeId: takeId }));
}

export function addCharacter(doc: Project, init: Partial<CharacterFields> = {}, newId: IdFactory = randomId): { doc: Project; characterId: string } {
  const character = createCharacter({ name: init.name ?? `Character ${doc.characters.length + 1}`, ...init }, newId);
  const lonely = doc.characters.length === 0;
  const panels = lonely ? castFirstCharacter(doc.panels, character.id) : doc.panels;
  return { doc: { ...doc, characters: [...doc.characters, character], panels }, characterId: character.id };
}

export function updateCharacter(doc: Project, characterId: string, patch: Partial<CharacterFields>): Project {
  let changed = false;
  const characters = doc.characters.map((character) => {
    if (character.id !== characterId) return character;
    const keys = Object.keys(patch) as Array<keyof CharacterFields>;
    if (!keys.some((key) => character[key] !== patch[key])) return character;
    changed = true;
    return { ...character, ...patch };
  });
  return changed ? { ...doc, characters } : doc;
}

export function deleteCharacter(doc: Project, characterId: string): Project {
  return doc.characters.some((character) => character.id === characterId) ? removeCharacter(doc, characterId) : doc;
}
