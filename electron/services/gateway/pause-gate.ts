/**
 * The queue's pause gate. Every HTTP request of every job waits here first, so while the gate is
 * closed nothing at all is sent. Two independent reasons can close it:
 * - a rate limit, until a time (Retry-After); it reopens by itself through the injected sleep;
 * - a bad key or an empty wallet, until resume() (the artist fixed it).
 * The gate is open only when both are clear; the user pause is what the artist sees first.
 */
import type { PauseState } from '../../../shared/domain/jobs';
import { cancelledError, type Now, type Sleep } from './clock';
import type { PauseReason } from './gateway-errors';

export type { PauseState } from '../../../shared/domain/jobs';

interface Waiter {
  resolve: () => void;
}

export class PauseGate {
  #userPause: { reason: Exclude<PauseReason, 'rate-limit'>; message: string } | null = null;
  #rateLimit: { resumeAt: number; message: string } | null = null;
  #timer: AbortController | undefined;
  readonly #waiters = new Set<Waiter>();

  constructor(
    private readonly now: Now,
    private readonly sleep: Sleep,
    private readonly onChange: (state: PauseState | null) => void,
  ) {}

  get state(): PauseState | null {
    if (this.#userPause) return { ...this.#userPause };
    if (this.#rateLimit) return { reason: 'rate-limit', ...this.#rateLimit };
    return null;
  }

  /** Resolves when the gate is open; rejects with CANCELLED if the signal aborts first. */
  async wait(signal?: AbortSignal): Promise<void> {
    while (this.state) {
      if (signal?.aborted) throw cancelledError();
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve };
        const onAbort = (): void => {
          this.#waiters.delete(waiter);
          reject(cancelledError());
        };
        waiter.resolve = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        this.#waiters.add(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    if (signal?.aborted) throw cancelledError();
  }

  /** Closes the gate until now + waitMs (extends, never shortens, a running rate-limit pause). */
  rateLimit(waitMs: number, message: string): void {
    const resumeAt = this.now() + Math.max(0, waitMs);
    if (this.#rateLimit && this.#rateLimit.resumeAt >= resumeAt) return;
    this.#rateLimit = { resumeAt, message };
    this.#timer?.abort();
    const timer = new AbortController();
    this.#timer = timer;
    this.sleep(resumeAt - this.now(), timer.signal).then(
      () => {
        if (this.#timer !== timer) return;
        this.#rateLimit = null;
        this.#changed();
      },
      () => {},
    );
    this.#changed();
  }

  pauseForUser(reason: Exclude<PauseReason, 'rate-limit'>, message: string): void {
    this.#userPause = { reason, message };
    this.#changed();
  }

  /** The artist's Resume: clears a bad-key / out-of-credits pause. A rate limit still runs out on its own. */
  resume(): void {
    if (!this.#userPause) return;
    this.#userPause = null;
    this.#changed();
  }

  dispose(): void {
    this.#timer?.abort();
    this.#timer = undefined;
  }

  #changed(): void {
    const state = this.state;
    if (!state) {
      const waiters = [...this.#waiters];
      this.#waiters.clear();
      for (const waiter of waiters) waiter.resolve();
    }
    this.onChange(state);
  }
}
