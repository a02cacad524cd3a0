/**
 * The project document: everything in `<Title>.castboard/project.json`. `schemaVersion` is the
 * first thing checked on open: older versions are migrated (electron/services/project/migrations),
 * newer ones refused. The schema is strict (unknown keys are errors) so a document is never
 * silently trimmed on save, and it checks the links a storyboard relies on: ids are unique, a
 * panel's active take is one of its takes, a featured character exists.
 */
import { z } from 'zod';
import { ASPECT_RATIOS } from './aspect-ratios';
import { ColorPaletteSchema, MagicPromptSchema, RenderingSpeedSchema, StyleTypeSchema } from './ideogram-controls';
import { CharacterSchema, PanelSchema } from './project-panel';
import { ExportSettingsSchema } from './project-export';
import { RecentlyDeletedSchema } from './project-deleted';
import { IdSchema, ImageRefSchema, IsoDateSchema, ParamsSchema, boundedText } from './project-primitives';
import { CURRENT_SCHEMA_VERSION, PROJECT_LIMITS } from './project-document';
import { hasText, linkProblems } from './project-rules';

export * from './ideogram-controls';
export * from './project-image-ref';
export * from './project-panel';
export * from './project-export';
export * from './project-deleted';
export * from './project-primitives';
export * from './sketch';
export * from './project-document';
export * from './aspect-ratios';

export const AspectRatioSchema = z.enum(ASPECT_RATIOS);

/**
 * The project's look and Ideogram's controls, shared by every panel (a panel may override magic
 * prompt, style type and rendering speed). The later fields were added without a schema bump:
 * each has a default, so a project.json written before them opens unchanged.
 */
export const ProjectStyleSchema = z
  .object({
    stylePrompt: boundedText(2000),
    styleType: StyleTypeSchema,
    renderingSpeed: RenderingSpeedSchema,
    negativePrompt: boundedText(2000),
    magicPrompt: MagicPromptSchema.default('OFF'),
    /** Null: no palette sent, Ideogram chooses the colours. */
    colorPalette: ColorPaletteSchema.nullable().default(null),
    /** Images per panel a Generate asks for unless the artist picks another count. */
    defaultVariations: z.number().int().min(1).max(4).default(1),
  })
  .strict();
export type ProjectStyle = z.infer<typeof ProjectStyleSchema>;

/**
 * The project images a pending job's request sent (write-once files), so a Retry after a restart
 * sends the very same images again: the character's reference (and mask), and for a restyle the
 * take it restyled.
 */
export const PendingJobImagesSchema = z
  .object({
    reference: ImageRefSchema,
    mask: ImageRefSchema.optional(),
    source: ImageRefSchema.optional(),
  })
  .strict();
export type PendingJobImages = z.infer<typeof PendingJobImagesSchema>;

/**
 * A paid gateway job not finished yet: saved before polling so a restart resumes, never resubmits.
 * After a restart it is collected by polling; if it then fails, Retry sends its request again as it
 * was (its kind, params and images), never as another kind.
 */
export const PendingJobSchema = z
  .object({
    /** The gateway's job id. */
    id: z.string().min(1).max(256),
    panelId: IdSchema,
    /** Absent only in a hand-made or damaged record: that job is still collected, but never sent again. */
    kind: z.enum(['generate', 'restyle']).optional(),
    submittedAt: IsoDateSchema,
    idempotencyKey: z.string().min(1).max(256),
    params: ParamsSchema,
    /** Absent in files written before Retry after a restart could resend (then the panel's own images are used). */
    images: PendingJobImagesSchema.optional(),
  })
  .strict();
export type PendingJob = z.infer<typeof PendingJobSchema>;

/**
 * Money spent without an image in the project: a paid answer whose images were unusable, or a
 * request whose outcome is unknown (sent, no answer). Kept so the spend shown anywhere (app, CLI,
 * `castboard info`) is what was paid, not only what was stored. A later answer for the same
 * Idempotency-Key removes its "unknown" record (it is then a stored take).
 */
export const PaidWithoutImageSchema = z
  .object({
    at: IsoDateSchema,
    panelId: IdSchema,
    kind: z.enum(['unusable', 'unknown']),
    reason: z.string().max(500),
    costCents: z.number().min(0).max(1_000_000),
    /** Images the request asked for (its variations); absent in older files, where one record was one image. */
    images: z.number().int().min(1).max(100).optional(),
    idempotencyKey: z.string().min(1).max(256).optional(),
  })
  .strict();
export type PaidWithoutImage = z.infer<typeof PaidWithoutImageSchema>;

/** The document shape without the cross-references (the compiled project check covers this part). */
export const ProjectShapeSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    title: z
      .string()
      .max(PROJECT_LIMITS.maxTitleLength)
      .refine(hasText, 'a project needs a title'),
    aspectRatio: AspectRatioSchema,
    style: ProjectStyleSchema,
    characters: z.array(CharacterSchema).max(PROJECT_LIMITS.maxCharacters),
    panels: z.array(PanelSchema).max(PROJECT_LIMITS.maxPanels),
    exportSettings: ExportSettingsSchema,
    pendingJobs: z.array(PendingJobSchema).max(PROJECT_LIMITS.maxPendingJobs),
    paidWithoutImage: z.array(PaidWithoutImageSchema).max(PROJECT_LIMITS.maxPaidWithoutImage).optional(),
    createdAt: IsoDateSchema,
    /** Deleted panels that can still be restored (issue #12); absent in older files. */
    recentlyDeleted: RecentlyDeletedSchema.optional(),
  })
  .strict();

/** The whole document: its shape plus the links between its parts (project-rules.ts). */
export const ProjectSchema = ProjectShapeSchema.superRefine((project, ctx) => {
  for (const problem of linkProblems(project)) ctx.addIssue({ code: 'custom', ...problem });
});
export type Project = z.infer<typeof ProjectSchema>;
