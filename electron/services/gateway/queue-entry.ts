/**
 * One queue job's record over its life: made when the job is added, reset when a Retry runs it
 * again. Invariants: a resumed job starts accepted (polled, never sent); a Retry of a job the
 * gateway still holds (jobKept) keeps it accepted and keeps its key, any other Retry forgets the
 * accepted job and takes a new key unless the first try may have been received (outcome unknown).
 * Also what the entries add up to for money not yet in the ledger: images waiting at the gateway,
 * images that stopping now would lose.
 */
import type { Awaiting } from '../../../shared/domain/jobs';
import { imagesOf } from './queue-cost';
import type { Entry } from './queue-outcomes';
import { TERMINAL_STATES, type JobView, type QueueJob } from './queue-types';

/** What the renderer is told a job is: a resumed job is the kind of request it was ('resume' when that is unknown). */
function viewKind(job: QueueJob): JobView['kind'] {
  return job.kind === 'resume' ? (job.resend?.kind ?? 'resume') : job.kind;
}

export function newEntry(job: QueueJob, newKey: () => string): Entry {
  const view: JobView = { id: job.id, panelId: job.panelId, kind: viewKind(job), state: 'queued' };
  const key = job.kind === 'resume' && job.idempotencyKey ? job.idempotencyKey : newKey();
  const entry: Entry = { job, view, key, controller: new AbortController(), accepted: undefined, sent: false, running: false, rateLimitsInARow: 0 };
  if (job.kind === 'resume') {
    view.resumed = true;
    view.remoteJobId = job.accepted.jobId;
    entry.accepted = job.accepted;
  }
  return entry;
}

/** Puts a failed entry back to "queued" for a Retry. */
export function resetForRetry(entry: Entry, newKey: () => string): void {
  // A job the gateway still holds is asked for again (polled): no request, no new charge.
  if (!entry.jobKept) {
    entry.accepted = undefined;
    // Same key only when the first try may have been received: a gateway that honours it answers once.
    if (entry.view.error?.code !== 'GATEWAY_OUTCOME_UNKNOWN') entry.key = newKey();
  }
  entry.jobKept = false;
  entry.controller = new AbortController();
  entry.sent = false;
  entry.rateLimitsInARow = 0;
  const { id, panelId, kind, resumed } = entry.view;
  entry.view = { id, panelId, kind, state: 'queued', ...(resumed ? { resumed } : {}), ...(entry.accepted ? { remoteJobId: entry.accepted.jobId } : {}) };
}

/**
 * Accepted async jobs whose images have not arrived: still running, or failed while the gateway
 * still holds the job (kept, collected by a Retry or the next open). Spend counts none of them yet.
 */
export function awaitingCollection(entries: Iterable<Entry>): Awaiting {
  const awaiting: Awaiting = { requests: 0, images: 0 };
  for (const entry of entries) {
    if (!entry.accepted || (TERMINAL_STATES.has(entry.view.state) && !entry.jobKept)) continue;
    awaiting.requests += 1;
    awaiting.images += imagesOf(entry.job);
  }
  return awaiting;
}

/** Sent, maybe received, and not accepted as an async job: nothing could collect its images later. */
export function lostIfStopped(entry: Entry): boolean {
  return entry.sent && !entry.accepted;
}

/** The images of running jobs that stopping now would lose although they may be paid (the close guard's count). */
export function imagesLostIfStopped(entries: Iterable<Entry>): number {
  let images = 0;
  for (const entry of entries) if (!TERMINAL_STATES.has(entry.view.state) && lostIfStopped(entry)) images += imagesOf(entry.job);
  return images;
}

/**
 * A job that failed only because its paid images could not be written yet (RESULT_NOT_STORED),
 * now written: it is done, so the card and the batch stop saying it failed. True when it changed.
 */
export function settleHeld(view: JobView | undefined): boolean {
  if (view?.state !== 'failed' || view.error?.code !== 'RESULT_NOT_STORED') return false;
  delete view.error;
  Object.assign(view, { state: 'done', retryable: false });
  return true;
}
