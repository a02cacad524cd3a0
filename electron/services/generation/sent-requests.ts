/**
 * Requests that may be at the gateway with nothing to collect them by later (no async job id
 * yet). Each is recorded in the project as of unknown outcome, and saved, BEFORE its POST leaves:
 * a process killed before the answer is stored (SIGKILL, a crash, a power cut) leaves the charge
 * counted, which no handler running at exit could promise. Invariants: the record is settled
 * (removed) when the job is accepted as an async job (its pendingJobs record takes over), stores
 * its images, or ends without a charge; it stays when the job ended possibly paid without an
 * image, where the queue's own record (same Idempotency-Key) takes its place, and while its paid
 * result is held for a disk that is full.
 */
import type { QueueSnapshot } from '../../../shared/domain/jobs';
import { imagesOf } from '../gateway/queue-cost';
import { TERMINAL_STATES, type QueueJob } from '../gateway/queue-types';
import type { createSpendRecord } from './spend-record';

/** What the project says of a request recorded as sent whose answer was never stored. */
export const SENT_NO_ANSWER = 'sent, and Castboard stopped before its answer was stored';

export function createSentRequests(record: ReturnType<typeof createSpendRecord>, pricePerImageCents: () => number) {
  /** Idempotency key -> queue job id, for the requests recorded and not settled yet. */
  const open = new Map<string, string>();

  return {
    /** Records the request and waits for the save (a failed save is the project status's to report). */
    async sending(job: QueueJob, idempotencyKey: string): Promise<void> {
      open.set(idempotencyKey, job.id);
      const images = imagesOf(job);
      await record.add(job.panelId, { kind: 'unknown', reason: SENT_NO_ANSWER, costCents: pricePerImageCents() * images, images, idempotencyKey });
    },

    /** The gateway took it as an async job: the pending job record now says where it is. */
    accepted(idempotencyKey: string): void {
      open.delete(idempotencyKey);
      record.settle(idempotencyKey);
    },

    /** After each queue snapshot: a job that ended without a possible charge settles its record. */
    reconcile(snapshot: QueueSnapshot): void {
      if (open.size === 0) return;
      const views = new Map(snapshot.jobs.map((job) => [job.id, job]));
      for (const [key, jobId] of open) {
        const view = views.get(jobId);
        if (view && !TERMINAL_STATES.has(view.state)) continue;
        open.delete(key);
        // Held (paid, not written yet): the record stays until store() settles it or the CLI
        // gives the result up, so a session killed meanwhile still leaves the money counted.
        const held = view?.error?.code === 'RESULT_NOT_STORED';
        if (view && !view.paidWithoutImage && !held) record.settle(key);
      }
    },
  };
}
