/**
 * Generation jobs as the renderer sees them: one snapshot of the queue (per-job state, counts,
 * pause, spend) pushed on every change. Plain data; the queue in main is the source of truth.
 */
import { z } from 'zod';
import { SerializedErrorSchema } from '../error-schemas';
import { JOB_STATES, type JobState } from './job-states';

export * from './job-states';

export const JobStateSchema = z.enum(JOB_STATES);

export const JobViewSchema = z.object({
  id: z.string(),
  panelId: z.string(),
  /** The request's kind; a job resumed after a restart is the kind it was sent as, 'resume' only when that is unknown. */
  kind: z.enum(['generate', 'restyle', 'resume']),
  /** Accepted before a restart and collected after it: only main knows its request, so Retry goes to main. */
  resumed: z.boolean().optional(),
  state: JobStateSchema,
  error: SerializedErrorSchema.optional(),
  remoteJobId: z.string().optional(),
  images: z.number().int().optional(),
  costCents: z.number().optional(),
  /** Cancelled while its request was in flight: it runs to its answer, kept as a take, not made active. */
  cancelRequested: z.boolean().optional(),
  /** Done after a cancel: its takes carry the note "finished after cancel". */
  finishedAfterCancel: z.boolean().optional(),
  /** What this job cost without giving an image: a paid but unusable answer, or an unknown outcome. */
  paidWithoutImage: z.enum(['unusable', 'unknown']).optional(),
  /** Retry is offered (same Idempotency-Key when the outcome is unknown). */
  retryable: z.boolean().optional(),
});
export type JobView = z.infer<typeof JobViewSchema>;

/**
 * Why nothing is being sent: a rate limit (resumes by itself at `resumeAt`, epoch ms, shown as a
 * countdown), or a problem only the artist can fix (bad key, no credits) — then `jobs:resume`.
 */
export const PauseStateSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('rate-limit'), resumeAt: z.number(), message: z.string() }),
  z.object({ reason: z.enum(['bad-key', 'out-of-credits', 'rate-limit-long']), message: z.string() }),
]);
export type PauseState = z.infer<typeof PauseStateSchema>;

/** What was paid: stored images, paid answers with unusable images, requests of unknown outcome. */
export const SpendSchema = z.object({
  storedImages: z.number().int(),
  storedCents: z.number(),
  unusableImages: z.number().int(),
  unusableCents: z.number(),
  unknownRequests: z.number().int(),
  unknownCents: z.number(),
});
export type Spend = z.infer<typeof SpendSchema>;

/**
 * Paid for but not here yet: async jobs the gateway accepted whose images have not arrived (being
 * made, kept there after Castboard lost contact, or resumed after a restart). `spend` counts them
 * only when their images arrive, at the cost the gateway reports then, so no cost is known here;
 * `images` is what their requests asked for. A job the gateway fails is not charged and leaves.
 */
export const AwaitingSchema = z.object({
  requests: z.number().int(),
  images: z.number().int(),
});
export type Awaiting = z.infer<typeof AwaitingSchema>;

/** How fast the queue sends: its current in-flight limit and, when the gateway says, its requests per minute. */
export const PacingSchema = z.object({
  inFlightLimit: z.number().int(),
  requestsPerMinute: z.number().nullable(),
  learnedFrom: z.enum(['setting', 'headers', 'rate-limit']),
});
export type Pacing = z.infer<typeof PacingSchema>;

export const QueueSnapshotSchema = z.object({
  jobs: z.array(JobViewSchema),
  counts: z.object({ ...Object.fromEntries(JobStateSchema.options.map((state) => [state, z.number().int()])), total: z.number().int() } as Record<JobState | 'total', z.ZodNumber>),
  pause: PauseStateSchema.nullable(),
  /** Everything paid in this session: spend.storedCents + unusableCents + unknownCents. */
  spentCents: z.number(),
  spend: SpendSchema,
  awaiting: AwaitingSchema,
  pacing: PacingSchema,
  concurrency: z.number().int(),
});
export type QueueSnapshot = z.infer<typeof QueueSnapshotSchema>;

export type JobCounts = QueueSnapshot['counts'];

export const CostEstimateSchema = z.object({ images: z.number().int(), cents: z.number() }).strict();
export type CostEstimate = z.infer<typeof CostEstimateSchema>;
