/**
 * The folder an export of several files (the panel PNGs) writes into, named by the artist. A
 * folder that does not exist yet is created with its missing parents, as artists expect from
 * "export into <name>". Invariants:
 *  - an existing file is never taken for a folder, and an existing folder must be writable:
 *    both are refused with EXPORT_WRITE_FAILED before anything is created or written;
 *  - the folders an export created are removed again when it writes nothing (failure, cancel),
 *    only while they are empty, so nothing anyone else put there is ever deleted.
 */
import { mkdir, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import { assertWritableFolder, writeFailure } from './output-files';

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

const failed = (reason: string, cause?: unknown) => new CastboardError('EXPORT_WRITE_FAILED', `Export failed: ${reason} Nothing was written.`, cause === undefined ? undefined : { cause });

/** The closest existing ancestor of `dir` (the folder a new one would be made in), with what it is. */
async function existingAncestor(dir: string): Promise<{ at: string; isFolder: boolean }> {
  let at = path.dirname(dir);
  for (;;) {
    const info = await stat(at).catch(() => null);
    if (info) return { at, isFolder: info.isDirectory() };
    const up = path.dirname(at);
    if (up === at) return { at, isFolder: true };
    at = up;
  }
}

/** Why `dir` could not be created, naming the folder or file in the way. */
async function creationFailure(error: unknown, dir: string): Promise<CastboardError> {
  const { at, isFolder } = await existingAncestor(dir);
  const code = errorCode(error);
  if (code === 'ENOTDIR' || code === 'EEXIST' || !isFolder) return failed(`${dir} cannot be created because ${at} is a file, not a folder. Choose another folder.`, error);
  if (code === 'EACCES' || code === 'EPERM') return failed(`Castboard is not allowed to create the folder ${dir} in ${at}. Choose another folder.`, error);
  if (code === 'EROFS') return failed(`${at} is on a read-only disk, so ${dir} cannot be created. Choose another folder.`, error);
  return writeFailure(error, path.join(dir, 'export'));
}

/**
 * Makes sure `dir` is a writable folder, creating it and its missing parents when it does not
 * exist. Returns the topmost folder it created (for removeCreatedFolders), or null when `dir`
 * was already there.
 */
export async function prepareExportFolder(dir: string): Promise<string | null> {
  const info = await stat(dir).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return null;
    throw writeFailure(error, path.join(dir, 'export'));
  });
  if (info && !info.isDirectory()) throw failed(`${dir} is a file, not a folder. Choose a folder to export the panel images into (a new name creates it).`);
  if (info) {
    await assertWritableFolder(dir);
    return null;
  }
  try {
    return (await mkdir(dir, { recursive: true })) ?? null;
  } catch (error) {
    throw await creationFailure(error, dir);
  }
}

/** Removes `dir` and its parents up to `top` (prepareExportFolder's answer) while they are empty. Best effort. */
export async function removeCreatedFolders(dir: string, top: string | null): Promise<void> {
  if (top === null) return;
  for (let at = dir; ; at = path.dirname(at)) {
    // rmdir refuses a folder that is not empty: whatever appeared in it stays.
    if (!(await rmdir(at).then(() => true, () => false))) return;
    if (at === top || path.dirname(at) === at) return;
  }
}
