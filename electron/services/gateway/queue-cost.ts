/** How many images a job asked the gateway for (what it costs once its request was received). */
import { imagesAsked } from './images-asked';
import type { QueueJob } from './queue-types';

export function imagesOf(job: QueueJob): number {
  if (job.kind === 'generate') return job.input.variations;
  if (job.kind === 'restyle') return job.input.variations ?? 1;
  return imagesAsked(job.accepted.params.n); // a resumed job: what its original request asked for
}
