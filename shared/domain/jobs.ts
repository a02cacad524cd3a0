/**
 * Generation jobs as the renderer sees them: one snapshot of the queue (per-job state, counts,
 * pause, spend) pushed on every change. Plain data; the queue in main is the source of truth.
 */
import { z } from 'zod';
import { SerializedErrorSchema } from '../errors';

export const JobStateSchema = z.enum(['queued', 'sending', 'waiting', 'polling', 'downloading', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobStateSchema>;

export const JobViewSchema = z.object({
  id: z.string(),
  panelId: z.string(),
  kind: z.enum(['generate', 'restyle', 'resume']),
  state: JobStateSchema,
  error: SerializedErrorSchema.optional(),
  remoteJobId: z.string().optional(),
  images: z.number().int().optional(),
  costCents: z.number().optional(),
});
export type JobView = z.infer<typeof JobViewSchema>;

/**
 * Why nothing is being sent: a rate limit (resumes by itself at `resumeAt`, epoch ms, shown as a
 * countdown), or a problem only the artist can fix (bad key, no credits) — then `jobs:resume`.
 */
export const PauseStateSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('rate-limit'), resumeAt: z.number(), message: z.string() }),
  z.object({ reason: z.enum(['bad-key', 'out-of-credits']), message: z.string() }),
]);
export type PauseState = z.infer<typeof PauseStateSchema>;

export const QueueSnapshotSchema = z.object({
  jobs: z.array(JobViewSchema),
  counts: z.object({ ...Object.fromEntries(JobStateSchema.options.map((state) => [state, z.number().int()])), total: z.number().int() } as Record<JobState | 'total', z.ZodNumber>),
  pause: PauseStateSchema.nullable(),
  spentCents: z.number(),
  concurrency: z.number().int(),
});
export type QueueSnapshot = z.infer<typeof QueueSnapshotSchema>;

export const CostEstimateSchema = z.object({ images: z.number().int(), cents: z.number() }).strict();
export type CostEstimate = z.infer<typeof CostEstimateSchema>;

export const STYLE_PRESETS = [
  { id: 'ink-sketch', label: 'Ink sketch', prompt: 'loose black ink storyboard sketch, confident linework, cross-hatched shading, white paper' },
  { id: 'watercolor', label: 'Watercolor', prompt: 'soft watercolor illustration, wet edges, muted palette, paper texture' },
  { id: 'film-noir', label: 'Film noir', prompt: 'black and white film noir still, hard key light, deep shadows, venetian blind light' },
  { id: 'comic', label: 'Comic', prompt: 'bold comic book panel, inked outlines, flat colors, halftone shading' },
  { id: 'claymation', label: 'Claymation', prompt: 'claymation stop-motion still, sculpted plasticine characters, miniature set' },
  { id: 'anime', label: 'Anime', prompt: 'anime key frame, clean cel shading, expressive lighting, detailed background' },
] as const;
