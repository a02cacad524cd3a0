/**
 * Shapes of the generation queue: jobs in, progress snapshots and estimates out. A snapshot is
 * plain data (structured-clone safe) so it can be pushed to the renderer as is.
 */
import type { SerializedError } from '../../../shared/errors';
import type { AcceptedJob, GeneratePanelInput, GenerationResult, RestylePanelInput } from './gateway-types';
import type { PauseState } from './pause-gate';

export type QueueJob =
  | { id: string; kind: 'generate'; panelId: string; input: GeneratePanelInput }
  | { id: string; kind: 'restyle'; panelId: string; input: RestylePanelInput }
  /** An async job accepted before a restart: polled, never resubmitted. */
  | { id: string; kind: 'resume'; panelId: string; accepted: AcceptedJob };

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
}

export type JobCounts = Record<JobState, number> & { total: number };

export interface QueueSnapshot {
  jobs: JobView[];
  counts: JobCounts;
  pause: PauseState | null;
  spentCents: number;
  concurrency: number;
}

export interface CostEstimate {
  images: number;
  cents: number;
}

export type ResultHandler = (job: QueueJob, result: GenerationResult) => Promise<void> | void;
