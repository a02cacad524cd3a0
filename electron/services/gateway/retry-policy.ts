/**
 * Retries for one user action. Only failures marked retryable (provider 5xx, timeouts, dropped
 * connections) are retried, at most `maxRetries` times, with exponential backoff and jitter so
 * several panels failing together do not retry in lockstep. The caller reuses the same
 * Idempotency-Key on every attempt, which is what makes retrying a paid request safe.
 */
import { isRetryable } from './gateway-errors';
import type { Sleep } from './clock';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, baseDelayMs: 1000, maxDelayMs: 10_000 };

export interface RetryDeps {
  sleep: Sleep;
  random: () => number;
  signal?: AbortSignal;
  /** Called before each backoff wait (attempt is 1 for the first retry). */
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void;
}

/** Backoff for retry number `attempt` (1-based): half fixed, half random ("equal jitter"). */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = ceiling / 2 + (ceiling / 2) * random();
  // A server that says when to come back is believed, within reason.
  return Math.round(retryAfterMs === undefined ? jittered : Math.max(jittered, Math.min(retryAfterMs, 60_000)));
}

export async function withRetries<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy, deps: RetryDeps): Promise<T> {
  for (let n = 0; ; n += 1) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= policy.maxRetries || !isRetryable(error) || deps.signal?.aborted) throw error;
      const retryAfter = (error as { retryAfterMs?: number }).retryAfterMs;
      const delay = backoffDelay(policy, n + 1, deps.random, retryAfter);
      deps.onRetry?.(n + 1, error, delay);
      await deps.sleep(delay, deps.signal);
    }
  }
}
