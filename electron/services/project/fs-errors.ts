/**
 * Turns file-system failures into sentences an artist can act on. Every save failure ends by
 * saying that the work is still open in Castboard and that nothing on disk was changed — which
 * the atomic writes guarantee (a failed write only ever leaves a temp file, removed on failure).
 */
import { CastboardError } from '../../../shared/errors';

export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

export function isNotWritableError(error: unknown): boolean {
  return NOT_WRITABLE.has(errnoCode(error) ?? '');
}

/** Why a write in `folder` failed, in one sentence. */
export function describeWriteFailure(error: unknown, folder: string): string {
  const code = errnoCode(error);
  if (code && NO_SPACE.has(code)) {
    return code === 'EFBIG'
      ? 'The disk (or a file-size limit on this account) has no room for the file.'
      : 'The disk is full (or your storage quota is used up).';
  }
  if (code && NOT_WRITABLE.has(code)) return `Castboard is not allowed to write to the folder "${folder}" (it is read-only or protected).`;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `The project folder "${folder}" is gone: it was moved, renamed or deleted, or its disk was removed.`;
  if (code === 'EIO') return 'The disk reported a read/write error.';
  if (code === 'EMFILE' || code === 'ENFILE') return 'The computer has too many files open right now.';
  if (error instanceof CastboardError) return error.message;
  return `The file system refused the write${code ? ` (${code})` : ''}.`;
}

/**
 * What lets a write that failed work again, as the second half of "as soon as it can write again:
 * …" (paid images held in memory until they can be written): by what stopped it, so a read-only
 * or vanished folder is not answered with "free some disk space". A Castboard error is read
 * through to the file-system failure that caused it.
 */
export function writeAgainAdvice(error: unknown): string {
  // A Castboard error's own code is its kind (PROJECT_SAVE_FAILED): the file system's is on its cause.
  const code = errnoCode(error instanceof CastboardError ? error.cause : error);
  if (code && NO_SPACE.has(code)) return 'free some disk space';
  if (code && NOT_WRITABLE.has(code)) return 'make the project folder writable again';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'put the project folder back where it was (or reconnect its drive)';
  return 'fix what stopped the write (above)';
}

/** The PROJECT_SAVE_FAILED error for a failed save, with what to do next. */
export function saveFailedError(error: unknown, folder: string): CastboardError {
  if (error instanceof CastboardError && error.code === 'PROJECT_SAVE_FAILED') return error;
  const code = errnoCode(error);
  const advice =
    code && NO_SPACE.has(code)
      ? 'Free some space and save again, or use Save As to save somewhere else.'
      : 'Use Save As to save the project somewhere else, or fix the folder and save again.';
  return new CastboardError(
    'PROJECT_SAVE_FAILED',
    `Castboard could not save: ${describeWriteFailure(error, folder)} ${advice} Your changes are still open in Castboard (unsaved), and the project on disk was not changed.`,
    { cause: error },
  );
}
