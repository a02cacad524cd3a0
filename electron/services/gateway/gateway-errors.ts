/**
 * Every way a gateway call can fail, as a typed CastboardError with a message for the artist.
 * Invariants:
 * - `retryable` is set only when resending cannot charge twice: the gateway answered 429/500/503
 *   (it did not render), or the connection failed before the request was sent. A reset after
 *   sending, a timeout or any other answer is final; "outcome unknown" ones may have been charged.
 * - `pause` tells the queue which failures stop the whole queue: a rate limit (until Retry-After),
 *   a bad key or an empty wallet (until the artist presses Resume).
 * - `paid` marks failures that cost money without an image (an unusable paid answer, an unknown
 *   outcome), so the spend counts them.
 * - The gateway's own words (error.message, type, code) follow our sentence, clipped.
 */
import { CastboardError, type ErrorCode } from '../../../shared/errors';
import { redactOutgoing } from '../logging/redact';

export type PauseReason = 'rate-limit' | 'rate-limit-long' | 'bad-key' | 'out-of-credits';

/** The `{error: {message, type, code}}` a gateway sends with an error. */
export interface GatewayWords {
  message?: string;
  type?: string;
  code?: string;
}

export interface GatewayErrorDetails {
  httpStatus?: number;
  retryable?: boolean;
  retryAfterMs?: number;
  pause?: PauseReason;
  /** Money spent without an image: 'unusable' (paid answer, bad images) or 'unknown' (no answer). */
  paid?: 'unusable' | 'unknown';
  /** What the paid answer cost (X-Cost-Cents), when known. */
  costCents?: number;
  /** An accepted async job the gateway still holds: a Retry collects it instead of sending a request. */
  jobKept?: boolean;
  words?: GatewayWords;
  cause?: unknown;
}

export class GatewayError extends CastboardError {
  readonly httpStatus: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly pause: PauseReason | undefined;
  readonly paid: 'unusable' | 'unknown' | undefined;
  readonly costCents: number | undefined;
  readonly jobKept: boolean;
  readonly words: GatewayWords | undefined;

  constructor(code: ErrorCode, message: string, details: GatewayErrorDetails = {}) {
    super(code, message, { cause: details.cause });
    this.name = 'GatewayError';
    this.httpStatus = details.httpStatus;
    this.retryable = details.retryable ?? false;
    this.retryAfterMs = details.retryAfterMs;
    this.pause = details.pause;
    this.paid = details.paid;
    this.costCents = details.costCents;
    this.jobKept = details.jobKept ?? false;
    this.words = details.words;
  }
}

export function isRetryable(error: unknown): boolean {
  return error instanceof GatewayError && error.retryable;
}

/** Server text quoted in a message: redacted first (a gateway may echo the Authorization header), then shortened. */
function clip(text: string | undefined): string {
  const clean = redactOutgoing(text ?? '').replace(/\s+/g, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 197)}...` : clean;
}

/** ` The gateway said: "…" (type, code).` or '' when it said nothing. */
export function gatewaySaid(words: GatewayWords | undefined): string {
  const message = clip(words?.message);
  const tags = [words?.type, words?.code].map((tag) => clip(tag).slice(0, 60)).filter(Boolean);
  if (!message && tags.length === 0) return '';
  return ` The gateway said: ${message ? `“${message}”` : ''}${tags.length ? `${message ? ' ' : ''}(${tags.join(', ')})` : ''}.`;
}

/** Reads `{error: {message, type, code}}` (or `{error: "text"}`) from a JSON body. */
export function wordsOf(json: unknown): GatewayWords | undefined {
  const error = (json as { error?: unknown } | null | undefined)?.error;
  if (typeof error === 'string') return { message: error };
  if (typeof error !== 'object' || error === null) return undefined;
  const pick = (key: string): string | undefined => {
    const value = (error as Record<string, unknown>)[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  return { message: pick('message'), type: pick('type'), code: pick('code') };
}

const outcomeUnknown = (what: string) =>
  `may have been charged. The request reached the image service but ${what}. Retry sends it again with the same Idempotency-Key, so a gateway that honours that key does not charge twice.`;
const OUTCOME_UNKNOWN = outcomeUnknown('no answer came back');

/** Our sentence per status; the gateway's words are appended by errorForStatus. */
function sentenceFor(status: number): { code: ErrorCode; text: string; details?: GatewayErrorDetails } {
  switch (status) {
    case 400:
      return { code: 'GATEWAY_BAD_REQUEST', text: "The image service refused the request. Check the panel's prompt and settings." };
    case 401:
    case 403:
      return { code: 'GATEWAY_BAD_KEY', text: 'The image service did not accept your API key. Check the key in Settings, then press Resume.', details: { pause: 'bad-key' } };
    case 402:
      return { code: 'GATEWAY_OUT_OF_CREDITS', text: 'The image service is out of credits. Top up your AIgateway balance, then press Resume.', details: { pause: 'out-of-credits' } };
    case 404:
      return { code: 'GATEWAY_UNKNOWN_MODEL', text: 'The image service does not offer the Ideogram Character model at this address. Check the gateway URL in Settings.' };
    case 413:
      return { code: 'GATEWAY_IMAGE_TOO_LARGE', text: 'The reference or source image is too large for the image service. Use a smaller image.' };
    case 422:
      return { code: 'GATEWAY_SAFETY_REJECTED', text: "The image service's safety check rejected this panel. Change the scene description or the reference image and try again." };
    case 429:
      return { code: 'GATEWAY_RATE_LIMITED', text: 'The image service asked Castboard to slow down. Generation continues by itself when the wait is over.', details: { pause: 'rate-limit' } };
    case 500:
    case 503:
      return { code: 'GATEWAY_PROVIDER_FAILED', text: 'The image service had a problem on its side and made nothing (not charged). Try again in a moment.', details: { retryable: true } };
    default:
      if (status === 408 || status >= 500) return { code: 'GATEWAY_OUTCOME_UNKNOWN', text: `Outcome unknown (the gateway answered ${status}): this image ${OUTCOME_UNKNOWN}`, details: { paid: 'unknown' } };
      return { code: 'GATEWAY_ERROR', text: `The image service answered with an unexpected error (${status}). Try again, or check the gateway URL in Settings.` };
  }
}

/** Maps an HTTP error status from the gateway to the error the artist sees. */
export function errorForStatus(status: number, words?: GatewayWords, retryAfterMs?: number, cause?: unknown): GatewayError {
  const { code, text, details } = sentenceFor(status);
  return new GatewayError(code, `${text}${gatewaySaid(words)}`, { httpStatus: status, retryAfterMs, cause, words, ...details });
}

export const gatewayErrors = {
  /** No answer within the per-request deadline: for a submit, the outcome is unknown. */
  timeout: (cause?: unknown) =>
    new GatewayError('GATEWAY_OUTCOME_UNKNOWN', `Outcome unknown (no answer in time): this image ${OUTCOME_UNKNOWN}`, { paid: 'unknown', cause }),
  /** The connection broke after the request was sent. */
  resetAfterSend: (cause?: unknown) =>
    new GatewayError('GATEWAY_OUTCOME_UNKNOWN', `Outcome unknown (the connection broke after sending): this image ${OUTCOME_UNKNOWN}`, { paid: 'unknown', cause }),
  /** A GET (poll, download) that took too long: safe to repeat. */
  readTimeout: (cause?: unknown) =>
    new GatewayError('GATEWAY_TIMEOUT', 'The image service took too long to answer. Try again in a moment.', { retryable: true, cause }),
  unreachable: (cause?: unknown) =>
    new GatewayError('GATEWAY_UNREACHABLE', 'Castboard could not reach the image service (nothing was sent, nothing charged). Check your internet connection and the gateway URL in Settings.', { retryable: true, cause }),
  badResponse: (detail: string, cause?: unknown) =>
    new GatewayError('GATEWAY_BAD_RESPONSE', `The image service sent an answer Castboard could not read (${redactOutgoing(detail)}). Nothing was changed; try again.`, { cause }),
  /** A submit's answer that came but could not be read (see badResponse): it may have been charged. */
  unreadableAnswer: (cause: GatewayError) =>
    new GatewayError('GATEWAY_OUTCOME_UNKNOWN', `Outcome unknown: this image ${outcomeUnknown('its answer could not be read')}`, { paid: 'unknown', httpStatus: cause.httpStatus, cause }),
  errorInAnswer: (words: GatewayWords | undefined) =>
    new GatewayError('GATEWAY_ERROR', `The image service answered with an error instead of an image.${gatewaySaid(words)}`, { words }),
  urlExpired: (status: number) =>
    new GatewayError('GATEWAY_URL_EXPIRED', 'The finished image expired before Castboard could download it. Generate the panel again.', { httpStatus: status }),
  jobFailed: (words?: GatewayWords, safety = false) =>
    safety
      ? new GatewayError('GATEWAY_SAFETY_REJECTED', `The image service's safety check rejected this panel (not charged). Change the scene description or the reference image and try again.${gatewaySaid(words)}`, { words })
      : new GatewayError('GATEWAY_JOB_FAILED', `The image service failed this job, not charged. Try again.${gatewaySaid(words)}`, { words, retryable: false }),
  /** A job that ended without a result, not as a failure (e.g. "expired"): it may have run, so it may have been charged. */
  jobEnded: (status: string, words?: GatewayWords) =>
    new GatewayError(
      'GATEWAY_JOB_LOST',
      `The image service says this panel's job ended without an image (status "${status}"); it may have run, so it may have been charged. Generate the panel again if you still need it.${gatewaySaid(words)}`,
      { paid: 'unknown', words },
    ),
  jobLost: () =>
    new GatewayError('GATEWAY_JOB_LOST', 'The gateway no longer knows this job; it may have been charged. Generate the panel again if you still need it.', { paid: 'unknown', httpStatus: 404 }),
  jobTooOld: () =>
    new GatewayError('GATEWAY_JOB_LOST', 'This job is older than the gateway keeps results, so it was given up; it may have been charged. Generate the panel again if you still need it.', { paid: 'unknown' }),
  /** A pending job whose stored id is not a plain job id (project.json damaged or edited): it cannot be asked about. */
  unusableJobId: () =>
    new GatewayError(
      'GATEWAY_JOB_LOST',
      "Castboard cannot ask the gateway about this job: its id in the project file is damaged (it is not a plain job id), so it was given up; it may have been charged. Generate the panel again if you still need it.",
      { paid: 'unknown' },
    ),
  /** Still pending after the poll limit: it may yet finish, so it is kept (and counted when it does). */
  jobTimeout: (minutes: number) =>
    new GatewayError('GATEWAY_JOB_KEPT', `The image service has been working on this panel's job for over ${minutes} minutes, so Castboard stopped waiting. ${JOB_KEPT}`, { jobKept: true, retryable: true }),
  /** Polling or downloading an accepted job failed for a while; the job and its result are still at the gateway. */
  contactLost: (cause: GatewayError) =>
    new GatewayError('GATEWAY_JOB_KEPT', `The image service accepted this panel's job, but Castboard lost contact with it while waiting for the image (${contactFailure(cause)}).${gatewaySaid(cause.words)} ${JOB_KEPT}`, {
      jobKept: true,
      retryable: true,
      httpStatus: cause.httpStatus,
      words: cause.words,
      cause,
    }),
};

const JOB_KEPT = 'The job is paid for and kept in the project: Collect (on the panel) asks the gateway for its image again without sending a new request, and Castboard also asks when the project is next opened.';

/** What went wrong with a poll or download, in a few words (the cause's own sentence speaks of submits). */
function contactFailure(cause: GatewayError): string {
  if (cause.httpStatus !== undefined) return `the gateway answered ${cause.httpStatus}`;
  if (cause.code === 'GATEWAY_TIMEOUT') return 'no answer in time';
  if (cause.code === 'GATEWAY_BAD_RESPONSE') return 'an answer Castboard could not read';
  return 'the connection failed';
}
