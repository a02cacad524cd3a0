/**
 * The images a request asked for, read from its stored params: no dependency on the queue, so the
 * gateway client (what to keep of an answer) and the queue (what a job costs) both use it.
 */
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
