/**
 * How a queue job ends, and what that means for money: a result is counted as stored before it is
 * handed on (it is paid and in hand, even if writing it must wait); a failure that was paid for
 * (unusable answer, unknown outcome) or a request stopped in flight is counted and told once; a
 * job that ended without a result is reported so its pending async id can be dropped. Invariant:
 * a job reaches a terminal state once, whatever those reports do; later calls change nothing.
 */
import { CastboardError, type SerializedError } from '../../../shared/errors';
import { GatewayError } from './gateway-errors';
import type { AcceptedJob, GenerationResult } from './gateway-types';
import { imagesOf } from './queue-cost';
import type { SpendLedger } from './queue-spend';
import { TERMINAL_STATES, type JobState, type JobView, type PaidWithoutImageEvent, type QueueJob, type ResultHandler } from './queue-types';

export interface Entry {
  job: QueueJob;
  view: JobView;
  key: string;
  controller: AbortController;
  accepted: AcceptedJob | undefined;
  /** A submit of this job may be at the gateway now (false again after an answer that charges nothing). */
  sent: boolean;
  running: boolean;
  rateLimitsInARow: number;
  /** Failed while its accepted job is still at the gateway: a Retry collects that job, it sends nothing new. */
  jobKept?: boolean;
}

/** Failures a Retry cannot fix (the request itself must change). */
const FINAL_CODES = new Set(['GATEWAY_BAD_REQUEST', 'GATEWAY_UNKNOWN_MODEL', 'GATEWAY_IMAGE_TOO_LARGE', 'GATEWAY_SAFETY_REJECTED', 'IMAGE_INVALID', 'RESULT_NOT_STORED']);

function serialize(error: unknown): SerializedError {
  if (error instanceof CastboardError) return error.toJSON();
  return { code: 'INTERNAL', message: 'Something went wrong while generating this panel. Try again.' };
}

/**
 * Runs a record hook (the project's pending jobs, its paid-without-image records). One that throws
 * (a record the project cannot take) must not keep the job from its end: a job left running would
 * hold its project open for ever. The money is still in the session's ledger.
 */
function tell(hook: () => void): void {
  try {
    hook();
  } catch {
    // The hook's owner reports its own failures (the project status); the job ends regardless.
  }
}

export interface OutcomeDeps {
  ledger: SpendLedger;
  price: number;
  setState(entry: Entry, state: JobState, extra?: Partial<JobView>): void;
  onResult: ResultHandler;
  onPaidWithoutImage?: (job: QueueJob, event: PaidWithoutImageEvent) => void;
  onJobEnded?: (job: QueueJob, view: JobView, remoteJobId: string | undefined) => void;
}

export class JobOutcomes {
  readonly #deps: OutcomeDeps;

  constructor(deps: OutcomeDeps) {
    this.#deps = deps;
  }

  async succeed(entry: Entry, result: GenerationResult): Promise<void> {
    const afterCancel = entry.view.cancelRequested === true;
    // Paid and in hand: it counts even if writing it must wait (the service holds it).
    this.#deps.ledger.stored(result.images.length, result.costCents, entry.key);
    entry.rateLimitsInARow = 0;
    await this.#deps.onResult(entry.job, result, { afterCancel, idempotencyKey: entry.key });
    this.#deps.setState(entry, 'done', { images: result.images.length, costCents: result.costCents, ...(afterCancel ? { finishedAfterCancel: true } : {}) });
  }

  endStopped(entry: Entry): void {
    if (TERMINAL_STATES.has(entry.view.state)) return;
    const lost = entry.sent && !entry.accepted;
    if (lost) this.#paidWithoutImage(entry, 'unknown', 'stopped while its request was in flight', this.#deps.price * imagesOf(entry.job));
    this.#deps.setState(entry, 'cancelled', lost ? { paidWithoutImage: 'unknown' } : {});
    // An async job still pending stays in the project: it is collected later, never lost.
    if (!entry.accepted) tell(() => this.#deps.onJobEnded?.(entry.job, entry.view, entry.view.remoteJobId));
  }

  fail(entry: Entry, error: unknown): void {
    if (error instanceof CastboardError && error.code === 'CANCELLED') return this.#deps.setState(entry, 'cancelled');
    const serialized = serialize(error);
    const paid = error instanceof GatewayError ? error.paid : undefined;
    if (paid === 'unusable') this.#paidWithoutImage(entry, 'unusable', serialized.message, (error as GatewayError).costCents ?? this.#deps.price * imagesOf(entry.job));
    if (paid === 'unknown') this.#paidWithoutImage(entry, 'unknown', serialized.message, this.#deps.price * imagesOf(entry.job));
    // The gateway still holds the accepted job: it stays pending (collected on the next open) and a
    // Retry asks for it again; nothing about it is lost or paid twice.
    entry.jobKept = entry.accepted !== undefined && error instanceof GatewayError && error.jobKept;
    // A resumed job whose request is not known cannot be sent again: no Retry rather than a guess.
    const resendable = entry.jobKept || entry.job.kind !== 'resume' || entry.job.resend !== undefined;
    const retryable = resendable && !FINAL_CODES.has(serialized.code);
    this.#deps.setState(entry, 'failed', { error: serialized, retryable, ...(paid ? { paidWithoutImage: paid } : {}) });
    if (!entry.jobKept) tell(() => this.#deps.onJobEnded?.(entry.job, entry.view, entry.view.remoteJobId));
  }

  #paidWithoutImage(entry: Entry, kind: 'unusable' | 'unknown', reason: string, costCents: number): void {
    const images = imagesOf(entry.job);
    if (kind === 'unusable') this.#deps.ledger.unusable(images, costCents, entry.key);
    else this.#deps.ledger.unknown(costCents, entry.key);
    tell(() => this.#deps.onPaidWithoutImage?.(entry.job, { kind, reason, costCents, images, idempotencyKey: entry.key }));
  }
}
