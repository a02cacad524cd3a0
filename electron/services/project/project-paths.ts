/**
 * The layout of a project folder (`<Title>.castboard/`, docs/architecture.md, "The project folder") in one place:
 *   project.json   the document          images/   content-addressed, write-once PNGs
 *   thumbs/        rebuildable cache     backups/  rotating copies of project.json
 *   project.lock   who has it open for writing
 */
import path from 'node:path';
import { IMAGES_DIR, isImageRef, type ImageRef } from '../../../shared/domain/project-image-ref';

export { IMAGES_DIR };

export const PROJECT_FILE = 'project.json';
export const THUMBS_DIR = 'thumbs';
export const BACKUPS_DIR = 'backups';
export const LOCK_FILE = 'project.lock';

export function projectFilePath(root: string): string {
  return path.join(root, PROJECT_FILE);
}

/**
 * The absolute path of an image. Only well-formed references (`images/<sha256>.png`) are
 * accepted, so the result is always inside `root/images/`.
 */
export function imageFilePath(root: string, ref: ImageRef): string {
  if (!isImageRef(ref)) throw new Error(`Not a project image reference: ${JSON.stringify(ref)}`);
  return path.join(root, ...ref.split('/'));
}

/** Rebuildable caches that are not images (e.g. face descriptors): never read by project.json's open. */
export const CACHE_DIR = 'cache';
/** Face descriptors per image hash (electron/services/consistency/face-cache.ts). */
export const FACE_CACHE_FILE = `${CACHE_DIR}/faces.json`;
/** The last consistency outcomes per take (electron/services/consistency/saved-results.ts). */
export const CONSISTENCY_RESULTS_FILE = `${CACHE_DIR}/consistency.json`;
