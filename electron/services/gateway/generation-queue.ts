/**
 * The generation queue: runs panel jobs through the gateway client (p-queue holds the jobs not
 * started yet; the pacer decides when each paid submit may go) and reports progress as snapshots.
 *
 * Invariants:
 * - A sent request is never abandoned by a cancel: cancel() (one job, all, a 401/402 pause)
 *   stops only what has not been sent; a job in flight runs to its answer, which is handed to
 *   onResult with afterCancel (kept, not made active). Only stopNow() drops in-flight requests,
 *   and it returns which panels may have been paid for without an image.
 * - Every HTTP request passes the pause gate; every submit passes the pacer. After a 429 nothing
 *   is sent until Retry-After (capped by retryAfterCapMs; a longer wait pauses until resume()),
 *   and a job refused maxConsecutiveRateLimits times in a row fails (not charged).
 * - A job whose async id is known is polled, never resubmitted, also by a Retry while the gateway
 *   still holds it (jobKept); Retry of an outcome-unknown job reuses its Idempotency-Key, any other
 *   Retry gets a new one.
 * - Spend counts what was paid: stored results, unusable paid answers, unknown outcomes; accepted
 *   jobs whose images have not arrived are reported beside it (awaiting), without a cost.
 */
import { randomUUID } from 'node:crypto';
import PQueue from 'p-queue';
import { CastboardError } from '../../../shared/errors';
import { realNow, realSleep, throwIfAborted, type Now } from './clock';
import type { GatewayClient, RunOptions } from './gateway-client';
import { gatewayErrors, GatewayError } from './gateway-errors';
import type { GenerationResult } from './gateway-types';
import { Pacer, type ReleaseSlot } from './pacer';
import { PauseGate } from './pause-gate';
import { JobOutcomes, type Entry } from './queue-outcomes';
import { SpendLedger } from './queue-spend';
import { JOB_STATES, TERMINAL_STATES, type GenerationQueue, type GenerationQueueOptions, type JobCounts, type JobState, type JobView, type QueueJob, type QueueSnapshot } from './queue-types';
import { DEFAULT_PRICE_PER_IMAGE_CENTS } from '../../../shared/domain/image-price';
import { awaitingCollection, imagesLostIfStopped, lostIfStopped, newEntry, resetForRetry, settleHeld } from './queue-entry';

export type { GenerationQueue, GenerationQueueOptions } from './queue-types';

class QueueRunner implements GenerationQueue {
  readonly #options: GenerationQueueOptions;
  readonly #price: number;
  readonly #now: Now;
  readonly #newKey: () => string;
  readonly #pq: PQueue;
  readonly #gate: PauseGate;
  readonly #pacer: Pacer;
  readonly #ledger = new SpendLedger();
  readonly #outcomes: JobOutcomes;
  readonly #entries = new Map<string, Entry>();
  readonly #listeners = new Set<(snapshot: QueueSnapshot) => void>();
  #retryAfterCapMs: number;

  constructor(options: GenerationQueueOptions) {
    this.#options = options;
    const now = options.now ?? realNow;
    this.#now = now;
    const sleep = options.sleep ?? realSleep;
    this.#price = options.pricePerImageCents ?? DEFAULT_PRICE_PER_IMAGE_CENTS;
    this.#retryAfterCapMs = options.retryAfterCapMs ?? 600_000;
    this.#newKey = options.newIdempotencyKey ?? (() => `castboard-${randomUUID()}`);
    const concurrency = options.concurrency ?? 10;
    this.#pq = new PQueue({ concurrency });
    this.#pacer = new Pacer({ maxInFlight: concurrency, now, sleep, probeGapMs: options.probeGapMs });
    if (options.onProgress) this.#listeners.add(options.onProgress);
    this.#outcomes = new JobOutcomes({ ...options, ledger: this.#ledger, price: this.#price, setState: (entry, state, extra) => this.#setState(entry, state, extra) });
    this.#gate = new PauseGate(now, sleep, (state) => {
      // Queued jobs stay "queued" while paused instead of occupying slots at the gate.
      if (state) this.#pq.pause();
      else this.#pq.start();
      this.#emit();
    });
  }

  add(jobs: readonly QueueJob[]): void {
    for (const job of jobs) {
      // First: a kept entry for the same gateway job (e.g. the project opened again) gives way.
      if (job.kind === 'resume') this.#replaceKept(job.accepted.jobId);
      if (this.#entries.has(job.id)) throw new CastboardError('INVALID_REQUEST', `Job ${job.id} is already in the queue.`);
      const entry = newEntry(job, this.#newKey);
      this.#entries.set(job.id, entry);
      this.#schedule(entry);
    }
    this.#emit();
  }

  cancel(jobId: string): boolean {
    const entry = this.#entries.get(jobId);
    return entry ? this.#cancelEntry(entry) : false;
  }

  cancelAll(): void {
    for (const entry of this.#entries.values()) this.#cancelEntry(entry);
  }

  stopNow(): JobView[] {
    const lost: JobView[] = [];
    for (const entry of this.#entries.values()) {
      if (TERMINAL_STATES.has(entry.view.state)) continue;
      if (lostIfStopped(entry)) lost.push({ ...entry.view });
      entry.controller.abort();
      // Settled now, not when the aborted request unwinds: the project can close at once.
      this.#outcomes.endStopped(entry);
    }
    return lost;
  }

  retry(jobId: string): boolean {
    const entry = this.#entries.get(jobId);
    if (!entry || entry.view.state !== 'failed' || !entry.view.retryable) return false;
    resetForRetry(entry, this.#newKey);
    this.#schedule(entry);
    this.#emit();
    return true;
  }

  /**
   * Images whose requests the gateway may have received and that have no job id to collect them
   * by later: stopping now loses them, paid. (An accepted async job is resumed on the next open.)
   */
  imagesLostIfStopped(): number {
    return imagesLostIfStopped(this.#entries.values());
  }

  resume(): void {
    this.#gate.resume();
  }

  snapshot(): QueueSnapshot {
    const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as JobCounts;
    counts.total = this.#entries.size;
    const jobs = [...this.#entries.values()].map((e) => {
      counts[e.view.state] += 1;
      return { ...e.view };
    });
    const pause = this.#gate.state;
    return { jobs, counts, pause, spentCents: this.#ledger.totalCents, spend: this.#ledger.snapshot(), awaiting: awaitingCollection(this.#entries.values()), pacing: this.#pacer.snapshot(), concurrency: this.#pq.concurrency };
  }

  onProgress(listener: (snapshot: QueueSnapshot) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onIdle(): Promise<void> {
    return this.#pq.onIdle();
  }

  setConcurrency(n: number): void {
    this.#pq.concurrency = Math.max(1, Math.floor(n));
    this.#pacer.setMaxInFlight(this.#pq.concurrency);
    this.#emit();
  }

  setRetryAfterCap(ms: number): void {
    this.#retryAfterCapMs = ms;
  }

  clearFinished(includeKept = false): void {
    // A kept job is not finished: its image is paid for and still at the gateway, and its Retry is
    // how the artist collects it (without it, Generate on that panel would pay again).
    for (const [id, entry] of this.#entries) if (TERMINAL_STATES.has(entry.view.state) && (includeKept || !entry.jobKept)) this.#entries.delete(id);
    this.#emit();
  }

  heldStored(jobId: string): void {
    if (settleHeld(this.#entries.get(jobId)?.view)) this.#emit();
  }

  dispose(): void {
    this.stopNow();
    this.#gate.dispose();
  }

  /** A resumed job takes the place of a kept entry for the same gateway job (else both would collect it). */
  #replaceKept(remoteJobId: string): void {
    for (const [id, entry] of this.#entries) if (entry.jobKept && entry.accepted?.jobId === remoteJobId) this.#entries.delete(id);
  }

  #schedule(entry: Entry): void {
    // No p-queue signal: p-queue would forget an aborted job at once, before its request settled,
    // and onIdle() would lie. A job cancelled before it starts returns at its first check instead.
    this.#pq.add(() => this.#run(entry)).catch(() => {});
  }

  #emit(): void {
    const snap = this.snapshot();
    for (const listener of this.#listeners) listener(snap);
  }

  #setState(entry: Entry, state: JobState, extra: Partial<JobView> = {}): void {
    if (TERMINAL_STATES.has(entry.view.state)) return;
    Object.assign(entry.view, { state, ...extra });
    this.#emit();
  }

  #cancelEntry(entry: Entry): boolean {
    if (TERMINAL_STATES.has(entry.view.state) || entry.view.cancelRequested) return false;
    if (entry.sent || entry.accepted) {
      // Paid (or possibly paid): let it finish and keep what it makes.
      entry.view.cancelRequested = true;
      if (entry.accepted) void this.#cancelRemote(entry, entry.accepted.jobId);
      this.#emit();
      return true;
    }
    entry.controller.abort();
    if (!entry.running) this.#setState(entry, 'cancelled');
    return true;
  }

  /** A queued async job the gateway agrees to cancel costs nothing; one already running finishes. */
  async #cancelRemote(entry: Entry, jobId: string): Promise<void> {
    if (!(await this.#client().cancelJob(jobId).catch(() => false))) return;
    if (TERMINAL_STATES.has(entry.view.state)) return;
    entry.sent = false;
    entry.accepted = undefined;
    entry.controller.abort();
  }

  #client(): GatewayClient {
    const source = this.#options.client;
    return typeof source === 'function' ? source() : source;
  }

  async #acquireSubmitSlot(signal: AbortSignal): Promise<ReleaseSlot> {
    for (;;) {
      await this.#gate.wait(signal);
      const release = await this.#pacer.acquire(signal);
      if (!this.#gate.state) return release;
      release({ answered: false }); // the gate closed while we waited for the pacer
    }
  }

  #runOptions(entry: Entry): RunOptions {
    const signal = entry.controller.signal;
    return {
      signal,
      idempotencyKey: entry.key,
      onPhase: (phase) => {
        if (phase === 'sending') entry.sent = true;
        this.#setState(entry, phase);
      },
      onNotCharged: () => {
        entry.sent = false;
        // Cancelled while this submit was out, and it was answered without a charge: stop here.
        if (entry.view.cancelRequested) entry.controller.abort();
      },
      beforeRequest: async (sig) => {
        if (this.#gate.state) this.#setState(entry, 'waiting');
        await this.#gate.wait(sig ?? signal);
      },
      acquireSubmitSlot: (sig) => this.#acquireSubmitSlot(sig ?? signal),
      beforeSubmit: async () => this.#options.beforeSubmit?.(entry.job, entry.key),
      onRateLimited: (error) => this.#rateLimit(error),
      onJobAccepted: async (accepted) => {
        entry.accepted = accepted;
        entry.view.remoteJobId = accepted.jobId;
        await this.#options.onJobAccepted?.(entry.job, accepted, entry.key);
      },
    };
  }

  #attempt(entry: Entry): Promise<GenerationResult> {
    const client = this.#client();
    const run = this.#runOptions(entry);
    // Once the gateway accepted an async job, re-runs poll it: a paid job is never resubmitted.
    if (entry.accepted) {
      const { submittedAt } = entry.accepted;
      if (submittedAt !== undefined && this.#now() - submittedAt > (this.#options.maxJobAgeMs ?? 7 * 86_400_000)) return Promise.reject(gatewayErrors.jobTooOld());
      return client.resumeJob(entry.accepted, run);
    }
    const { job } = entry;
    if (job.kind === 'generate') return client.generatePanel(job.input, run);
    if (job.kind === 'restyle') return client.restylePanel(job.input, run);
    // A resumed job run again by Retry: polling would only find its failure again, so its own
    // request is sent again. retry() refuses a job without one, so this never sends another kind.
    const { resend } = job;
    if (!resend) return Promise.reject(new CastboardError('INVALID_REQUEST', 'Castboard does not know what this job asked for, so it cannot be sent again.'));
    return resend.load().then((input) => client.resendRequest(input, run));
  }

  /** True when the failure paused the queue and the job should run again afterwards. */
  #pauseFor(entry: Entry, error: GatewayError): boolean {
    if (error.pause !== 'rate-limit') {
      this.#gate.pauseForUser(error.pause === 'rate-limit-long' ? 'rate-limit-long' : (error.pause ?? 'bad-key'), error.message);
      return true;
    }
    entry.rateLimitsInARow += 1;
    if (entry.rateLimitsInARow > (this.#options.maxConsecutiveRateLimits ?? 6)) return false;
    this.#rateLimit(error);
    return true;
  }

  /** What to do after a failed attempt: run again (after a pause), or end the job. */
  #afterFailure(entry: Entry, error: unknown): 'again' | 'end' {
    const pausing = error instanceof GatewayError && error.pause !== undefined;
    if (pausing) entry.sent = false; // 429/401/402 answers charge nothing
    if (entry.view.cancelRequested && !entry.sent && !entry.accepted) {
      this.#setState(entry, 'cancelled');
      return 'end';
    }
    if (!pausing) {
      this.#outcomes.fail(entry, error);
      return 'end';
    }
    if (this.#pauseFor(entry, error)) {
      this.#setState(entry, 'waiting');
      return 'again';
    }
    const times = entry.rateLimitsInARow;
    this.#outcomes.fail(entry, new GatewayError('GATEWAY_RATE_LIMITED', `The image service refused this panel ${times} times in a row to slow Castboard down; it was not charged. Try it again later.`, { words: error.words }));
    return 'end';
  }

  #rateLimit(error: GatewayError): void {
    const wait = error.retryAfterMs ?? this.#options.defaultRateLimitMs ?? 15_000;
    if (wait <= this.#retryAfterCapMs) return this.#gate.rateLimit(wait, error.message);
    const minutes = Math.ceil(wait / 60_000);
    this.#gate.pauseForUser(
      'rate-limit-long',
      `The image service asked Castboard to wait ${minutes} minute${minutes === 1 ? '' : 's'}, longer than Castboard waits by itself. Nothing more is sent; press Resume when you want to continue.`,
    );
  }

  async #run(entry: Entry): Promise<void> {
    const signal = entry.controller.signal;
    if (signal.aborted || TERMINAL_STATES.has(entry.view.state)) return;
    entry.running = true;
    try {
      for (;;) {
        try {
          throwIfAborted(signal);
          await this.#gate.wait(signal);
          const result = await this.#attempt(entry);
          throwIfAborted(signal);
          return await this.#outcomes.succeed(entry, result);
        } catch (error) {
          if (signal.aborted) return this.#outcomes.endStopped(entry);
          if (this.#afterFailure(entry, error) === 'end') return;
        }
      }
    } finally {
      entry.running = false;
    }
  }
}

export function createGenerationQueue(options: GenerationQueueOptions): GenerationQueue {
  return new QueueRunner(options);
}

