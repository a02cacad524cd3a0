/** How many images a job asked the gateway for (what it costs once its request was received). */
import type { QueueJob } from './queue-types';

/** Ideogram makes 1 to 4 images a request. */
const MOST_IMAGES_PER_REQUEST = 4;

/**
 * The images a stored request asked for (`n` of a pending job's params, read back from
 * project.json): a value a request could not have had (edited by hand) counts as 1, or as the
 * most a request can ask, so no record can claim more money than a request costs.
 */
export function imagesAsked(n: unknown): number {
  const asked = typeof n === 'number' && Number.isInteger(n) ? n : 1;
  return Math.min(MOST_IMAGES_PER_REQUEST, Math.max(1, asked));
}

export function imagesOf(job: QueueJob): number {
  if (job.kind === 'generate') return job.input.variations;
  if (job.kind === 'restyle') return job.input.variations ?? 1;
  return imagesAsked(job.accepted.params.n); // a resumed job: what its original request asked for
}
