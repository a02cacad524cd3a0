/**
 * Where the ffmpeg program is: the binary @ffmpeg-installer/ffmpeg ships inside its per-platform
 * npm package. In a packaged app that package sits in app.asar, where nothing can be executed, so
 * the asar-unpacked copy is used (electron-builder.yml `asarUnpack`). A missing or unusable binary
 * is a clear EXPORT_ENCODER_FAILED naming the path, never a spawn error.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';

const missing = (detail: string) =>
  new CastboardError('EXPORT_ENCODER_FAILED', `The video encoder (ffmpeg) that comes with Castboard is missing or cannot run (${detail}). Reinstall Castboard to restore it.`);

/** `app.asar/...` -> `app.asar.unpacked/...` (unchanged outside an archive). */
export function unpackedPath(file: string): string {
  return file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
}

/** The ffmpeg binary to run; `override` (tests, a setting) wins over the packaged one. */
export function ffmpegPath(override?: string): string {
  let file = override;
  if (!file) {
    try {
      const installer = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string };
      file = installer.path;
    } catch (error) {
      throw missing(typeof error === 'string' ? error : error instanceof Error ? error.message : 'not installed');
    }
  }
  const unpacked = unpackedPath(file);
  const chosen = existsSync(unpacked) ? unpacked : file;
  try {
    accessSync(chosen, constants.X_OK);
  } catch {
    throw missing(`not found or not executable: ${chosen}`);
  }
  return chosen;
}
