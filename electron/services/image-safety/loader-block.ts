/**
 * Restricts sharp (libvips) to the PNG, JPEG and WebP loaders, process-wide. Defence in depth
 * behind the magic-byte allowlist: even bytes that slip past it can never reach the SVG, PDF,
 * ImageMagick, TIFF, GIF, HEIF... loaders and their parsers.
 *
 * sharp's block list is global to the process. Inputs that are not loaders (`create`, `text`,
 * `raw`) keep working; SVG input (e.g. an SVG overlay) does not. Call it once at startup;
 * verifyAndNormalizeImage also calls it before its first decode. Idempotent.
 */
import sharp from 'sharp';

const ALLOWED_LOADERS = ['Png', 'Jpeg', 'Webp'].flatMap((format) =>
  ['File', 'Buffer', 'Source'].map((kind) => `VipsForeignLoad${format}${kind}`),
);

let applied = false;

export function blockUntrustedImageLoaders(): void {
  if (applied) return;
  sharp.block({ operation: ['VipsForeignLoad'] });
  sharp.unblock({ operation: ALLOWED_LOADERS });
  applied = true;
}
