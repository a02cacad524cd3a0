/**
 * Panels, takes and characters of a project. A take is one generated image with its full
 * provenance (model, prompt, seed, params, source take, cost, time), so any panel can be traced
 * and regenerated. A panel shows its active take; the document-level checks (unique ids, active
 * take belongs to the panel, featured character exists) live in project.ts.
 */
import { z } from 'zod';
import { PanelControlsSchema } from './ideogram-controls';
import { IdSchema, ImageRefSchema, IsoDateSchema, ParamsSchema, boundedText } from './project-primitives';
import { CAMERA_ANGLES, CAMERA_MOVEMENTS, CHARACTER_LIMITS, PANEL_LIMITS, SHOT_TYPES } from './project-panel-options';
import { hasText } from './project-rules';
import { SketchSchema } from './sketch';

export * from './project-panel-options';

export const ShotTypeSchema = z.enum(SHOT_TYPES);
export const CameraAngleSchema = z.enum(CAMERA_ANGLES);
export const CameraMovementSchema = z.enum(CAMERA_MOVEMENTS);

export const TakeSchema = z
  .object({
    id: IdSchema,
    image: ImageRefSchema,
    model: z.string().min(1).max(200),
    prompt: boundedText(PANEL_LIMITS.maxPromptLength),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    params: ParamsSchema,
    /** The take this one was restyled from (may name a take since deleted: provenance, not a link). */
    sourceTakeId: IdSchema.optional(),
    costCents: z.number().min(0).max(1_000_000),
    createdAt: IsoDateSchema,
    width: z.number().int().min(1).max(65_535).optional(),
    /** Why this take is special, e.g. "finished after cancel" (paid for, kept, not made active). */
    note: z.string().max(200).optional(),
    height: z.number().int().min(1).max(65_535).optional(),
    /**
     * Where the image came from when it was not generated (absent: made by the gateway).
     * `imported`: a file the artist brought in (`fileName` says which); `sketch`: drawn in Castboard.
     * Neither cost anything.
     */
    origin: z.enum(['imported', 'sketch']).optional(),
    fileName: z.string().max(255).optional(),
  })
  .strict();
export type Take = z.infer<typeof TakeSchema>;

export const PanelSchema = z
  .object({
    id: IdSchema,
    scenePrompt: boundedText(PANEL_LIMITS.maxPromptLength),
    shotType: ShotTypeSchema,
    cameraAngle: CameraAngleSchema,
    cameraMovement: CameraMovementSchema,
    dialogue: boundedText(PANEL_LIMITS.maxTextLength),
    action: boundedText(PANEL_LIMITS.maxTextLength),
    notes: boundedText(PANEL_LIMITS.maxTextLength),
    durationSeconds: z.number().min(0).max(PANEL_LIMITS.maxDurationSeconds),
    /** The featured character, or null for a panel without one (an insert, a landscape). */
    characterId: IdSchema.nullable(),
    takes: z.array(TakeSchema).max(PANEL_LIMITS.maxTakesPerPanel),
    activeTakeId: IdSchema.nullable(),
    /** Ideogram controls this panel sets for itself (absent: it follows the project). */
    controls: PanelControlsSchema.optional(),
    /** The strokes of the panel's sketch, kept so it can be edited again (absent: never sketched). */
    sketch: SketchSchema.optional(),
  })
  .strict();
export type Panel = z.infer<typeof PanelSchema>;

export const CharacterSchema = z
  .object({
    id: IdSchema,
    name: z.string().max(CHARACTER_LIMITS.maxNameLength).refine(hasText, 'a character needs a name'),
    description: boundedText(CHARACTER_LIMITS.maxDescriptionLength),
    /** Null until the artist picks one; generation needs it. */
    referenceImage: ImageRefSchema.nullable(),
    mask: ImageRefSchema.optional(),
  })
  .strict();
export type Character = z.infer<typeof CharacterSchema>;
