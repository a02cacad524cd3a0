/**
 * The project document: everything in `<Title>.castboard/project.json`. `schemaVersion` is the
 * first thing checked on open: older versions are migrated (electron/services/project/migrations),
 * newer ones refused. The schema is strict (unknown keys are errors) so a document is never
 * silently trimmed on save, and it checks the links a storyboard relies on: ids are unique, a
 * panel's active take is one of its takes, a featured character exists.
 */
import { z } from 'zod';
import { ColorPaletteSchema, MagicPromptSchema, RenderingSpeedSchema, StyleTypeSchema } from './ideogram-controls';
import type { ImageRef } from './project-image-ref';
import { CharacterSchema, PanelSchema } from './project-panel';
import { ExportSettingsSchema } from './project-export';
import { RecentlyDeletedSchema } from './project-deleted';
import { IdSchema, IsoDateSchema, ParamsSchema, boundedText } from './project-primitives';

export * from './ideogram-controls';
export * from './project-image-ref';
export * from './project-panel';
export * from './project-export';
export * from './project-deleted';
export * from './project-primitives';
export * from './sketch';

/** The version this build writes. v1 was the first prototype format (see migrations). */
export const CURRENT_SCHEMA_VERSION = 3;

export const ASPECT_RATIOS = ['16:9', '2.39:1', '4:3', '1:1', '9:16', '3:2'] as const;
export const AspectRatioSchema = z.enum(ASPECT_RATIOS);
export type AspectRatio = z.infer<typeof AspectRatioSchema>;

export const PROJECT_LIMITS = {
  maxTitleLength: 200,
  maxCharacters: 50,
  maxPanels: 5000,
  maxPendingJobs: 1000,
  maxPaidWithoutImage: 10_000,
} as const;

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

/** A paid gateway job not finished yet: saved before polling so a restart resumes, never resubmits. */
export const PendingJobSchema = z
  .object({
    /** The gateway's job id. */
    id: z.string().min(1).max(256),
    panelId: IdSchema,
    kind: z.enum(['generate', 'restyle']),
    submittedAt: IsoDateSchema,
    idempotencyKey: z.string().min(1).max(256),
    params: ParamsSchema,
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
    idempotencyKey: z.string().min(1).max(256).optional(),
  })
  .strict();
export type PaidWithoutImage = z.infer<typeof PaidWithoutImageSchema>;

const ProjectShape = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    title: z
      .string()
      .max(PROJECT_LIMITS.maxTitleLength)
      .refine((value) => value.trim().length > 0, 'a project needs a title'),
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

type ProjectShapeType = z.infer<typeof ProjectShape>;

function checkLinks(project: ProjectShapeType, ctx: z.RefinementCtx): void {
  const characterIds = new Set<string>();
  project.characters.forEach((character, index) => {
    if (characterIds.has(character.id)) ctx.addIssue({ code: 'custom', message: `the character id "${character.id}" is used twice`, path: ['characters', index, 'id'] });
    characterIds.add(character.id);
  });
  const panelIds = new Set<string>();
  const takeIds = new Set<string>();
  project.panels.forEach((panel, index) => {
    if (panelIds.has(panel.id)) ctx.addIssue({ code: 'custom', message: `the panel id "${panel.id}" is used twice`, path: ['panels', index, 'id'] });
    panelIds.add(panel.id);
    if (panel.characterId !== null && !characterIds.has(panel.characterId)) {
      ctx.addIssue({ code: 'custom', message: `the featured character "${panel.characterId}" does not exist`, path: ['panels', index, 'characterId'] });
    }
    panel.takes.forEach((take, takeIndex) => {
      if (takeIds.has(take.id)) ctx.addIssue({ code: 'custom', message: `the take id "${take.id}" is used twice`, path: ['panels', index, 'takes', takeIndex, 'id'] });
      takeIds.add(take.id);
    });
    if (panel.activeTakeId !== null && !panel.takes.some((take) => take.id === panel.activeTakeId)) {
      ctx.addIssue({ code: 'custom', message: `the active take "${panel.activeTakeId}" is not one of this panel's takes`, path: ['panels', index, 'activeTakeId'] });
    }
  });
}

export const ProjectSchema = ProjectShape.superRefine(checkLinks);
export type Project = z.infer<typeof ProjectSchema>;

/** Where each image is used, for messages such as "panel 3, take 2". Order follows the document. */
export function collectImageUsage(project: Project): Map<ImageRef, string[]> {
  const usage = new Map<ImageRef, string[]>();
  const note = (ref: ImageRef, where: string) => {
    const list = usage.get(ref);
    if (list) list.push(where);
    else usage.set(ref, [where]);
  };
  project.characters.forEach((character) => {
    if (character.referenceImage) note(character.referenceImage, `character "${character.name}" reference image`);
    if (character.mask) note(character.mask, `character "${character.name}" mask`);
  });
  project.panels.forEach((panel, index) => {
    panel.takes.forEach((take, takeIndex) => note(take.image, `panel ${index + 1}, take ${takeIndex + 1}`));
  });
  return usage;
}

/** Every image the document names (each once). */
export function collectImageRefs(project: Project): ImageRef[] {
  return [...collectImageUsage(project).keys()];
}
