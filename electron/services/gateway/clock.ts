/**
 * Time as a dependency. Every wait in the gateway service (retry backoff, poll intervals,
 * rate-limit pauses) goes through an injected `sleep`, and every "what time is it" through `now`,
 * so tests drive a virtual clock instead of waiting for real seconds.
 */
import { CastboardError } from '../../../shared/errors';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
export type Now = () => number;

export function cancelledError(): CastboardError {
  return new CastboardError('CANCELLED', 'Cancelled.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/** setTimeout-based sleep that rejects with CANCELLED as soon as the signal aborts. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export const realNow: Now = () => Date.now();
