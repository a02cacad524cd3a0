/**
 * Errors that cross the IPC boundary. Every failure reaching the renderer is a plain
 * `{ code, message }`: the code is for program logic, the message is for the artist and must say
 * what happened and what to do. Stack traces and internal details never cross.
 * Free of zod, so code that only throws or tells errors apart (the CLI reading a project) does not
 * load it; the schemas that check a serialized error are in error-schemas.ts.
 */

export const errorCodes = [
  // IPC and app
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'UNKNOWN_SENDER',
  'INTERNAL',
  'NOT_FOUND',
  'CANCELLED',
  // API key and gateway
  'NO_API_KEY',
  'KEY_STORAGE_UNAVAILABLE',
  'GATEWAY_BAD_REQUEST',
  'GATEWAY_BAD_KEY',
  'GATEWAY_OUT_OF_CREDITS',
  'GATEWAY_UNKNOWN_MODEL',
  'GATEWAY_IMAGE_TOO_LARGE',
  'GATEWAY_SAFETY_REJECTED',
  'GATEWAY_RATE_LIMITED',
  'GATEWAY_PROVIDER_FAILED',
  'GATEWAY_TIMEOUT',
  'GATEWAY_UNREACHABLE',
  'GATEWAY_BAD_RESPONSE',
  'GATEWAY_BAD_IMAGE',
  'GATEWAY_URL_EXPIRED',
  'GATEWAY_ERROR',
  /** The request may have reached the gateway but no answer came back: it may have been charged. */
  'GATEWAY_OUTCOME_UNKNOWN',
  /** An async job the gateway reports as failed (documented as not charged). */
  'GATEWAY_JOB_FAILED',
  /** An async job the gateway no longer knows (poll 404) or that is older than the poll limit. */
  'GATEWAY_JOB_LOST',
  /**
   * Waiting for an accepted (paid) async job stopped while the gateway still holds it (contact lost,
   * or too slow): the job is kept in the project and a Retry asks for it again, never resubmits it.
   */
  'GATEWAY_JOB_KEPT',
  /** Paid images that could not be written yet: kept in memory and added when writing works again. */
  'RESULT_NOT_STORED',
  // images received or imported
  'IMAGE_INVALID',
  'IMAGE_TOO_LARGE',
  // projects
  'NO_PROJECT',
  'PROJECT_NOT_FOUND',
  'PROJECT_UNREADABLE',
  'PROJECT_INVALID',
  'PROJECT_TOO_NEW',
  'PROJECT_LOCKED',
  'PROJECT_SAVE_FAILED',
  'PROJECT_IMAGE_MISSING',
  'PROJECT_EXISTS',
  // export
  'EXPORT_INVALID_OPTIONS',
  'EXPORT_EMPTY',
  'EXPORT_WRITE_FAILED',
  'EXPORT_ENCODER_FAILED',
  // consistency check
  'CONSISTENCY_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const ERROR_CODES: ReadonlySet<string> = new Set(errorCodes);

export function isErrorCode(code: string): code is ErrorCode {
  return ERROR_CODES.has(code);
}

/** An error as it crosses IPC (checked by SerializedErrorSchema in error-schemas.ts). */
export interface SerializedError {
  code: ErrorCode;
  message: string;
}

/** An error whose message is written for the artist. Anything else is reported as INTERNAL. */
export class CastboardError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CastboardError';
    this.code = code;
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message };
  }
}

export function isCastboardError(value: unknown): value is CastboardError {
  return value instanceof CastboardError;
}
