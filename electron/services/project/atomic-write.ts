/**
 * Crash-safe file replacement. A reader (or a crash at any instant) sees either the complete old
 * file or the complete new one, never a mix:
 *   1. write the bytes to a fresh temp file in the SAME folder (rename is only atomic within one
 *      file system), created with O_EXCL so it is never someone else's file or a planted link;
 *   2. fsync it, so the data is on disk before the name points at it;
 *   3. rename it over the target;
 *   4. fsync the folder, so the rename itself survives a power cut.
 * On any failure the temp file is removed and the target is untouched. Temp files left by a
 * killed process match TEMP_FILE_PATTERN and are swept by removeTempFiles() when a project opens.
 */
import { constants } from 'node:fs';
import { copyFile, open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { nodeCrypto } from './node-crypto';

export const TEMP_FILE_PATTERN = /^\..+\.[0-9a-f]{12}\.tmp$/;

export interface AtomicWriteOptions {
  /**
   * fsync file and folder (default true). Only caches and copies that are re-validated on read
   * (thumbnails, backups) may skip it.
   */
  durable?: boolean;
  /** fsync the folder after the rename (default: as `durable`). A caller writing many files into one folder syncs it once at the end. */
  syncFolder?: boolean;
}

function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
}

async function removeQuietly(file: string): Promise<void> {
  await unlink(file).catch(() => undefined);
}

/** fsync a folder so renames and new names in it are durable. No-op where folders cannot be synced (Windows). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch (error) {
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw error;
  } finally {
    await handle.close();
  }
}

async function renameIntoPlace(temp: string, target: string, durable: boolean): Promise<void> {
  try {
    await rename(temp, target);
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
  if (durable) await fsyncDir(path.dirname(target));
}

export async function writeFileAtomic(target: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const durable = options.durable ?? true;
  const temp = tempPathFor(target);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    if (durable) await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await removeQuietly(temp);
    throw error;
  }
  await handle.close();
  await renameIntoPlace(temp, target, options.syncFolder ?? durable);
}

/**
 * Copies `source` to `target` with the same guarantees. `syncFolder: false` lets a caller copying
 * many files into one folder fsync that folder once at the end (see fsyncDir).
 */
export async function copyFileAtomic(source: string, target: string, options: { syncFolder?: boolean } = {}): Promise<void> {
  const temp = tempPathFor(target);
  try {
    await copyFile(source, temp, constants.COPYFILE_EXCL);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
  await renameIntoPlace(temp, target, options.syncFolder ?? true);
}

/** Deletes temp files left in `dir` by an interrupted write. Call only while holding the project lock. */
export async function removeTempFiles(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => TEMP_FILE_PATTERN.test(name));
  await Promise.all(stale.map((name) => removeQuietly(path.join(dir, name))));
  return stale.length;
}
