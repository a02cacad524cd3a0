/**
 * What the UI is told about an open project besides the document itself: the saved/unsaved
 * state, what opening found (missing or damaged images, a migration), the backups it can fall
 * back to, and the recent-projects list. Plain data, so it crosses IPC unchanged.
 */
import { z } from 'zod';
import { IsoDateSchema } from './project-primitives';

/**
 * - saved: what is on disk is what is on screen.
 * - unsaved: there are changes not written yet (autosave pending, or autosave off).
 * - saving: a write is in progress.
 * - error: the last save failed; `message` says why and what to do. The work is still unsaved.
 */
export const SaveStateSchema = z.enum(['saved', 'unsaved', 'saving', 'error']);
export type SaveState = z.infer<typeof SaveStateSchema>;

export const SaveStatusSchema = z
  .object({
    state: SaveStateSchema,
    /** True whenever changes exist that are not on disk (also while saving and after an error). */
    dirty: z.boolean(),
    message: z.string().nullable(),
    lastSavedAt: IsoDateSchema.nullable(),
    /** Set when Castboard will not write to this folder (read-only, or an old original it could not back up). */
    readOnlyReason: z.string().nullable(),
  })
  .strict();
export type SaveStatus = z.infer<typeof SaveStatusSchema>;

export const ImageProblemSchema = z
  .object({
    image: z.string(),
    problem: z.enum(['missing', 'corrupt']),
    /** Where the image is used, e.g. "panel 3, take 2". */
    usedBy: z.array(z.string()),
  })
  .strict();
export type ImageProblem = z.infer<typeof ImageProblemSchema>;

export const OpenReportSchema = z
  .object({
    /** Images the document names that are missing or damaged: shown as placeholders, kept referenced. */
    imageProblems: z.array(ImageProblemSchema),
    /** The schema version the file had when it was older than this build's, else null. */
    migratedFrom: z.number().int().nullable(),
    /** Project-relative path of the untouched original kept before migrating, else null. */
    originalKeptAs: z.string().nullable(),
    /** One paragraph for the artist summarising the above, or null when there is nothing to say. */
    message: z.string().nullable(),
  })
  .strict();
export type OpenReport = z.infer<typeof OpenReportSchema>;

export const BackupInfoSchema = z
  .object({
    /** File name inside backups/, e.g. project-2025-11-21T17-40-12-345Z.json. */
    fileName: z.string(),
    savedAt: IsoDateSchema,
    title: z.string(),
    panelCount: z.number().int().min(0),
  })
  .strict();
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

export const RecentProjectSchema = z
  .object({
    /** Absolute path of the project folder (the one holding project.json). */
    path: z.string().min(1),
    title: z.string(),
    openedAt: IsoDateSchema,
  })
  .strict();
export type RecentProject = z.infer<typeof RecentProjectSchema>;

/**
 * A recent project as the start screen and the menu list it: `missing` when its folder no longer
 * holds a project.json (moved, renamed or deleted). Such an entry stays listed, marked, until the
 * artist removes it: dropping it silently left them wondering where their project went.
 */
export const ListedRecentProjectSchema = RecentProjectSchema.extend({ missing: z.boolean() }).strict();
export type ListedRecentProject = z.infer<typeof ListedRecentProjectSchema>;
