/**
 * Shapes of the generation queue: jobs in, progress snapshots and estimates out. A snapshot is
 * plain data (structured-clone safe) so it can be pushed to the renderer as is.
 */
import type { JobView, QueueSnapshot } from '../../../shared/domain/jobs';
import type { Now, Sleep } from './clock';
import type { GatewayClient } from './gateway-client';
import type { AcceptedJob, GeneratePanelInput, GenerationResult, ResendInput, RestylePanelInput } from './gateway-types';

export type QueueJob =
  | { id: string; kind: 'generate'; panelId: string; input: GeneratePanelInput }
  | { id: string; kind: 'restyle'; panelId: string; input: RestylePanelInput }
  /**
   * An async job accepted before a restart: polled, never resubmitted by itself. `resend` is its
   * original request (kind and a loader of its inputs), sent again only by a Retry after it failed;
   * without it (the kind is not known) the job is never sent again.
   */
  | { id: string; kind: 'resume'; panelId: string; accepted: AcceptedJob; idempotencyKey?: string; resend?: ResendSource };

/** What a resumed job sends again on Retry: the same kind of request, with the same parameters and images. */
export interface ResendSource {
  kind: 'generate' | 'restyle';
  /** Reads the images again (they are not kept in memory while the job is polled); fails with a message if one is gone. */
  load(): Promise<ResendInput>;
}

export { JOB_STATES, TERMINAL_JOB_STATES as TERMINAL_STATES } from '../../../shared/domain/jobs';
// The views the queue hands out are the shared ones the renderer parses: one definition.
export type { CostEstimate, JobCounts, JobState, JobView, PauseState, QueueSnapshot } from '../../../shared/domain/jobs';

export interface ResultContext {
  /** The job was cancelled while its request was in flight: keep the takes, do not make them active. */
  afterCancel: boolean;
  idempotencyKey: string;
}

export type ResultHandler = (job: QueueJob, result: GenerationResult, context: ResultContext) => Promise<void> | void;

/** Money spent on a job without an image (told once per event, for the project's record). */
export interface PaidWithoutImageEvent {
  kind: 'unusable' | 'unknown';
  reason: string;
  costCents: number;
  /** Images the request asked for: what the money paid for. */
  images: number;
  idempotencyKey: string;
}

export interface GenerationQueueOptions {
  /** A client, or a factory called per attempt (so a new API key applies after resume()). */
  client: GatewayClient | (() => GatewayClient);
  concurrency?: number;
  pricePerImageCents?: number;
  onResult: ResultHandler;
  /** Persist the async job id (e.g. in project.json) before it is polled; the key is the job's Idempotency-Key. */
  onJobAccepted?: (job: QueueJob, accepted: AcceptedJob, idempotencyKey: string) => Promise<void> | void;
  /** Awaited before each POST of a job leaves (see RunOptions.beforeSubmit); the key is the job's Idempotency-Key. */
  beforeSubmit?: (job: QueueJob, idempotencyKey: string) => Promise<void>;
  /** Money spent on a job without an image: for the project's record. */
  onPaidWithoutImage?: (job: QueueJob, event: PaidWithoutImageEvent) => void;
  /** A job ended without a result (failed, cancelled, stopped); e.g. to drop its pending async id. */
  onJobEnded?: (job: QueueJob, view: JobView, remoteJobId: string | undefined) => void;
  onProgress?: (snapshot: QueueSnapshot) => void;
  now?: Now;
  sleep?: Sleep;
  newIdempotencyKey?: () => string;
  /** Rate-limit pause when a 429 carries no usable Retry-After. */
  defaultRateLimitMs?: number;
  /** Longest Retry-After waited out by itself (default 10 min). */
  retryAfterCapMs?: number;
  /** 429s in a row for one job before it fails (default 6). */
  maxConsecutiveRateLimits?: number;
  /** Spacing of the first submits, until the gateway has answered once (default 100 ms). */
  probeGapMs?: number;
  /** An accepted job older than this is given up without polling (default 7 days: the gateway keeps results that long). */
  maxJobAgeMs?: number;
}

export interface GenerationQueue {
  add(jobs: readonly QueueJob[]): void;
  /** Stops a job that has not been sent; a job in flight finishes and is kept (not made active). */
  cancel(jobId: string): boolean;
  cancelAll(): void;
  /** Drops everything at once, in flight too; returns the jobs that may have been paid without an image. */
  stopNow(): JobView[];
  /** How many images `stopNow` would lose although they may be paid (the close guard's count). */
  imagesLostIfStopped(): number;
  /**
   * Runs a failed job again (same Idempotency-Key when its outcome was unknown); a job resumed
   * after a restart sends its original request again (never another kind).
   */
  retry(jobId: string): boolean;
  resume(): void;
  snapshot(): QueueSnapshot;
  onProgress(listener: (snapshot: QueueSnapshot) => void): () => void;
  onIdle(): Promise<void>;
  setConcurrency(n: number): void;
  setRetryAfterCap(ms: number): void;
  /**
   * Forgets finished jobs (keeps the spend). A kept job (paid, still at the gateway) stays unless
   * `includeKept`: when another project opens, the kept jobs of the last one live on in its file.
   */
  clearFinished(includeKept?: boolean): void;
  /** A job that failed only because its paid images could not be written yet (RESULT_NOT_STORED), now written: done, its failure gone. */
  heldStored(jobId: string): void;
  dispose(): void;
}
