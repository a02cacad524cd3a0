/**
 * The consistency check's schemas, for the IPC contract and the settings. The outcomes, the
 * threshold's default and range and the words for each outcome are in consistency-outcomes.ts
 * (free of zod), re-exported here.
 */
import { z } from 'zod';
import { CONSISTENCY_STATUSES, CONSISTENCY_THRESHOLD_RANGE, NOT_CHECKED_REASONS } from './consistency-outcomes';
import { FACE_POSITIONS, REFERENCE_FACE_VERDICTS } from './reference-face';
import { ImageRefSchema } from './project-primitives';

export * from './consistency-outcomes';
export * from './reference-face';
export * from './consistency-freshness';

export const ConsistencyThresholdSchema = z.number().min(CONSISTENCY_THRESHOLD_RANGE.min).max(CONSISTENCY_THRESHOLD_RANGE.max);

export const ConsistencyStatusSchema = z.enum(CONSISTENCY_STATUSES);
export const NotCheckedReasonSchema = z.enum(NOT_CHECKED_REASONS);

export const TakeConsistencySchema = z
  .object({
    panelId: z.string().min(1).max(64),
    takeId: z.string().min(1).max(64).nullable(),
    status: ConsistencyStatusSchema,
    /** Distance of the closest face to the reference; null when not checked. */
    distance: z.number().min(0).max(10).nullable(),
    reason: NotCheckedReasonSchema.nullable(),
    /**
     * The reference image the take was compared with (null: its panel had no character, or the
     * character no reference). An outcome whose panel's reference is now another is out of date.
     */
    reference: ImageRefSchema.nullable(),
  })
  .strict();
export type TakeConsistency = z.infer<typeof TakeConsistencySchema>;

/** Whether the check can use a reference image (shared/domain/reference-face.ts). */
export const ReferenceFaceCheckSchema = z
  .object({
    verdict: z.enum(REFERENCE_FACE_VERDICTS),
    faces: z.number().int().min(0).max(100),
    chosen: z.enum(FACE_POSITIONS).nullable(),
  })
  .strict();
