/**
 * Panels, takes and characters of a project. A take is one generated image with its full
 * provenance (model, prompt, seed, params, source take, cost, time), so any panel can be traced
 * and regenerated. A panel shows its active take; the document-level checks (unique ids, active
 * take belongs to the panel, featured character exists) live in project.ts.
 */
import { z } from 'zod';
import { PanelControlsSchema } from './ideogram-controls';
import { ImageRefSchema } from './project-image-ref';
import { IdSchema, IsoDateSchema, ParamsSchema, boundedText } from './project-primitives';
import { SketchSchema } from './sketch';

export const SHOT_TYPES = ['ECU', 'CU', 'MCU', 'MS', 'MWS', 'WS', 'EWS', 'OTS', 'POV', 'INSERT'] as const;
export const ShotTypeSchema = z.enum(SHOT_TYPES);
export type ShotType = z.infer<typeof ShotTypeSchema>;

export const SHOT_TYPE_LABELS: Readonly<Record<ShotType, string>> = {
  ECU: 'Extreme close-up',
  CU: 'Close-up',
  MCU: 'Medium close-up',
  MS: 'Medium shot',
  MWS: 'Medium wide shot',
  WS: 'Wide shot',
  EWS: 'Extreme wide shot',
  OTS: 'Over the shoulder',
  POV: 'Point of view',
  INSERT: 'Insert',
};

export const CAMERA_ANGLES = ['EYE_LEVEL', 'HIGH', 'LOW', 'OVERHEAD', 'WORMS_EYE', 'DUTCH'] as const;
export const CameraAngleSchema = z.enum(CAMERA_ANGLES);
export type CameraAngle = z.infer<typeof CameraAngleSchema>;

export const CAMERA_ANGLE_LABELS: Readonly<Record<CameraAngle, string>> = {
  EYE_LEVEL: 'Eye level',
  HIGH: 'High angle',
  LOW: 'Low angle',
  OVERHEAD: "Overhead (bird's eye)",
  WORMS_EYE: "Worm's eye",
  DUTCH: 'Dutch angle',
};

export const CAMERA_MOVEMENTS = ['STATIC', 'PAN', 'TILT', 'DOLLY', 'TRUCK', 'CRANE', 'ZOOM', 'HANDHELD', 'TRACKING'] as const;
export const CameraMovementSchema = z.enum(CAMERA_MOVEMENTS);
export type CameraMovement = z.infer<typeof CameraMovementSchema>;

export const CAMERA_MOVEMENT_LABELS: Readonly<Record<CameraMovement, string>> = {
  STATIC: 'Static',
  PAN: 'Pan',
  TILT: 'Tilt',
  DOLLY: 'Dolly in/out',
  TRUCK: 'Truck',
  CRANE: 'Crane',
  ZOOM: 'Zoom',
  HANDHELD: 'Handheld',
  TRACKING: 'Tracking',
};

export const PANEL_LIMITS = {
  maxTakesPerPanel: 200,
  maxDurationSeconds: 600,
  maxPromptLength: 4000,
  maxTextLength: 4000,
} as const;

export const CHARACTER_LIMITS = {
  maxNameLength: 100,
  maxDescriptionLength: 2000,
} as const;

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
    name: z.string().max(CHARACTER_LIMITS.maxNameLength).refine((value) => value.trim().length > 0, 'a character needs a name'),
    description: boundedText(CHARACTER_LIMITS.maxDescriptionLength),
    /** Null until the artist picks one; generation needs it. */
    referenceImage: ImageRefSchema.nullable(),
    mask: ImageRefSchema.optional(),
  })
  .strict();
export type Character = z.infer<typeof CharacterSchema>;
