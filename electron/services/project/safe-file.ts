/**
 * Reading one file that came from someone else (a shared project folder, a path chosen in a
 * dialog) without being led anywhere else, hung or flooded:
 *  - opened with O_NOFOLLOW (a symbolic link is refused, never followed) and O_NONBLOCK (a FIFO
 *    opens at once instead of waiting forever for a writer), where the platform has them;
 *  - the type is checked on the opened handle (fstat), so only a regular file is ever read:
 *    FIFOs, sockets, devices such as /dev/zero and folders are refused before one byte is read;
 *  - the size is checked on the handle before reading and the read stops at the cap, so a file
 *    that grows while it is read cannot make Castboard buffer more than the cap.
 * Every refusal is an UnsafeFileError naming the file and saying what to do.
 */
import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { CastboardError, type ErrorCode } from '../../../shared/errors';
import { errnoCode } from './fs-errors';

/** Why a file was refused. */
export type UnsafeFileProblem = 'symlink' | 'symlinked-folder' | 'not-a-file' | 'too-large' | 'outside';

/** O_NOFOLLOW / O_NONBLOCK are absent on Windows: there the fstat check below still applies. */
export const SAFE_READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function describe(problem: UnsafeFileProblem, label: string, maxBytes?: number): string {
  switch (problem) {
    case 'symlink':
      return `${label} is a symbolic link to somewhere else, so Castboard did not follow it. Replace the link with the real file.`;
    case 'symlinked-folder':
      return `${label} is inside a folder that is a symbolic link to somewhere else, so Castboard did not use it. Replace the link with a real folder.`;
    case 'not-a-file':
      return `${label} is not an ordinary file (it is a folder, pipe, socket or device), so Castboard did not read it. Remove it or replace it with the real file.`;
    case 'too-large':
      return `${label} is larger than Castboard accepts for this kind of file (${Math.round((maxBytes ?? 0) / (1024 * 1024))} MB), so it was not read.`;
    case 'outside':
      return `${label} is outside the project folder, so Castboard did not use it.`;
  }
}

export class UnsafeFileError extends CastboardError {
  readonly problem: UnsafeFileProblem;

  constructor(problem: UnsafeFileProblem, label: string, options: { maxBytes?: number; code?: ErrorCode; cause?: unknown } = {}) {
    super(options.code ?? (problem === 'too-large' ? 'IMAGE_TOO_LARGE' : 'PROJECT_UNREADABLE'), describe(problem, label, options.maxBytes), { cause: options.cause });
    this.name = 'UnsafeFileError';
    this.problem = problem;
  }
}

export interface SafeReadOptions {
  /** Refuse files larger than this. */
  maxBytes: number;
  /** How messages name the file, e.g. `The file "images/ab.png" in the project folder`. */
  label: string;
  /** Error code for a refusal (default PROJECT_UNREADABLE; IMAGE_TOO_LARGE for the size cap). */
  code?: ErrorCode;
}

export interface OpenedFile {
  handle: FileHandle;
  size: number;
  mtimeMs: number;
  ino: number;
}

/**
 * Opens `absolutePath` as a regular file (never through a final symbolic link). The caller closes
 * the handle. ENOENT passes through unchanged, so callers can tell "missing" from "refused".
 */
export async function openRegularFile(absolutePath: string, label: string, code?: ErrorCode): Promise<OpenedFile> {
  let handle: FileHandle;
  try {
    handle = await open(absolutePath, SAFE_READ_FLAGS);
  } catch (error) {
    // Linux answers ELOOP for O_NOFOLLOW on a link; some BSDs answer EMLINK.
    if (errnoCode(error) === 'ELOOP' || errnoCode(error) === 'EMLINK') throw new UnsafeFileError('symlink', label, { code, cause: error });
    if (errnoCode(error) === 'ENXIO') throw new UnsafeFileError('not-a-file', label, { code, cause: error }); // a socket
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UnsafeFileError('not-a-file', label, { code });
    return { handle, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/** Reads an opened file to its end, refusing it as soon as it exceeds `maxBytes`. */
export async function readBounded(file: OpenedFile, options: SafeReadOptions): Promise<Buffer> {
  const { maxBytes, label, code } = options;
  if (file.size > maxBytes) throw new UnsafeFileError('too-large', label, { maxBytes, code });
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(file.size - total, 64 * 1024), maxBytes + 1 - total));
    if (chunk.length === 0) throw new UnsafeFileError('too-large', label, { maxBytes, code });
    const { bytesRead } = await file.handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) throw new UnsafeFileError('too-large', label, { maxBytes, code });
  }
  return Buffer.concat(chunks, total);
}

/** The whole of a regular file, capped; see the module header. */
export async function readRegularFile(absolutePath: string, options: SafeReadOptions): Promise<Buffer> {
  const file = await openRegularFile(absolutePath, options.label, options.code);
  try {
    return await readBounded(file, options);
  } finally {
    await file.handle.close();
  }
}

/**
 * A file the artist chose themselves (a dialog, a command-line argument): a link they chose is
 * followed to its real path, but what is read must still be a regular file under the cap, so
 * choosing /dev/zero or a FIFO ends at once with a clear error instead of reading without end.
 */
export async function readChosenFile(absolutePath: string, options: SafeReadOptions): Promise<Buffer> {
  return readRegularFile(await realpath(absolutePath), options);
}
