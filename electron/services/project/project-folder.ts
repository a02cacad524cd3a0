/**
 * Folder-level operations behind create, Save As and "open the backup instead":
 *  - a new project folder never lands on an existing project (PROJECT_EXISTS);
 *  - Save As copies every image (each durably, the folder fsynced once) before the JSON that
 *    names them is written — also images no longer referenced, which undo may bring back;
 *  - restoring a backup moves the damaged project.json aside under a clear name instead of
 *    overwriting it, then puts a copy of the backup in its place.
 * Every file is read and written through project-files.ts: Save As copies only regular image
 * files from inside the source (a linked image or images/ is reported missing, never copied),
 * and never writes into a linked folder of the target.
 */
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import type { ImageRef } from '../../../shared/domain/project';
import { fsyncDir } from './atomic-write';
import { backupStamp, isBackupFileName } from './backups';
import { errnoCode } from './fs-errors';
import type { ImageStore } from './image-store';
import {
  createProjectFolder,
  ensureProjectFolder,
  entryType,
  projectFolderType,
  readProjectFile,
  renameProjectFile,
  writeProjectFile,
} from './project-files';
import { BACKUPS_DIR, IMAGES_DIR, PROJECT_FILE, THUMBS_DIR } from './project-paths';

/** Makes `root` ready to receive a new project. Returns true when the folder itself was created here. */
export async function prepareNewProjectFolder(root: string): Promise<boolean> {
  const existing = await projectFolderType(root);
  if (existing === 'other') {
    throw new CastboardError('PROJECT_EXISTS', `"${root}" is a file. Choose a new folder name for the project.`);
  }
  if (existing === 'folder' && (await entryType(root, PROJECT_FILE)).type !== 'missing') {
    throw new CastboardError('PROJECT_EXISTS', `There is already a Castboard project in "${root}". Open it, or choose another name for the new one.`);
  }
  await createProjectFolder(root);
  for (const dir of [IMAGES_DIR, THUMBS_DIR, BACKUPS_DIR]) await ensureProjectFolder(root, dir);
  return existing === 'missing';
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
      // Only complete PNG files from inside the source are copied (a link, FIFO or foreign format is not).
      const bytes = await source.read(ref).catch(() => null);
      if (!bytes) {
        missing.push(ref);
        continue;
      }
      const existing = await entryType(targetRoot, ref);
      if (existing.type === 'file' && existing.identity?.size === bytes.length) continue;
      await writeProjectFile(targetRoot, ref, bytes, { syncFolder: false });
      copied += 1;
    }
  }
  const targetImages = await ensureProjectFolder(targetRoot, IMAGES_DIR);
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, all.length)) }, worker));
  await fsyncDir(targetImages);
  return { copied, missing: missing.sort() };
}

/**
 * Puts backups/<fileName> in place of project.json. The current project.json (damaged or not)
 * is renamed to `project.before-restore-<time>.json` in the project folder, never overwritten.
 */
/** The name the current project.json takes when a backup is restored over it (also in the CLI's printed restore step). */
export function movedAsideName(now: Date): string {
  return `project.before-restore-${backupStamp(now)}.json`;
}

export async function restoreBackupFile(root: string, fileName: string, now: Date): Promise<string | null> {
  if (!isBackupFileName(fileName) || fileName !== path.basename(fileName)) {
    throw new CastboardError('NOT_FOUND', `"${fileName}" is not one of this project's backups.`);
  }
  const backup = await readProjectFile(root, `${BACKUPS_DIR}/${fileName}`, 'backup').catch((error: unknown) => {
    if (error instanceof CastboardError) throw error;
    throw new CastboardError('NOT_FOUND', `The backup ${fileName} is no longer in the backups folder.`, { cause: error });
  });
  let movedAside: string | null = movedAsideName(now);
  try {
    await renameProjectFile(root, PROJECT_FILE, movedAside);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
    movedAside = null;
  }
  await writeProjectFile(root, PROJECT_FILE, backup);
  return movedAside;
}
