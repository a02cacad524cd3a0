/**
 * Paces paid submits (POST /images/generations) by the gateway's own limits, then adapts.
 * Invariants:
 * - At most `inFlightLimit` submits are out at once (never more than the concurrency setting).
 * - While the gateway sends x-ratelimit-* headers, a local token bucket mirrors its own: the
 *   bucket is set from `remaining` minus the submits sent after the one that reported it, refills
 *   at `limit` per minute (a little slower, for safety) and is never above the largest capacity
 *   seen, so a batch does not provoke a 429 while the headers are present.
 * - After a 429 (or with no headers at all) the in-flight limit is halved and remembered as a
 *   ceiling (one below the level that was refused) for CEILING_MS; each `limit` successes in a
 *   row raise it by one (AIMD). Until the gateway has answered once, submits are spaced by
 *   `probeGapMs` so a small limit is found with one refused request instead of a burst.
 * - What was learned is kept by the queue for the whole session (the next batch starts from it).
 */
import type { Pacing } from '../../../shared/domain/jobs';
import { cancelledError, type Now, type Sleep } from './clock';

export interface PacerOptions {
  maxInFlight: number;
  now: Now;
  sleep: Sleep;
  probeGapMs?: number;
}

export interface SubmitOutcome {
  headers?: Headers;
  rateLimited?: boolean;
  /** False when the submit failed without an answer that says anything about pacing. */
  answered: boolean;
}

export type ReleaseSlot = (outcome: SubmitOutcome) => void;

const CEILING_MS = 60_000;
const SAFETY = 0.97;

/** "1s", "6m0s", "1h2m3.5s", "250ms" or plain seconds, to milliseconds. */
export function parseResetDuration(value: string | null | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  let matched = '';
  for (const part of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(part[1]) * (units[part[2] ?? 's'] ?? 0);
    matched += part[0];
  }
  return matched === text ? Math.round(total) : undefined;
}

interface Bucket {
  perMinute: number;
  tokens: number;
  capacity: number;
  at: number;
  /** No token before this time (remaining was 0 and the gateway said when it resets). */
  blockedUntil: number;
}

export class Pacer {
  #max: number;
  #limit: number;
  #ceiling: { value: number; until: number } | null = null;
  #successes = 0;
  #inFlight = 0;
  #seq = 0;
  #lastSendAt = -Infinity;
  #answeredOnce = false;
  #bucket: Bucket | null = null;
  #learnedFrom: Pacing['learnedFrom'] = 'setting';
  readonly #wakers = new Set<() => void>();
  readonly #options: PacerOptions;

  constructor(options: PacerOptions) {
    this.#options = options;
    this.#max = Math.max(1, options.maxInFlight);
    this.#limit = this.#max;
  }

  setMaxInFlight(n: number): void {
    this.#max = Math.max(1, Math.floor(n));
    this.#limit = Math.min(this.#limit, this.#max);
    if (this.#learnedFrom === 'setting') this.#limit = this.#max;
    this.#wake();
  }

  snapshot(): Pacing {
    return { inFlightLimit: this.#limit, requestsPerMinute: this.#bucket?.perMinute ?? null, learnedFrom: this.#learnedFrom };
  }

  /** Waits for a slot (in-flight limit, token, probe spacing); resolves to the function that gives it back. */
  async acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    for (;;) {
      if (signal?.aborted) throw cancelledError();
      const waitMs = this.#waitMs();
      if (waitMs === 0) break;
      await this.#sleepOrWake(waitMs, signal);
    }
    this.#take();
    const seq = (this.#seq += 1);
    let released = false;
    return (outcome) => {
      if (released) return;
      released = true;
      this.#inFlight -= 1;
      this.#learn(seq, outcome);
      this.#wake();
    };
  }

  /** 0 when a submit may go now, else how long to wait before looking again (Infinity: until woken). */
  #waitMs(): number {
    const now = this.#options.now();
    if (this.#inFlight >= this.#limit) return Infinity;
    if (!this.#answeredOnce) {
      const gap = this.#lastSendAt + (this.#options.probeGapMs ?? 100) - now;
      if (gap > 0) return gap;
    }
    const bucket = this.#refilled(now);
    if (!bucket) return 0;
    if (now < bucket.blockedUntil) return bucket.blockedUntil - now;
    if (bucket.tokens >= 1) return 0;
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * 60_000) / (bucket.perMinute * SAFETY)));
  }

  #take(): void {
    this.#inFlight += 1;
    this.#lastSendAt = this.#options.now();
    if (this.#bucket) this.#bucket.tokens -= 1;
  }

  #refilled(now: number): Bucket | null {
    const bucket = this.#bucket;
    if (!bucket) return null;
    const rate = (bucket.perMinute * SAFETY) / 60_000;
    bucket.tokens = Math.min(bucket.capacity, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    return bucket;
  }

  #learn(seq: number, outcome: SubmitOutcome): void {
    if (!outcome.answered) return;
    this.#answeredOnce = true;
    const now = this.#options.now();
    this.#fromHeaders(seq, outcome.headers, now);
    if (outcome.rateLimited) return this.#decrease(now);
    this.#successes += 1;
    if (this.#ceiling && now > this.#ceiling.until) this.#ceiling = null;
    if (this.#successes >= this.#limit && this.#limit < this.#max) {
      this.#successes = 0;
      this.#limit = Math.min(this.#ceiling?.value ?? this.#max, this.#limit + 1, this.#max);
    }
  }

  #decrease(now: number): void {
    // The refused submit was one of #inFlight + 1 out at the time.
    const level = this.#inFlight + 1;
    this.#ceiling = { value: Math.max(1, level - 1), until: now + CEILING_MS };
    this.#limit = Math.max(1, Math.min(this.#limit, Math.ceil(level / 2)));
    this.#successes = 0;
    if (this.#learnedFrom === 'setting') this.#learnedFrom = 'rate-limit';
  }

  #fromHeaders(seq: number, headers: Headers | undefined, now: number): void {
    const limit = Number(headers?.get('x-ratelimit-limit-requests') ?? NaN);
    const remaining = Number(headers?.get('x-ratelimit-remaining-requests') ?? NaN);
    if (!(limit > 0) || !(remaining >= 0)) return;
    const sentSince = this.#seq - seq;
    const estimate = remaining - sentSince;
    const current = this.#refilled(now);
    const capacity = Math.max(current?.capacity ?? 0, remaining + 1);
    const tokens = current ? Math.min(current.tokens, estimate) : estimate;
    const reset = remaining === 0 ? parseResetDuration(headers?.get('x-ratelimit-reset-requests')) : undefined;
    this.#bucket = { perMinute: limit, tokens, capacity, at: now, blockedUntil: reset === undefined ? 0 : now + reset };
    this.#learnedFrom = 'headers';
  }

  #sleepOrWake(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = new AbortController();
      const done = (): void => {
        this.#wakers.delete(done);
        signal?.removeEventListener('abort', onAbort);
        timer.abort();
        resolve();
      };
      const onAbort = (): void => {
        this.#wakers.delete(done);
        timer.abort();
        reject(cancelledError());
      };
      this.#wakers.add(done);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (Number.isFinite(ms)) this.#options.sleep(ms, timer.signal).then(done, () => {});
    });
  }

  #wake(): void {
    for (const waker of [...this.#wakers]) waker();
  }
}
