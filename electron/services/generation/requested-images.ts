/**
 * Images asked per queue job, so the takes-per-panel check counts what a running job will bring
 * before the gateway gives it a job id (until then it is in no pendingJobs record). An entry lives
 * while its job can still bring takes: running, or failed with Retry offered (a Retry sends the
 * same request again). It goes when the job ends otherwise (done, cancelled, failed for good) or
 * leaves the queue, so a long session does not keep one per job it ever ran.
 */
import { TERMINAL_JOB_STATES, type JobView, type QueueSnapshot } from '../../../shared/domain/jobs';
import { imagesOf } from '../gateway/queue-cost';
import type { QueueJob } from '../gateway/queue-types';

const mayRunAgain = (job: JobView) => job.state === 'failed' && job.retryable === true;

export function createRequestedImages() {
  const requested = new Map<string, number>();
  return {
    remember(jobs: readonly QueueJob[]): void {
      for (const job of jobs) requested.set(job.id, imagesOf(job));
    },
    /** Images the job asked for (1 when unknown, e.g. a resumed job). */
    of: (jobId: string): number => requested.get(jobId) ?? 1,
    /** Forgets the jobs of this snapshot that ended for good, and jobs no longer in it. */
    prune(snapshot: QueueSnapshot): void {
      const live = new Set(snapshot.jobs.filter((job) => !TERMINAL_JOB_STATES.has(job.state) || mayRunAgain(job)).map((job) => job.id));
      for (const id of requested.keys()) if (!live.has(id)) requested.delete(id);
    },
    /** How many jobs are remembered (a test checks the map does not only grow). */
    get size(): number {
      return requested.size;
    },
  };
}
