/**
 * Shapes of the generation queue: jobs in, progress snapshots and estimates out. A snapshot is
 * plain data (structured-clone safe) so it can be pushed to the renderer as is.
 */
import type { Pacing, Spend } from '../../../shared/domain/jobs';
import type { SerializedError } from '../../../shared/errors';
import type { AcceptedJob, GeneratePanelInput, GenerationResult, RestylePanelInput } from './gateway-types';
import type { PauseState } from './pause-gate';

export type QueueJob =
  | { id: string; kind: 'generate'; panelId: string; input: GeneratePanelInput }
  | { id: string; kind: 'restyle'; panelId: string; input: RestylePanelInput }
  /** An async job accepted before a restart: polled, never resubmitted. */
  | { id: string; kind: 'resume'; panelId: string; accepted: AcceptedJob; idempotencyKey?: string };

export const JOB_STATES = ['queued', 'sending', 'waiting', 'polling', 'downloading', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const TERMINAL_STATES: ReadonlySet<JobState> = new Set(['done', 'failed', 'cancelled']);

export interface JobView {
  id: string;
  panelId: string;
  kind: QueueJob['kind'];
  state: JobState;
  error?: SerializedError;
  remoteJobId?: string;
  images?: number;
  costCents?: number;
  cancelRequested?: boolean;
  finishedAfterCancel?: boolean;
  paidWithoutImage?: 'unusable' | 'unknown';
  retryable?: boolean;
}

export type JobCounts = Record<JobState, number> & { total: number };

export interface QueueSnapshot {
  jobs: JobView[];
  counts: JobCounts;
  pause: PauseState | null;
  spentCents: number;
  spend: Spend;
  pacing: Pacing;
  concurrency: number;
}

export interface CostEstimate {
  images: number;
  cents: number;
}

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
  idempotencyKey: string;
}
