/** Cost arithmetic for batches: what a set of jobs will cost before it is sent. */
import type { CostEstimate, QueueJob } from './queue-types';

export function imagesOf(job: QueueJob): number {
  if (job.kind === 'generate') return job.input.variations;
  if (job.kind === 'restyle') return job.input.variations ?? 1;
  return 0; // a resumed job was paid when it was submitted
}

export function estimateCost(jobs: readonly QueueJob[], pricePerImageCents: number): CostEstimate {
  const images = jobs.reduce((sum, job) => sum + imagesOf(job), 0);
  return { images, cents: images * pricePerImageCents };
}
