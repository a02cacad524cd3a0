/**
 * The fake gateway's requests-per-minute limit, modelled on AIgateway's published one: a token
 * bucket per key that holds a burst of 2x RPM for 10 s (RPM / 3 requests) and refills at RPM per
 * minute. Every answer to a submit carries x-ratelimit-limit-requests / -remaining-requests /
 * -reset-requests; a submit that finds the bucket empty gets 429 with Retry-After (seconds until a
 * token is back), and is not charged.
 */

export interface RpmLimitOptions {
  perMinute: number;
  /** Bucket size; default RPM / 3 (a 2x burst for 10 s). */
  burst?: number;
}

export class RpmBucket {
  readonly #perMs: number;
  readonly #capacity: number;
  #tokens: number;
  #at: number;
  rejected = 0;

  constructor(private readonly options: RpmLimitOptions, now = Date.now()) {
    this.#perMs = options.perMinute / 60_000;
    this.#capacity = Math.max(1, Math.floor(options.burst ?? options.perMinute / 3));
    this.#tokens = this.#capacity;
    this.#at = now;
  }

  /** Takes one token; false when there is none (the caller answers 429). */
  take(now = Date.now()): boolean {
    this.#refill(now);
    if (this.#tokens < 1) {
      this.rejected += 1;
      return false;
    }
    this.#tokens -= 1;
    return true;
  }

  headers(now = Date.now()): Record<string, string> {
    this.#refill(now);
    const remaining = Math.floor(this.#tokens);
    const resetSeconds = (this.#capacity - this.#tokens) / this.#perMs / 1000;
    return {
      'x-ratelimit-limit-requests': String(this.options.perMinute),
      'x-ratelimit-remaining-requests': String(remaining),
      'x-ratelimit-reset-requests': `${resetSeconds.toFixed(3)}s`,
    };
  }

  /** Whole seconds until one token is back (at least 1). */
  retryAfterSeconds(now = Date.now()): number {
    this.#refill(now);
    return Math.max(1, Math.ceil((1 - this.#tokens) / this.#perMs / 1000));
  }

  #refill(now: number): void {
    this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#at) * this.#perMs);
    this.#at = now;
  }
}
