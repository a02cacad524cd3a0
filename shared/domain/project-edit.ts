/**
 * Pure helpers that build and edit project documents without ever producing one the schema
 * would refuse (an active take that is not in the panel, a panel featuring a deleted
 * character). They never mutate their input: the UI keeps undo history over whole documents.
 * Clock and ids are passed in so callers and tests control them. Free of zod (types only come
 * from project.ts), so the editor builds and edits documents without loading the schema.
 */
import type { AspectRatio, Character, ExportSettings, Panel, Project, ProjectStyle, Take } from './project';
import { CURRENT_SCHEMA_VERSION } from './project-document';
import { randomId, type IdFactory } from './random-id';
import { cutToLength } from '../graphemes';

export { activeTake } from './project-document';

export const PROJECT_FOLDER_SUFFIX = '.castboard';

/** A new project's look: no style words, Ideogram's defaults, magic prompt off (see ideogram-controls). */
export const DEFAULT_PROJECT_STYLE: ProjectStyle = {
  stylePrompt: '',
  styleType: 'AUTO',
  renderingSpeed: 'DEFAULT',
  negativePrompt: '',
  magicPrompt: 'OFF',
  colorPalette: null,
  defaultVariations: 1,
};

/** A new project's contact sheet options. A fresh copy each call, so callers may edit it. */
export function defaultExportSettings(): ExportSettings {
  return {
    columns: 4,
    cellWidth: 384,
    margin: 48,
    gutter: 24,
    background: '#ffffff',
    captions: ['scene', 'dialogue', 'shot'],
    page: 'none',
    orientation: 'landscape',
    dpi: 150,
    selectedOnly: false,
  };
}

export interface NewProjectInit {
  title: string;
  aspectRatio?: AspectRatio;
  style?: Partial<ProjectStyle>;
}

export function createEmptyProject(init: NewProjectInit, now: Date): Project {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    title: init.title,
    aspectRatio: init.aspectRatio ?? '16:9',
    style: { ...DEFAULT_PROJECT_STYLE, ...init.style },
    characters: [],
    panels: [],
    exportSettings: defaultExportSettings(),
    pendingJobs: [],
    createdAt: now.toISOString(),
  };
}

/**
 * The first character of a project is featured by every panel that had none: that is what a new
 * project wants (panels written before the cast). Later characters change no panel.
 */
export function castFirstCharacter(panels: readonly Panel[], characterId: string): Panel[] {
  return panels.map((panel) => (panel.characterId === null ? { ...panel, characterId } : panel));
}

export function createPanel(init: Partial<Omit<Panel, 'id' | 'takes' | 'activeTakeId'>> = {}, newId: IdFactory = randomId): Panel {
  return {
    id: newId(),
    scenePrompt: '',
    shotType: 'MS',
    cameraAngle: 'EYE_LEVEL',
    cameraMovement: 'STATIC',
    dialogue: '',
    action: '',
    notes: '',
    durationSeconds: 3,
    characterId: null,
    ...init,
    takes: [],
    activeTakeId: null,
  };
}

export function createCharacter(init: Pick<Character, 'name'> & Partial<Omit<Character, 'id'>>, newId: IdFactory = randomId): Character {
  return { description: '', referenceImage: null, ...init, id: newId() };
}

/** Adds a take; by default it becomes the panel's active take (a new result is what the artist wants to see). */
export function addTake(panel: Panel, take: Take, options: { activate?: boolean } = {}): Panel {
  const activate = options.activate ?? true;
  return { ...panel, takes: [...panel.takes, take], activeTakeId: activate || panel.activeTakeId === null ? take.id : panel.activeTakeId };
}

/** Removes a take; if it was active, the newest remaining take becomes active. */
export function removeTake(panel: Panel, takeId: string): Panel {
  const takes = panel.takes.filter((take) => take.id !== takeId);
  const activeTakeId = panel.activeTakeId === takeId ? (takes.at(-1)?.id ?? null) : panel.activeTakeId;
  return { ...panel, takes, activeTakeId };
}

export function setActiveTake(panel: Panel, takeId: string): Panel {
  if (!panel.takes.some((take) => take.id === takeId)) return panel;
  return { ...panel, activeTakeId: takeId };
}


/** Removes a character and un-features it from every panel that featured it. */
export function removeCharacter(project: Project, characterId: string): Project {
  return {
    ...project,
    characters: project.characters.filter((character) => character.id !== characterId),
    panels: project.panels.map((panel) => (panel.characterId === characterId ? { ...panel, characterId: null } : panel)),
  };
}

/** Removes a panel and any pending job for it (its result would have nowhere to go). */
export function removePanel(project: Project, panelId: string): Project {
  return {
    ...project,
    panels: project.panels.filter((panel) => panel.id !== panelId),
    pendingJobs: project.pendingJobs.filter((job) => job.panelId !== panelId),
  };
}

/**
 * A title as the start of a file or folder name: characters that are not allowed in file names
 * on Windows, macOS or Linux (and a "/" that would make a sub-folder) replaced, cut to 100 units,
 * trailing dots and spaces dropped, a reserved Windows device name or nothing at all becoming
 * "Untitled". Used for the project folder and for the names the export save dialogs suggest, so
 * both work anywhere.
 */
export function fileNameBase(title: string): string {
  const replaced = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  // At most 100 UTF-16 units (file systems limit name length), cut between whole characters.
  // Trailing dots and spaces go after the cut, which can end on one ("Act 1. The pier" cut after
  // "1." or "1. "): Windows drops them from a name or refuses it.
  const cleaned = cutToLength(replaced, 100).replace(/[. ]+$/, '');
  const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i.test(cleaned);
  return cleaned === '' || /^[.-]+$/.test(cleaned) || reserved ? 'Untitled' : cleaned;
}

/**
 * The folder name for a new project: `<Title>.castboard` (fileNameBase), so the same project can
 * move between systems.
 */
export function projectFolderName(title: string): string {
  return `${fileNameBase(title)}${PROJECT_FOLDER_SUFFIX}`;
}
