/** How many images a job asks for (what it costs when paid). */
import type { QueueJob } from './queue-types';

export function imagesOf(job: QueueJob): number {
  if (job.kind === 'generate') return job.input.variations;
  if (job.kind === 'restyle') return job.input.variations ?? 1;
  return 0; // a resumed job was paid when it was submitted
}
