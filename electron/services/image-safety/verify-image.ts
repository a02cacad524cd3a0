/**
 * The one gate every image passes before Castboard keeps it (gateway answers, imports):
 * magic bytes PNG/JPEG/WebP only, byte and pixel caps, a full decode with sharp
 * `failOn: 'warning'` (truncated or damaged data is an error, not a grey half-image), EXIF
 * orientation applied, metadata stripped, re-encoded to PNG, content hash computed.
 * A failure throws a CastboardError and returns nothing, so a bad image can never replace a good one.
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from './sharp-gate';
import { CastboardError, type ErrorCode } from '../../../shared/errors';
import { sniffImageFormat } from './image-format';
import { blockUntrustedImageLoaders } from './loader-block';

/** About 40 megapixels: comfortably above any panel or reference, far below a decompression bomb. */
export const DEFAULT_MAX_PIXELS = 40_000_000;
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface VerifyImageOptions {
  maxPixels?: number;
  maxBytes?: number;
  /** Who produced the bytes: decides the error code and the wording. Default 'import'. */
  origin?: 'import' | 'gateway';
}

export interface VerifiedImage {
  png: Buffer;
  width: number;
  height: number;
  /** Hex sha256 of `png`. */
  sha256: string;
}

type Problem = 'invalid' | 'too-large';

const MESSAGES: Record<'import' | 'gateway', Record<Problem, { code: ErrorCode; message: string }>> = {
  import: {
    invalid: { code: 'IMAGE_INVALID', message: 'This file is not a readable PNG, JPEG or WebP image. Choose another image.' },
    'too-large': { code: 'IMAGE_TOO_LARGE', message: 'This image is too large to use. Choose a smaller image (under about 40 megapixels).' },
  },
  gateway: {
    invalid: {
      code: 'GATEWAY_BAD_IMAGE',
      message: 'The image service sent back a damaged or unsupported image. Nothing was changed; try generating again.',
    },
    'too-large': {
      code: 'GATEWAY_BAD_IMAGE',
      message: 'The image service sent back an image that is far too large. Nothing was changed; try generating again.',
    },
  },
};

function fail(origin: 'import' | 'gateway', problem: Problem, cause?: unknown): CastboardError {
  const { code, message } = MESSAGES[origin][problem];
  return new CastboardError(code, message, { cause });
}

export async function verifyAndNormalizeImage(bytes: Uint8Array, options: VerifyImageOptions = {}): Promise<VerifiedImage> {
  const origin = options.origin ?? 'import';
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) throw fail(origin, 'too-large');
  const format = sniffImageFormat(bytes);
  if (!format) throw fail(origin, 'invalid');
  blockUntrustedImageLoaders();
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sharpOptions = { failOn: 'warning', limitInputPixels: maxPixels, pages: 1 } as const;
  let meta: Metadata;
  try {
    meta = await sharp(input, sharpOptions).metadata();
  } catch (error) {
    throw fail(origin, /pixel limit/i.test(String(error)) ? 'too-large' : 'invalid', error);
  }
  if (meta.format !== format) throw fail(origin, 'invalid');
  if ((meta.width ?? 0) * (meta.height ?? 0) > maxPixels) throw fail(origin, 'too-large');
  try {
    const { data, info } = await sharp(input, sharpOptions).autoOrient().png().toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height, sha256: createHash('sha256').update(data).digest('hex') };
  } catch (error) {
    throw fail(origin, /pixel limit/i.test(String(error)) ? 'too-large' : 'invalid', error);
  }
}
