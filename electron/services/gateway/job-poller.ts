/**
 * Polls an accepted async job until it completes or fails. Invariants: it waits before every
 * poll (including the first: the job was just accepted), never less than minIntervalMs between
 * two polls, growing the interval 1.5x per pending answer up to maxIntervalMs; transient poll
 * failures (5xx, 408, network, rate limit, a stray 4xx such as 400 or 409, an answer that is not
 * JSON or whose job status cannot be read) are tolerated a few times in a row because the job is
 * already paid for and a GET is safe to repeat; it never resubmits. When they go on, or the job stays pending past maxWaitMs,
 * the job is still at the gateway: that is GATEWAY_JOB_KEPT (jobKept), so it is collected later,
 * never given up or sent again. A 304 (polled too soon) is "still pending"; a 404 is
 * GATEWAY_JOB_LOST (the gateway forgot the job), never "unknown model"; a failed job is
 * GATEWAY_JOB_FAILED (documented as not charged); a job that ended without a result otherwise
 * ("expired") may have run and been charged: GATEWAY_JOB_LOST, of unknown outcome (paid: 'unknown').
 */
import type { Now, Sleep } from './clock';
import { gatewayErrors, GatewayError } from './gateway-errors';
import type { GatewayHttp } from './gateway-http';
import { readJobAnswer, type ImageRef, type JobState } from './answer-shapes';

export interface PollSettings {
  minIntervalMs: number;
  maxIntervalMs: number;
  /** Give up (GATEWAY_TIMEOUT) when the job is still pending after this long. */
  maxWaitMs: number;
  /** Transient poll failures tolerated in a row. */
  maxConsecutiveFailures: number;
}

export const DEFAULT_POLL_SETTINGS: PollSettings = {
  minIntervalMs: 3000,
  maxIntervalMs: 30_000,
  maxWaitMs: 30 * 60_000,
  maxConsecutiveFailures: 2,
};

export interface PollDeps {
  http: GatewayHttp;
  sleep: Sleep;
  now: Now;
  settings: PollSettings;
  signal?: AbortSignal;
  /** Awaited before each request (the queue's pause gate). */
  beforeRequest?: (signal?: AbortSignal) => Promise<void>;
  /** Told about a 429 so the caller can pause everything else too. */
  onRateLimited?: (error: GatewayError) => void;
}

export interface CompletedJob {
  images: ImageRef[];
  headers: Headers;
}

/**
 * A failed GET (poll or download) that says nothing about the job: safe to repeat later. Unlike a
 * submit, a 5xx or 408 answer to a GET cannot have charged anything.
 */
export function isTransientRead(error: unknown): error is GatewayError {
  if (!(error instanceof GatewayError)) return false;
  const status = error.httpStatus;
  const serverTrouble = status !== undefined && (status === 408 || status >= 500);
  return error.retryable || serverTrouble || error.code === 'GATEWAY_RATE_LIMITED' || error.code === 'GATEWAY_BAD_RESPONSE';
}

/**
 * A 4xx on the poll (or the image download) of a job we were given that is not about the key, the
 * wallet or the pace (those pause the queue): it says nothing about the paid job, which is still
 * at the gateway, so the job is not given up for it.
 */
export function isStrayClientError(error: unknown): error is GatewayError {
  const status = error instanceof GatewayError ? error.httpStatus : undefined;
  return status !== undefined && status >= 400 && status < 500 && (error as GatewayError).pause === undefined;
}

export async function pollJob(jobId: string, deps: PollDeps): Promise<CompletedJob> {
  const { settings, signal } = deps;
  const started = deps.now();
  let interval = settings.minIntervalMs;
  let wait = interval;
  let failures = 0;
  for (;;) {
    await deps.sleep(wait, signal);
    if (deps.now() - started > settings.maxWaitMs) throw gatewayErrors.jobTimeout(Math.round(settings.maxWaitMs / 60_000));
    await deps.beforeRequest?.(signal);
    let answer;
    let job: JobState;
    try {
      answer = await deps.http.getJob(jobId, signal);
      // An answer that cannot be read (a status word we do not know, a finished job without an
      // image) says nothing about the paid job: a transient read, polled again, then kept.
      // 304 Not Modified: polled sooner than the gateway allows; the job is still where it was.
      job = answer.status === 304 ? { state: 'pending', status: 'not modified' } : readJobAnswer(answer.json);
      failures = 0;
    } catch (error) {
      // A 404 on a job we were given means the gateway forgot it, not that the model is missing.
      if (error instanceof GatewayError && error.httpStatus === 404) throw gatewayErrors.jobLost();
      if (!isTransientRead(error) && !isStrayClientError(error)) throw error;
      if (failures >= settings.maxConsecutiveFailures) {
        // A 429 pauses the queue, which then polls again; anything else leaves the job to be collected later.
        throw error.code === 'GATEWAY_RATE_LIMITED' ? error : gatewayErrors.contactLost(error);
      }
      failures += 1;
      if (error.code === 'GATEWAY_RATE_LIMITED') deps.onRateLimited?.(error);
      wait = Math.max(interval, error.retryAfterMs ?? 0);
      continue;
    }
    if (job.state === 'completed') return { images: job.images, headers: answer.headers };
    if (job.state === 'failed') throw gatewayErrors.jobFailed(job.words, job.safety);
    if (job.state === 'ended') throw gatewayErrors.jobEnded(job.status, job.words);
    interval = Math.min(settings.maxIntervalMs, Math.round(interval * 1.5));
    wait = interval;
  }
}
