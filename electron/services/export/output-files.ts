/**
 * Writing export files safely. Invariants:
 *  - nothing is written under a final name until every file of the export is complete: each is
 *    written to a hidden temp file in its destination folder, fsynced, and renamed at the end, so
 *    a failure or cancel leaves no partial file (temp files are removed);
 *  - an existing file is never replaced silently: without `overwrite` the export stops before
 *    drawing anything and names the files in the way;
 *  - every file-system failure becomes EXPORT_WRITE_FAILED with what to do about it.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** An artist-facing message for a failed write of `target`. */
export function writeFailure(error: unknown, target: string): CastboardError {
  if (error instanceof CastboardError) return error;
  const dir = path.dirname(target);
  const reasons: Record<string, string> = {
    ENOENT: `The folder ${dir} does not exist. Choose an existing folder.`,
    ENOTDIR: `${dir} is not a folder. Choose a folder to export into.`,
    EACCES: `Castboard is not allowed to write in ${dir}. Choose another folder.`,
    EPERM: `Castboard is not allowed to write in ${dir}. Choose another folder.`,
    EROFS: `${dir} is on a read-only disk. Choose another folder.`,
    ENOSPC: `The disk holding ${dir} is full. Free some space or choose another disk.`,
    EISDIR: `${target} is a folder. Choose a file name.`,
  };
  const reason = reasons[errorCode(error) ?? ''] ?? `Could not write ${target}. Check the folder and try again.`;
  return new CastboardError('EXPORT_WRITE_FAILED', `Export failed: ${reason} Nothing was written.`, { cause: error });
}

/** The paths among `paths` that already exist. */
export async function findExisting(paths: readonly string[]): Promise<string[]> {
  const found = await Promise.all(paths.map((file) => access(file).then(() => file, () => null)));
  return found.filter((file): file is string => file !== null);
}

/** Throws EXPORT_WRITE_FAILED unless `dir` is an existing, writable folder. */
export async function assertWritableFolder(dir: string): Promise<void> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    await access(dir, constants.W_OK);
  } catch (error) {
    throw writeFailure(error, path.join(dir, 'export'));
  }
}

/** Stops the export when final names are taken and replacing them was not asked for. */
export async function assertNoConflicts(paths: readonly string[], overwrite: boolean): Promise<void> {
  if (overwrite) return;
  const existing = await findExisting(paths);
  if (existing.length === 0) return;
  const names = existing.slice(0, 3).map((file) => path.basename(file)).join(', ');
  const more = existing.length > 3 ? ` and ${existing.length - 3} more` : '';
  const what = existing.length === 1 ? 'already exists' : 'already exist';
  throw new CastboardError(
    'EXPORT_WRITE_FAILED',
    `${names}${more} ${what} in ${path.dirname(existing[0] ?? '')}. Nothing was written. Choose another name or folder, or confirm replacing the files.`,
  );
}

/** Writes bytes to a staged temp file of `target` (EXPORT_WRITE_FAILED naming `target` on failure). */
export async function writeStaged(temp: string, bytes: Uint8Array, target: string): Promise<void> {
  await writeFile(temp, bytes).catch((error: unknown) => {
    throw writeFailure(error, target);
  });
}

/** Temp files that become the export's files only when `commit` is called. */
export class StagedFiles {
  private readonly staged: Array<{ temp: string; final: string }> = [];

  /** Reserves a temp file next to `finalPath` (this is where a bad folder is detected). */
  async stage(finalPath: string): Promise<string> {
    const temp = path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temp, 'wx');
      await handle.close();
    } catch (error) {
      throw writeFailure(error, finalPath);
    }
    this.staged.push({ temp, final: finalPath });
    return temp;
  }

  /**
   * fsyncs and renames every temp file to its final name. The names are checked again first (a
   * file or folder may have appeared while the export ran), so a late conflict fails the whole
   * export instead of leaving some pages renamed.
   */
  async commit(options: { overwrite: boolean }): Promise<string[]> {
    const finals = this.staged.map((entry) => entry.final);
    await assertNoConflicts(finals, options.overwrite);
    for (const final of finals) {
      const info = await stat(final).catch(() => null);
      if (info?.isDirectory()) throw writeFailure(Object.assign(new Error('is a folder'), { code: 'EISDIR' }), final);
    }
    for (const { temp, final } of this.staged) {
      try {
        const handle = await open(temp, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, final);
      } catch (error) {
        throw writeFailure(error, final);
      }
    }
    this.staged.length = 0;
    return finals;
  }

  /** Removes every temp file not yet committed (best effort; used on failure and cancel). */
  async discard(): Promise<void> {
    await Promise.all(this.staged.map(({ temp }) => unlink(temp).catch(() => undefined)));
    this.staged.length = 0;
  }
}

/**
 * Writes one export file (or several) all-or-nothing: each is staged next to its final name and
 * renamed only when every one of them is complete. `write` fills each staged temp path.
 */
export async function writeOutputs(targets: readonly string[], overwrite: boolean, write: (temp: string, target: string, index: number) => Promise<void>): Promise<string[]> {
  await assertNoConflicts(targets, overwrite);
  const staged = new StagedFiles();
  try {
    for (const [index, target] of targets.entries()) await write(await staged.stage(target), target, index);
    return await staged.commit({ overwrite });
  } finally {
    await staged.discard();
  }
}

/** Writes `bytes` to `target` through a staged temp file (see writeOutputs). */
export async function writeOutputFile(target: string, bytes: Uint8Array, overwrite: boolean): Promise<string> {
  await assertWritableFolder(path.dirname(target));
  const [file] = await writeOutputs([target], overwrite, (temp) => writeStaged(temp, bytes, target));
  return file ?? target;
}

/** Refuses an output name with the wrong extension (EXPORT_INVALID_OPTIONS naming the file). */
export function assertExtension(target: string, extension: string, what: string): void {
  if (path.extname(target).toLowerCase() === extension) return;
  throw new CastboardError('EXPORT_INVALID_OPTIONS', `${what} is saved as ${extension}: use a file name ending in ${extension} instead of "${path.basename(target)}".`);
}

/** How many numbered names (`<base>-2` ... ) a new folder tries before giving up. */
const MAX_FOLDER_SUFFIX = 99;

/**
 * Creates a new, empty folder named `base`, or `base-2`, `base-3`... when that name is taken (by
 * a folder or a file), and returns its path. Never uses a folder that was already there: an
 * export writes only into a folder it made, so it cannot replace or mix with anything in it.
 */
export async function createFreshFolder(base: string): Promise<string> {
  for (let suffix = 1; suffix <= MAX_FOLDER_SUFFIX; suffix += 1) {
    const dir = suffix === 1 ? base : `${base}-${suffix}`;
    // Not recursive: EEXIST is how a taken name shows, atomically (another export may race for it).
    const made = await mkdir(dir).then(() => true, (error: unknown) => {
      if (errorCode(error) === 'EEXIST') return false;
      throw writeFailure(error, path.join(dir, 'export'));
    });
    if (made) return dir;
  }
  throw new CastboardError(
    'EXPORT_WRITE_FAILED',
    `Export failed: ${base} and ${base}-2 to ${base}-${MAX_FOLDER_SUFFIX} already exist, and an export never writes into a folder it did not make. Choose another file name or folder. Nothing was written.`,
  );
}

/** Removes a folder this export created, with what it wrote in it (best effort, after a failure or cancel). */
export async function removeCreatedFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => undefined);
}
