/**
 * A paid result becomes takes: each image is stored in the project (images/ first, so the
 * document never names a missing file) and described with its provenance — model, prompt, seed,
 * request parameters, source take, its share of the cost, time.
 */
import { randomUUID } from 'node:crypto';
import type { ImageRef, Params, Take } from '../../../shared/domain/project';
import type { GenerationResult, RequestParams } from '../gateway/gateway-types';

/** Request parameters as project-safe scalars (undefined fields dropped). */
export function paramsToRecord(params: RequestParams, extra: Params = {}): Params {
  const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== null);
  return { ...(Object.fromEntries(entries) as Params), ...extra };
}

export async function takesFromResult(
  result: GenerationResult,
  store: (png: Buffer) => Promise<ImageRef>,
  options: { sourceTakeId?: string; now: Date; note?: string },
): Promise<Take[]> {
  const share = result.images.length > 0 ? result.costCents / result.images.length : 0;
  const takes: Take[] = [];
  for (const image of result.images) {
    takes.push({
      id: randomUUID(),
      image: await store(image.png),
      model: result.model,
      prompt: result.prompt,
      ...(image.seed !== undefined ? { seed: image.seed } : {}),
      params: paramsToRecord(result.params, result.remoteJobId ? { remote_job_id: result.remoteJobId } : {}),
      ...(options.sourceTakeId ? { sourceTakeId: options.sourceTakeId } : {}),
      costCents: Math.round(share * 100) / 100,
      createdAt: options.now.toISOString(),
      ...(options.note ? { note: options.note } : {}),
      width: image.width,
      height: image.height,
    });
  }
  return takes;
}
