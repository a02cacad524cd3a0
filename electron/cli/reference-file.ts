/**
 * Reads a character reference image named on the command line and verifies it (the same image
 * gate as the app) BEFORE any project is created or changed, so a wrong path or a file that is
 * not an image leaves nothing half-made behind. Returns the original bytes: the workspace's
 * importImageBytes verifies and stores them.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CastboardError } from '../../shared/errors';
import { DEFAULT_MAX_BYTES, verifyAndNormalizeImage } from '../services/image-safety';
import { readChosenFile } from '../services/project/safe-file';
import { UsageError } from './cli-io';

export async function readReferenceImage(file: string, option: string): Promise<Buffer> {
  const absolute = path.resolve(file);
  const info = await stat(absolute).catch(() => null);
  if (!info) throw new UsageError(`${option}: there is no file at "${absolute}". Check the path.`);
  if (!info.isFile()) throw new UsageError(`${option}: "${absolute}" is not a file. Give the path of a PNG, JPEG or WebP image.`);
  if (info.size > DEFAULT_MAX_BYTES) {
    throw new CastboardError('IMAGE_TOO_LARGE', `${option}: "${path.basename(absolute)}" is over 50 MB. Export a smaller copy (a few thousand pixels is plenty) and try again.`);
  }
  // Capped and regular-file-only even after the checks above: the file may change in between.
  const bytes = await readChosenFile(absolute, { maxBytes: DEFAULT_MAX_BYTES, label: `${option}: "${path.basename(absolute)}"`, code: 'IMAGE_INVALID' });
  try {
    await verifyAndNormalizeImage(bytes, { origin: 'import' });
  } catch (error) {
    if (error instanceof CastboardError) throw new CastboardError(error.code, `${option} "${path.basename(absolute)}": ${error.message}`, { cause: error });
    throw error;
  }
  return bytes;
}
