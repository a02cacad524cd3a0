/**
 * Reads the gateway's JSON answers (docs/architecture.md, "The gateway and money") into a small union the client acts on.
 * Anything that does not match is GATEWAY_BAD_RESPONSE: a half-understood answer must never be
 * treated as success.
 */
import { z } from 'zod';
import { gatewayErrors, type GatewayWords } from './gateway-errors';
import { isPlainJobId } from './job-id';

export type ImageRef = { kind: 'b64'; data: string; seed?: number } | { kind: 'url'; url: string; seed?: number };

export type JobState =
  | { state: 'pending'; status: string }
  | { state: 'completed'; images: ImageRef[] }
  | { state: 'failed'; words: GatewayWords; safety: boolean }
  /** Ended without a result in a way that may have been charged (e.g. "expired"). */
  | { state: 'ended'; status: string; words: GatewayWords };

const DataItem = z.object({
  b64_json: z.string().min(1).optional(),
  url: z.string().min(1).optional(),
  seed: z.number().int().optional(),
});

const ImagesAnswer = z.object({ data: z.array(DataItem).min(1) });
const JobAccepted = z.object({ id: z.string().min(1), status: z.string().optional() });
const JobAnswer = z.object({
  status: z.string(),
  data: z.array(DataItem).optional(),
  result: z.object({ file_url: z.string().optional(), url: z.string().optional(), seed: z.number().int().optional() }).nullish(),
  result_url: z.string().optional(),
  error: z.union([z.string(), z.object({ message: z.string().optional(), code: z.string().optional(), type: z.string().optional() })]).nullish(),
});

const PENDING = new Set(['queued', 'pending', 'running', 'in_progress', 'processing', 'starting', 'submitted']);
const COMPLETED = new Set(['completed', 'succeeded', 'success', 'done']);
/** Ended without a result and documented as not charged. */
const FAILED = new Set(['failed', 'error', 'cancelled', 'canceled']);
/**
 * Ended without a result for another reason: an expired job may have run (its result gone since),
 * so it may have been charged. Counted as of unknown outcome, never as free.
 */
const ENDED_MAYBE_CHARGED = new Set(['expired', 'timed_out', 'timeout']);

function toRefs(items: Array<z.infer<typeof DataItem>>): ImageRef[] {
  return items.map((item) => {
    if (item.b64_json) return { kind: 'b64', data: item.b64_json, seed: item.seed };
    if (item.url) return { kind: 'url', url: item.url, seed: item.seed };
    throw gatewayErrors.badResponse('an image entry had neither data nor a URL');
  });
}

export function readImagesAnswer(json: unknown): ImageRef[] {
  const parsed = ImagesAnswer.safeParse(json);
  if (!parsed.success) throw gatewayErrors.badResponse('no images in the answer');
  return toRefs(parsed.data.data);
}

export function readJobAccepted(json: unknown): string {
  const parsed = JobAccepted.safeParse(json);
  if (!parsed.success) throw gatewayErrors.badResponse('an accepted job without an id');
  // Polled at a URL built from it: an id like ".." would poll another address (job-id.ts).
  if (!isPlainJobId(parsed.data.id)) throw gatewayErrors.badResponse('an accepted job whose id is not a plain job id');
  return parsed.data.id;
}

function looksLikeSafety(text: string | undefined): boolean {
  return /safety|content[_ ]policy|moderation|nsfw/i.test(text ?? '');
}

function errorWords(error: z.infer<typeof JobAnswer>['error']): GatewayWords {
  const { message, type, code } = typeof error === 'string' ? { message: error } : (error ?? {});
  return { message, type, code };
}

export function readJobAnswer(json: unknown): JobState {
  const parsed = JobAnswer.safeParse(json);
  if (!parsed.success) throw gatewayErrors.badResponse('a job status Castboard does not recognise');
  const job = parsed.data;
  const status = job.status.toLowerCase();
  if (PENDING.has(status)) return { state: 'pending', status };
  if (FAILED.has(status)) {
    const words = errorWords(job.error);
    const safety = looksLikeSafety(words.code) || looksLikeSafety(words.type) || looksLikeSafety(words.message);
    return { state: 'failed', words, safety };
  }
  if (ENDED_MAYBE_CHARGED.has(status)) return { state: 'ended', status, words: errorWords(job.error) };
  if (!COMPLETED.has(status)) throw gatewayErrors.badResponse(`an unknown job status "${job.status.slice(0, 40)}"`);
  if (job.data && job.data.length > 0) return { state: 'completed', images: toRefs(job.data) };
  const url = job.result?.file_url ?? job.result?.url ?? job.result_url;
  if (!url) throw gatewayErrors.badResponse('a finished job without an image');
  return { state: 'completed', images: [{ kind: 'url', url, seed: job.result?.seed }] };
}
