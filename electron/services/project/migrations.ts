/**
 * Upgrades older project documents, one version step at a time, on plain JSON values (the old
 * shapes have no schema here; the result is validated by the current ProjectSchema afterwards).
 * Steps never drop what the artist wrote: a field with no new home moves into the panel's notes.
 * The caller keeps the untouched original file in backups/ before anything is saved over it.
 *
 * Format history:
 *   v1  first prototype: panels had one free-text `camera` field; no export settings, no
 *       pending jobs.
 *   v2  `camera` split into `cameraAngle` + `cameraMovement` (fixed lists the prompt builder
 *       understands); `exportSettings` and `pendingJobs` added.
 *   v3  the project's image controls (`style`: magic prompt, style type, palette, default
 *       variations, per-panel overrides), `recentlyDeleted` panels, `paidWithoutImage` records,
 *       take notes, and (issue #15) a take's `origin`/`fileName` (imported or sketched images)
 *       and a panel's `sketch` strokes. All optional with defaults, so a v2 file reads unchanged; the version moves so
 *       that an older Castboard refuses a v3 file with "made by a newer version" instead of
 *       reporting it as damaged.
 */
import { CURRENT_SCHEMA_VERSION } from '../../../shared/domain/project-document';
import { defaultExportSettings } from '../../../shared/domain/project-edit';
import type { CameraAngle, CameraMovement } from '../../../shared/domain/project-panel-options';

type Json = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  describe: string;
  migrate(document: Json): Json;
}

const ANGLE_WORDS: ReadonlyArray<[RegExp, CameraAngle]> = [
  [/worm/i, 'WORMS_EYE'],
  [/overhead|bird|top[- ]?down/i, 'OVERHEAD'],
  [/dutch|canted|tilted horizon/i, 'DUTCH'],
  [/low/i, 'LOW'],
  [/high/i, 'HIGH'],
];

const MOVEMENT_WORDS: ReadonlyArray<[RegExp, CameraMovement]> = [
  [/hand[- ]?held|shaky/i, 'HANDHELD'],
  [/track/i, 'TRACKING'],
  [/crane|jib/i, 'CRANE'],
  [/dolly|push[- ]?in|pull[- ]?out/i, 'DOLLY'],
  [/truck/i, 'TRUCK'],
  [/zoom/i, 'ZOOM'],
  [/\bpan/i, 'PAN'],
  [/\btilt(?!ed)/i, 'TILT'],
];

function firstMatch<T>(text: string, table: ReadonlyArray<[RegExp, T]>, fallback: T): T {
  return table.find(([pattern]) => pattern.test(text))?.[1] ?? fallback;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function migratePanelV1(panel: unknown): unknown {
  if (!isObject(panel)) return panel;
  const { camera, ...rest } = panel;
  const text = typeof camera === 'string' ? camera.trim() : '';
  const notes = typeof rest.notes === 'string' ? rest.notes : '';
  return {
    ...rest,
    cameraAngle: firstMatch(text, ANGLE_WORDS, 'EYE_LEVEL'),
    cameraMovement: firstMatch(text, MOVEMENT_WORDS, 'STATIC'),
    // The old wording is kept verbatim: the fixed lists cannot say everything free text could.
    notes: text === '' ? notes : [notes, `Camera: ${text}`].filter((line) => line !== '').join('\n'),
  };
}

const v1ToV2: Migration = {
  from: 1,
  to: 2,
  describe: 'split the camera field into angle and movement; add export settings and pending jobs',
  migrate(document) {
    return {
      ...document,
      schemaVersion: 2,
      panels: Array.isArray(document.panels) ? document.panels.map(migratePanelV1) : document.panels,
      exportSettings: document.exportSettings ?? defaultExportSettings(),
      pendingJobs: document.pendingJobs ?? [],
    };
  },
};

const v2ToV3: Migration = {
  from: 2,
  to: 3,
  describe: 'mark the format that adds image controls, recently deleted panels and paid-without-image records (all optional)',
  migrate: (document) => ({ ...document, schemaVersion: 3 }),
};

export const MIGRATIONS: readonly Migration[] = [v1ToV2, v2ToV3];

/** True when a migration path exists from `version` to the current version. */
export function canMigrate(version: number): boolean {
  let current = version;
  while (current < CURRENT_SCHEMA_VERSION) {
    const step = MIGRATIONS.find((migration) => migration.from === current);
    if (!step) return false;
    current = step.to;
  }
  return current === CURRENT_SCHEMA_VERSION;
}

/** Applies every step from `version` up to CURRENT_SCHEMA_VERSION. Call canMigrate() first. */
export function migrateToCurrent(document: Json, version: number): Json {
  let current = version;
  let result = document;
  while (current < CURRENT_SCHEMA_VERSION) {
    const step = MIGRATIONS.find((migration) => migration.from === current);
    if (!step) throw new Error(`No migration from project format ${current}`);
    result = step.migrate(result);
    current = step.to;
  }
  return result;
}
