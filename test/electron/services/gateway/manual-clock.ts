/**
 * A virtual clock for the gateway tests: `sleep` resolves only when the test advances time, so
 * "no request for 120 s" and "3 s between polls" are checked without waiting. autoAdvance() jumps
 * to the next pending sleep whenever one exists (virtual time never runs faster than the code asks).
 */
import type { Sleep } from '../../../../electron/services/gateway/clock';
import { cancelledError } from '../../../../electron/services/gateway/clock';

interface Sleeper {
  due: number;
  resolve: () => void;
}

export class ManualClock {
  #now: number;
  #sleepers: Sleeper[] = [];
  /** Every sleep requested, in ms, in order. */
  readonly sleeps: number[] = [];

  constructor(start = Date.UTC(2030, 0, 1)) {
    this.#now = start;
  }

  now = (): number => this.#now;

  sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelledError());
      this.sleeps.push(ms);
      const sleeper: Sleeper = { due: this.#now + Math.max(0, ms), resolve };
      const onAbort = (): void => {
        this.#sleepers = this.#sleepers.filter((s) => s !== sleeper);
        reject(cancelledError());
      };
      sleeper.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#sleepers.push(sleeper);
    });

  get pendingSleeps(): number {
    return this.#sleepers.length;
  }

  /** Moves time forward, waking every sleeper due by then in due order. */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      const next = this.#earliest();
      if (!next || next.due > target) break;
      this.#wake(next);
    }
    this.#now = target;
  }

  /** Jumps to the earliest pending sleep and wakes it. False when nothing sleeps. */
  advanceToNext(): boolean {
    const next = this.#earliest();
    if (!next) return false;
    this.#wake(next);
    return true;
  }

  /** Keeps advancing to the next sleep (checked every few real ms) until the returned stop(). */
  autoAdvance(): () => void {
    const timer = setInterval(() => this.advanceToNext(), 2);
    return () => clearInterval(timer);
  }

  #earliest(): Sleeper | undefined {
    return [...this.#sleepers].sort((a, b) => a.due - b.due)[0];
  }

  #wake(sleeper: Sleeper): void {
    this.#sleepers = this.#sleepers.filter((s) => s !== sleeper);
    this.#now = Math.max(this.#now, sleeper.due);
    sleeper.resolve();
  }
}
