/**
 * Project channels. Folders are chosen by main-side dialogs or come from the recent list, never
 * from a path the renderer makes up. The renderer holds the document while editing (with undo)
 * and hands each edit to main, which autosaves; takes are append-only in main, so an update can
 * never drop a take that a generation just added.
 */
import { z } from 'zod';
import { AspectRatioSchema, ImageRefSchema, ProjectSchema, TakeSchema } from '../../domain/project';
import { DeletedPanelSchema } from '../../domain/project-deleted';
import { arePanelOutlines } from '../../domain/project-rules';
import { ListedRecentProjectSchema, OpenReportSchema, SaveStatusSchema } from '../../domain/project-status';
import { channel, noPayload } from '../define';

export const OpenedProjectSchema = z
  .object({ root: z.string(), project: ProjectSchema, status: SaveStatusSchema, report: OpenReportSchema })
  .strict();

/**
 * What each channel that answers an opened project answers, built from one schema: null when the
 * artist cancelled a dialog (current: nothing open). The contract, main's own answer check
 * (electron/main/ipc/response-schemas.ts) and the renderer's outline check all use this one list.
 */
export function openedProjectAnswers<S extends z.ZodType>(schema: S) {
  const orNull = schema.nullable();
  return {
    'project:current': orNull,
    'project:create': orNull,
    'project:open': orNull,
    'project:openRecent': schema,
    'project:openBackup': schema,
    'project:saveAs': orNull,
  } as const;
}

const openedProject = openedProjectAnswers(OpenedProjectSchema);

/**
 * The outline of an opened project, as the renderer checks main's answer (shared/ipc/answer-schemas.ts,
 * compiled into answer-checks/project.generated.ts): main has already parsed the whole answer with
 * OpenedProjectSchema before it left (electron/main/ipc/dispatcher.ts), so the renderer only
 * confirms it got the kind of object it asked for. A full check of a 500-panel document would copy
 * every take, ~10-20 ms on the way to the first paint, to find bugs main's own check already finds.
 */
const OpenedProjectShape = z
  .object({
    root: z.string(),
    project: z.looseObject({ schemaVersion: z.number(), title: z.string(), characters: z.array(z.unknown()), panels: z.custom<unknown[]>(arePanelOutlines) }),
    status: SaveStatusSchema,
    report: OpenReportSchema,
  })
  .strict();

/** The renderer's view of the answers that carry an opened project, by channel. */
export const projectAnswerShapes = openedProjectAnswers(OpenedProjectShape);

/** 30 MB of base64: a generous reference image; anything larger is refused before decoding. */
const MAX_IMPORT_BASE64 = 40_000_000;

export const projectChannels = {
  'project:current': channel(noPayload, openedProject['project:current']),
  /** Asks for a parent folder, creates `<Title>.castboard` in it. Null when the dialog is cancelled. */
  'project:create': channel(
    z.object({ title: z.string().trim().min(1, 'Give the project a title.').max(200), aspectRatio: AspectRatioSchema.default('16:9') }).strict(),
    openedProject['project:create'],
  ),
  'project:open': channel(noPayload, openedProject['project:open']),
  'project:openRecent': channel(z.object({ path: z.string().min(1).max(4096) }).strict(), openedProject['project:openRecent']),
  /** Opens the newest good backup of the folder that last failed to open. */
  'project:openBackup': channel(noPayload, openedProject['project:openBackup']),
  /** The recent list, newest first; projects moved or deleted stay in it, marked `missing`. */
  'project:recent': channel(noPayload, z.array(ListedRecentProjectSchema)),
  /** Takes a folder off the recent list; answers the list as it is now. */
  'project:removeRecent': channel(z.object({ path: z.string().min(1).max(4096) }).strict(), z.array(ListedRecentProjectSchema)),
  /** `root` names the project the edit was made in, so an edit in flight never lands in another project. */
  'project:update': channel(z.object({ project: ProjectSchema, root: z.string().min(1) }).strict(), SaveStatusSchema),
  'project:save': channel(noPayload, SaveStatusSchema),
  'project:saveAs': channel(noPayload, openedProject['project:saveAs']),
  'project:close': channel(noPayload, z.null()),
  /** Verifies an image (dialog, drop or paste), stores it in images/; null when the dialog is cancelled. */
  'project:importImage': channel(
    z.discriminatedUnion('source', [
      z.object({ source: z.literal('dialog') }).strict(),
      z.object({ source: z.literal('bytes'), base64: z.string().min(1).max(MAX_IMPORT_BASE64) }).strict(),
    ]),
    z.object({ image: ImageRefSchema, width: z.number().int(), height: z.number().int() }).strict().nullable(),
  ),
};

const TakesAddedSchema = z
  .object({
    panelId: z.string(),
    takes: z.array(TakeSchema),
    activeTakeId: z.string().nullable(),
    /** The panel had left the board and Recently deleted: main made this entry for the paid takes. */
    deleted: DeletedPanelSchema.optional(),
  })
  .strict();
const panelImageTarget = { panelId: z.string().min(1).max(64), origin: z.enum(['imported', 'sketch']) };

/** Images into panels (issue #15): a chosen, dropped or pasted file, or a sketch made into a PNG. */
export const panelImageChannels = {
  /** Verifies the image, stores it and adds it to the panel as its active take; null when the dialog is cancelled. */
  'project:importPanelImage': channel(
    z.discriminatedUnion('source', [
      z.object({ source: z.literal('dialog'), ...panelImageTarget }).strict(),
      z.object({ source: z.literal('bytes'), ...panelImageTarget, fileName: z.string().max(1000), base64: z.string().min(1).max(MAX_IMPORT_BASE64), baseTakeId: z.string().min(1).max(64).optional() }).strict(),
    ]),
    TakesAddedSchema.nullable(),
  ),
};

export const projectEvents = {
  'project:status': SaveStatusSchema,
  /** Takes main added (a generation finished); the renderer merges them into its document. */
  'project:takesAdded': TakesAddedSchema,
  /**
   * The artist picked a file in the reference image dialog (project:importImage, source dialog)
   * and main is now reading and verifying it: until then the dialog was open and nothing was
   * being imported. Carries nothing, not even the file's name: paths stay in main.
   */
  'project:imageChosen': z.object({}).strict(),
};
