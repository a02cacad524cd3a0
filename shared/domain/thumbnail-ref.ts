/**
 * Thumbnail naming, shared so the renderer can ask for `thumbs/<sha>-<size>.png` by URL and main
 * builds it on demand. Only a few sizes exist so a caller cannot fill the disk with arbitrary ones.
 */
import { imageRefHash, type ImageRef } from './project-image-ref';

export const THUMBNAIL_SIZES = [128, 256, 512] as const;
export type ThumbnailSize = (typeof THUMBNAIL_SIZES)[number];

/** Project-relative path of a thumbnail, e.g. `thumbs/<sha>-256.png`. */
export function thumbnailPath(image: ImageRef, size: ThumbnailSize): string {
  return `thumbs/${imageRefHash(image)}-${size}.png`;
}

export function isThumbnailSize(value: number): value is ThumbnailSize {
  return (THUMBNAIL_SIZES as readonly number[]).includes(value);
}

/** The image a thumbnail path stands for, or null when the path is not a thumbnail of a known size. */
export function parseThumbnailPath(relative: string): { image: ImageRef; size: ThumbnailSize } | null {
  const match = /^thumbs\/([0-9a-f]{64})-(\d+)\.png$/.exec(relative);
  if (!match) return null;
  const size = Number(match[2]);
  return isThumbnailSize(size) ? { image: `images/${match[1]}.png`, size } : null;
}
