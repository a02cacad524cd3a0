/**
 * Folder-level operations behind create, Save As and "open the backup instead":
 *  - a new project folder never lands on an existing project (PROJECT_EXISTS);
 *  - Save As copies every image (each durably, the folder fsynced once) before the JSON that
 *    names them is written — also images no longer referenced, which undo may bring back;
 *  - restoring a backup moves the damaged project.json aside under a clear name instead of
 *    overwriting it, then puts a copy of the backup in its place.
 */
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import type { ImageRef } from '../../../shared/domain/project';
import { copyFileAtomic, fsyncDir } from './atomic-write';
import { backupStamp, isBackupFileName } from './backups';
import { errnoCode } from './fs-errors';
import type { ImageStore } from './image-store';
import { BACKUPS_DIR, IMAGES_DIR, THUMBS_DIR, imageFilePath, projectFilePath } from './project-paths';

/** Makes `root` ready to receive a new project. Returns true when the folder itself was created here. */
export async function prepareNewProjectFolder(root: string): Promise<boolean> {
  const existing = await stat(root).catch(() => null);
  if (existing && !existing.isDirectory()) {
    throw new CastboardError('PROJECT_EXISTS', `"${root}" is a file. Choose a new folder name for the project.`);
  }
  if (existing && (await stat(projectFilePath(root)).catch(() => null))) {
    throw new CastboardError('PROJECT_EXISTS', `There is already a Castboard project in "${root}". Open it, or choose another name for the new one.`);
  }
  await mkdir(root, { recursive: true });
  await Promise.all([IMAGES_DIR, THUMBS_DIR, BACKUPS_DIR].map((dir) => mkdir(path.join(root, dir), { recursive: true })));
  return !existing;
}

export interface CopyImagesResult {
  copied: number;
  /** Referenced images absent from the source: they stay referenced in the copy. */
  missing: ImageRef[];
}

/** Copies every image of `source` (present files plus `referenced`) into `targetRoot`/images. */
export async function copyAllImages(source: ImageStore, targetRoot: string, referenced: readonly ImageRef[], concurrency = 8): Promise<CopyImagesResult> {
  const all = [...new Set([...(await source.list()), ...referenced])];
  const missing: ImageRef[] = [];
  let copied = 0;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < all.length) {
      const ref = all[next] as ImageRef;
      next += 1;
      const from = source.pathOf(ref);
      const to = imageFilePath(targetRoot, ref);
      const [fromInfo, toInfo] = await Promise.all([stat(from).catch(() => null), stat(to).catch(() => null)]);
      if (!fromInfo?.isFile()) {
        missing.push(ref);
        continue;
      }
      if (toInfo?.isFile() && toInfo.size === fromInfo.size) continue;
      await copyFileAtomic(from, to, { syncFolder: false });
      copied += 1;
    }
  }
  await mkdir(path.join(targetRoot, IMAGES_DIR), { recursive: true });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, all.length)) }, worker));
  await fsyncDir(path.join(targetRoot, IMAGES_DIR));
  return { copied, missing: missing.sort() };
}

/**
 * Puts backups/<fileName> in place of project.json. The current project.json (damaged or not)
 * is renamed to `project.before-restore-<time>.json` in the project folder, never overwritten.
 */
export async function restoreBackupFile(root: string, fileName: string, now: Date): Promise<string | null> {
  if (!isBackupFileName(fileName) || fileName !== path.basename(fileName)) {
    throw new CastboardError('NOT_FOUND', `"${fileName}" is not one of this project's backups.`);
  }
  const backup = path.join(root, BACKUPS_DIR, fileName);
  if (!(await stat(backup).catch(() => null))?.isFile()) {
    throw new CastboardError('NOT_FOUND', `The backup ${fileName} is no longer in the backups folder.`);
  }
  let movedAside: string | null = `project.before-restore-${backupStamp(now)}.json`;
  try {
    await rename(projectFilePath(root), path.join(root, movedAside));
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
    movedAside = null;
  }
  await copyFileAtomic(backup, projectFilePath(root));
  return movedAside;
}
