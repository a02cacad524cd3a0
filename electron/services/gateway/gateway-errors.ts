/**
 * Every way a gateway call can fail, as a typed CastboardError with a message for the artist.
 * `retryable` marks failures worth another attempt with the same Idempotency-Key (provider
 * failures, timeouts, dropped connections); everything else is final. `pause` tells the queue
 * which failures stop the whole queue: a rate limit (until Retry-After), a bad key or an empty
 * wallet (until the artist presses Resume).
 */
import { CastboardError, type ErrorCode } from '../../../shared/errors';
import { redactOutgoing } from '../logging/redact';

export type PauseReason = 'rate-limit' | 'bad-key' | 'out-of-credits';

export class GatewayError extends CastboardError {
  readonly httpStatus: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly pause: PauseReason | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details: { httpStatus?: number; retryable?: boolean; retryAfterMs?: number; pause?: PauseReason; cause?: unknown } = {},
  ) {
    super(code, message, { cause: details.cause });
    this.name = 'GatewayError';
    this.httpStatus = details.httpStatus;
    this.retryable = details.retryable ?? false;
    this.retryAfterMs = details.retryAfterMs;
    this.pause = details.pause;
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

/** Maps an HTTP error status from the gateway to the error the artist sees. */
export function errorForStatus(status: number, serverMessage?: string, retryAfterMs?: number, cause?: unknown): GatewayError {
  const base = { httpStatus: status, retryAfterMs, cause };
  const said = clip(serverMessage);
  switch (status) {
    case 400:
      return new GatewayError('GATEWAY_BAD_REQUEST', `The image service refused the request${said ? ` (${said})` : ''}. Check the panel's prompt and settings.`, base);
    case 401:
    case 403:
      return new GatewayError('GATEWAY_BAD_KEY', 'The image service did not accept your API key. Check the key in Settings, then press Resume.', { ...base, pause: 'bad-key' });
    case 402:
      return new GatewayError('GATEWAY_OUT_OF_CREDITS', 'The image service is out of credits. Top up your AIgateway balance, then press Resume.', { ...base, pause: 'out-of-credits' });
    case 404:
      return new GatewayError('GATEWAY_UNKNOWN_MODEL', 'The image service does not offer the Ideogram Character model at this address. Check the gateway URL in Settings.', base);
    case 413:
      return new GatewayError('GATEWAY_IMAGE_TOO_LARGE', 'The reference or source image is too large for the image service. Use a smaller image.', base);
    case 422:
      return new GatewayError('GATEWAY_SAFETY_REJECTED', "The image service's safety check rejected this panel. Change the scene description or the reference image and try again.", base);
    case 429:
      return new GatewayError('GATEWAY_RATE_LIMITED', 'The image service asked Castboard to slow down. Generation continues by itself when the wait is over.', { ...base, pause: 'rate-limit' });
    case 408:
    case 504:
      return new GatewayError('GATEWAY_TIMEOUT', 'The image service took too long to answer. Try again in a moment.', { ...base, retryable: true });
    default:
      if (status >= 500) {
        return new GatewayError('GATEWAY_PROVIDER_FAILED', 'The image service had a problem on its side. Try again in a moment.', { ...base, retryable: true });
      }
      return new GatewayError('GATEWAY_ERROR', `The image service answered with an unexpected error (${status}). Try again, or check the gateway URL in Settings.`, base);
  }
}

export const gatewayErrors = {
  timeout: (cause?: unknown) =>
    new GatewayError('GATEWAY_TIMEOUT', 'The image service took too long to answer. Try again in a moment.', { retryable: true, cause }),
  unreachable: (cause?: unknown) =>
    new GatewayError('GATEWAY_UNREACHABLE', 'Castboard could not reach the image service. Check your internet connection and the gateway URL in Settings.', { retryable: true, cause }),
  badResponse: (detail: string, cause?: unknown) =>
    new GatewayError('GATEWAY_BAD_RESPONSE', `The image service sent an answer Castboard could not read (${redactOutgoing(detail)}). Nothing was changed; try again.`, { cause }),
  urlExpired: (status: number) =>
    new GatewayError('GATEWAY_URL_EXPIRED', 'The finished image expired before Castboard could download it. Generate the panel again.', { httpStatus: status }),
  jobFailed: (serverMessage?: string, safety = false) =>
    safety
      ? new GatewayError('GATEWAY_SAFETY_REJECTED', "The image service's safety check rejected this panel. Change the scene description or the reference image and try again.")
      : new GatewayError('GATEWAY_PROVIDER_FAILED', `The image service could not finish this panel${clip(serverMessage) ? ` (${clip(serverMessage)})` : ''}. Try again.`),
  jobTimeout: () =>
    new GatewayError('GATEWAY_TIMEOUT', 'The image service has been working on this panel for too long. Try again later.'),
};
