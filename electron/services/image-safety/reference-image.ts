/**
 * Turns an image (character reference, or a source take to restyle) into the data URL the gateway
 * receives. The image is verified first; when its PNG exceeds the gateway's upload cap it is
 * downscaled step by step (aspect ratio kept) until it fits, because an upload over the cap would
 * be a paid round trip that can only fail with 413.
 */
import sharp from './sharp-gate';
import { CastboardError } from '../../../shared/errors';
import { verifyAndNormalizeImage, type VerifyImageOptions } from './verify-image';

/** A conservative cap on the decoded upload, below common gateway limits. */
export const DEFAULT_MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
const MIN_SIDE = 64;
const MAX_STEPS = 12;

export interface ReferenceImageOptions extends Omit<VerifyImageOptions, 'origin'> {
  /** Cap on the decoded PNG bytes sent (the data URL is ~4/3 of it). */
  maxUploadBytes?: number;
}

export interface PreparedReferenceImage {
  dataUrl: string;
  png: Buffer;
  width: number;
  height: number;
  /** True when the image had to be made smaller to fit under the cap. */
  downscaled: boolean;
}

async function shrink(png: Buffer, width: number, height: number, factor: number): Promise<{ png: Buffer; width: number; height: number }> {
  const w = Math.max(1, Math.floor(width * factor));
  const h = Math.max(1, Math.floor(height * factor));
  const out = await sharp(png).resize(w, h, { fit: 'fill' }).png({ compressionLevel: 9 }).toBuffer();
  return { png: out, width: w, height: h };
}

export async function prepareReferenceImage(bytes: Uint8Array, options: ReferenceImageOptions = {}): Promise<PreparedReferenceImage> {
  const cap = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const verified = await verifyAndNormalizeImage(bytes, { ...options, origin: 'import' });
  let current = { png: verified.png, width: verified.width, height: verified.height };
  let steps = 0;
  while (current.png.length > cap) {
    // PNG size grows roughly with pixel count: aim a little under the cap.
    const factor = Math.min(0.9, Math.max(0.3, Math.sqrt(cap / current.png.length) * 0.95));
    if (steps >= MAX_STEPS || Math.min(current.width, current.height) * factor < MIN_SIDE) {
      throw new CastboardError('IMAGE_TOO_LARGE', 'This image cannot be made small enough for the image service. Choose a simpler or smaller image.');
    }
    current = await shrink(current.png, current.width, current.height, factor);
    steps += 1;
  }
  return {
    dataUrl: `data:image/png;base64,${current.png.toString('base64')}`,
    png: current.png,
    width: current.width,
    height: current.height,
    downscaled: steps > 0,
  };
}
