/**
 * One queue job's record over its life: made when the job is added, reset when a Retry runs it
 * again. Invariants: a resumed job starts accepted (polled, never sent); a Retry of a job the
 * gateway still holds (jobKept) keeps it accepted and keeps its key, any other Retry forgets the
 * accepted job and takes a new key unless the first try may have been received (outcome unknown).
 */
import type { Entry } from './queue-outcomes';
import type { JobView, QueueJob } from './queue-types';

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

/** Sent, maybe received, and not accepted as an async job: nothing could collect its images later. */
export function lostIfStopped(entry: Entry): boolean {
  return entry.sent && !entry.accepted;
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
