/**
 * Restricts sharp (libvips) to the PNG, JPEG and WebP loaders, process-wide. Defence in depth
 * behind the magic-byte allowlist: even bytes that slip past it can never reach the SVG, PDF,
 * ImageMagick, TIFF, GIF, HEIF... loaders and their parsers.
 *
 * sharp's block list is global to the process. Inputs that are not loaders (`create`, `text`,
 * `raw`) keep working; SVG input (e.g. an SVG overlay) does not. Called at start-up of the app
 * (app-services), the harness (which builds app-services) and the CLI; verifyAndNormalizeImage
 * and the decode gate also call it before their first decode. Idempotent.
 */
import sharp from 'sharp';

const ALLOWED_LOADERS = [
  ...['Png', 'Jpeg', 'Webp'].flatMap((format) => ['File', 'Buffer', 'Source'].map((kind) => `VipsForeignLoad${format}${kind}`)),
  // libvips' own format, from files only: the contact sheet writes its bands as temp .v files it
  // made itself and joins them. Untrusted bytes never reach it: they are sniffed (PNG/JPEG/WebP)
  // before any decode, and sharp is never given a project path.
  'VipsForeignLoadVipsFile',
];

let applied = false;

export function blockUntrustedImageLoaders(): void {
  if (applied) return;
  sharp.block({ operation: ['VipsForeignLoad'] });
  sharp.unblock({ operation: ALLOWED_LOADERS });
  applied = true;
}
