/**
 * The only way Castboard code hands image bytes to sharp outside verifyAndNormalizeImage (export,
 * thumbnails). The bytes are sniffed first (magic bytes, never the file name) against the formats
 * the caller expects, and sharp's untrusted loaders are blocked before the first decode, so an
 * SVG or TIFF saved under a .png name never reaches librsvg or libtiff. Only buffers are accepted:
 * sharp is never given a path, so it never opens a file by itself.
 */
import sharp, { type Sharp, type SharpOptions } from './sharp-gate';
import { CastboardError } from '../../../shared/errors';
import { sniffImageFormat, type AllowedImageFormat } from './image-format';
import { blockUntrustedImageLoaders } from './loader-block';

const ALL_ALLOWED: readonly AllowedImageFormat[] = ['png', 'jpeg', 'webp'];

/** A sharp pipeline over `bytes`; IMAGE_INVALID (before any decoder runs) when the bytes are not an allowed format. */
export function decodeImage(bytes: Uint8Array, options: SharpOptions = {}, allowed: readonly AllowedImageFormat[] = ALL_ALLOWED): Sharp {
  const format = sniffImageFormat(bytes);
  if (!format || !allowed.includes(format)) {
    throw new CastboardError('IMAGE_INVALID', `This file is not a ${allowed.map((name) => name.toUpperCase()).join(', ')} image, so Castboard did not decode it.`);
  }
  blockUntrustedImageLoaders();
  return sharp(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), options);
}
