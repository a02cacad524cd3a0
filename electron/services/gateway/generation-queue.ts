/**
 * The generation queue: runs panel jobs through the gateway client with bounded concurrency
 * (p-queue) and reports progress as snapshots.
 *
 * Invariants:
 * - Every HTTP request of every job passes the pause gate: after a 429 nothing is sent until
 *   Retry-After has passed (then the queue continues by itself); after 401/402 nothing is sent
 *   until resume(). The job that hit the pause is re-run with the same Idempotency-Key, and a
 *   job whose async id is known is resumed (polled), never resubmitted.
 * - onResult is called once per successful job and never for a failed or cancelled one, so the
 *   store only ever sees verified images; a job is "done" only after onResult resolved.
 * - Spend counts what results reported (X-Cost-Cents, else the price setting).
 */
import { randomUUID } from 'node:crypto';
import PQueue from 'p-queue';
import { CastboardError, type SerializedError } from '../../../shared/errors';
import { realNow, realSleep, throwIfAborted, type Now, type Sleep } from './clock';
import type { GatewayClient, RunOptions } from './gateway-client';
import { GatewayError } from './gateway-errors';
import type { AcceptedJob, GenerationResult } from './gateway-types';
import { PauseGate } from './pause-gate';
import { estimateCost } from './queue-cost';
import { JOB_STATES, TERMINAL_STATES, type CostEstimate, type JobCounts, type JobState, type JobView, type QueueJob, type QueueSnapshot, type ResultHandler } from './queue-types';

export interface GenerationQueueOptions {
  /** A client, or a factory called per attempt (so a new API key applies after resume()). */
  client: GatewayClient | (() => GatewayClient);
  concurrency?: number;
  pricePerImageCents?: number;
  onResult: ResultHandler;
  /** Persist the async job id (e.g. in project.json) before it is polled; the key is the job's Idempotency-Key. */
  onJobAccepted?: (job: QueueJob, accepted: AcceptedJob, idempotencyKey: string) => Promise<void> | void;
  onProgress?: (snapshot: QueueSnapshot) => void;
  now?: Now;
  sleep?: Sleep;
  newIdempotencyKey?: () => string;
  /** Rate-limit pause when a 429 carries no usable Retry-After. */
  defaultRateLimitMs?: number;
}

export interface GenerationQueue {
  add(jobs: readonly QueueJob[]): void;
  estimate(jobs: readonly QueueJob[]): CostEstimate;
  cancel(jobId: string): boolean;
  cancelAll(): void;
  resume(): void;
  snapshot(): QueueSnapshot;
  onProgress(listener: (snapshot: QueueSnapshot) => void): () => void;
  onIdle(): Promise<void>;
  setConcurrency(n: number): void;
  /** Forgets finished jobs (keeps the spend). */
  clearFinished(): void;
  dispose(): void;
}

interface Entry {
  job: QueueJob;
  view: JobView;
  key: string;
  controller: AbortController;
  accepted: AcceptedJob | undefined;
}

function serialize(error: unknown): SerializedError {
  if (error instanceof CastboardError) return error.toJSON();
  return { code: 'INTERNAL', message: 'Something went wrong while generating this panel. Try again.' };
}

class QueueRunner implements GenerationQueue {
  readonly #options: GenerationQueueOptions;
  readonly #now: Now;
  readonly #price: number;
  readonly #newKey: () => string;
  readonly #pq: PQueue;
  readonly #gate: PauseGate;
  readonly #entries = new Map<string, Entry>();
  readonly #listeners = new Set<(snapshot: QueueSnapshot) => void>();
  #spentCents = 0;

  constructor(options: GenerationQueueOptions) {
    this.#options = options;
    this.#now = options.now ?? realNow;
    this.#price = options.pricePerImageCents ?? 5;
    this.#newKey = options.newIdempotencyKey ?? (() => `castboard-${randomUUID()}`);
    this.#pq = new PQueue({ concurrency: options.concurrency ?? 4 });
    if (options.onProgress) this.#listeners.add(options.onProgress);
    this.#gate = new PauseGate(this.#now, options.sleep ?? realSleep, (state) => {
      // Queued jobs stay "queued" while paused instead of occupying slots at the gate.
      if (state) this.#pq.pause();
      else this.#pq.start();
      this.#emit();
    });
  }

  add(jobs: readonly QueueJob[]): void {
    for (const job of jobs) {
      if (this.#entries.has(job.id)) throw new CastboardError('INVALID_REQUEST', `Job ${job.id} is already in the queue.`);
      const view: JobView = { id: job.id, panelId: job.panelId, kind: job.kind, state: 'queued' };
      if (job.kind === 'resume') view.remoteJobId = job.accepted.jobId;
      const entry: Entry = { job, view, key: this.#newKey(), controller: new AbortController(), accepted: undefined };
      this.#entries.set(job.id, entry);
      // The signal removes a cancelled job from p-queue before it starts (add() then rejects).
      this.#pq.add(() => this.#run(entry), { signal: entry.controller.signal }).catch(() => {});
    }
    this.#emit();
  }

  estimate(jobs: readonly QueueJob[]): CostEstimate {
    return estimateCost(jobs, this.#price);
  }

  cancel(jobId: string): boolean {
    const entry = this.#entries.get(jobId);
    return entry ? this.#cancelEntry(entry) : false;
  }

  cancelAll(): void {
    for (const entry of this.#entries.values()) this.#cancelEntry(entry);
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
    return { jobs, counts, pause: this.#gate.state, spentCents: this.#spentCents, concurrency: this.#pq.concurrency };
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
    this.#emit();
  }

  clearFinished(): void {
    for (const [id, entry] of this.#entries) if (TERMINAL_STATES.has(entry.view.state)) this.#entries.delete(id);
    this.#emit();
  }

  dispose(): void {
    this.cancelAll();
    this.#gate.dispose();
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
    if (TERMINAL_STATES.has(entry.view.state)) return false;
    entry.controller.abort();
    this.#setState(entry, 'cancelled');
    return true;
  }

  #runOptions(entry: Entry): RunOptions {
    const signal = entry.controller.signal;
    return {
      signal,
      idempotencyKey: entry.key,
      onPhase: (phase) => this.#setState(entry, phase),
      beforeRequest: async (sig) => {
        if (this.#gate.state) this.#setState(entry, 'waiting');
        await this.#gate.wait(sig ?? signal);
      },
      onRateLimited: (error) => this.#rateLimit(error),
      onJobAccepted: async (accepted) => {
        entry.accepted = accepted;
        entry.view.remoteJobId = accepted.jobId;
        await this.#options.onJobAccepted?.(entry.job, accepted, entry.key);
      },
    };
  }

  #attempt(entry: Entry): Promise<GenerationResult> {
    const source = this.#options.client;
    const client = typeof source === 'function' ? source() : source;
    const run = this.#runOptions(entry);
    // Once the gateway accepted an async job, re-runs poll it: a paid job is never resubmitted.
    if (entry.accepted) return client.resumeJob(entry.accepted, run);
    const { job } = entry;
    if (job.kind === 'generate') return client.generatePanel(job.input, run);
    if (job.kind === 'restyle') return client.restylePanel(job.input, run);
    return client.resumeJob(job.accepted, run);
  }

  /** True when the failure paused the queue and the job should run again afterwards. */
  #pauseFor(error: unknown): boolean {
    if (!(error instanceof GatewayError) || !error.pause) return false;
    if (error.pause === 'rate-limit') this.#rateLimit(error);
    else this.#gate.pauseForUser(error.pause, error.message);
    return true;
  }

  #rateLimit(error: GatewayError): void {
    this.#gate.rateLimit(error.retryAfterMs ?? this.#options.defaultRateLimitMs ?? 15_000, error.message);
  }

  async #run(entry: Entry): Promise<void> {
    const signal = entry.controller.signal;
    for (;;) {
      try {
        throwIfAborted(signal);
        await this.#gate.wait(signal);
        const result = await this.#attempt(entry);
        throwIfAborted(signal);
        await this.#options.onResult(entry.job, result);
        this.#spentCents += result.costCents;
        this.#setState(entry, 'done', { images: result.images.length, costCents: result.costCents });
        return;
      } catch (error) {
        if (signal.aborted) return this.#setState(entry, 'cancelled');
        if (this.#pauseFor(error)) {
          this.#setState(entry, 'waiting');
          continue;
        }
        return this.#setState(entry, 'failed', { error: serialize(error) });
      }
    }
  }
}

export function createGenerationQueue(options: GenerationQueueOptions): GenerationQueue {
  return new QueueRunner(options);
}
