/**
 * thumbs/ is a cache: `thumbs/<sha>-<size>.png`, the image scaled to fit a size x size box.
 * Any thumbnail may be deleted at any time; it is rebuilt (with sharp) the next time it is asked
 * for. Only a few sizes exist so a caller cannot fill the disk with arbitrary ones. Written
 * atomically but without fsync: a thumbnail lost to a power cut is simply rebuilt.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { ImageRef } from '../../../shared/domain/project';
import { thumbnailPath, type ThumbnailSize } from '../../../shared/domain/thumbnail-ref';
import { writeFileAtomic } from './atomic-write';
import { createImageStore, looksLikeCompletePng } from './image-store';
import { THUMBS_DIR } from './project-paths';

export { THUMBNAIL_SIZES, isThumbnailSize, thumbnailPath, type ThumbnailSize } from '../../../shared/domain/thumbnail-ref';

export interface ThumbnailCache {
  /**
   * The project-relative path of the thumbnail, built if missing or damaged; null when the source
   * image itself is missing or unreadable (the UI shows its placeholder).
   */
  get(image: ImageRef, size: ThumbnailSize): Promise<string | null>;
}

async function renderThumbnail(source: Buffer, size: ThumbnailSize): Promise<Buffer> {
  return sharp(source, { failOn: 'warning', limitInputPixels: 100_000_000 })
    .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
    .png({ compressionLevel: 6 })
    .toBuffer();
}

export function createThumbnailCache(root: string): ThumbnailCache {
  const store = createImageStore(root);
  const inFlight = new Map<string, Promise<string | null>>();

  async function build(image: ImageRef, size: ThumbnailSize, relative: string): Promise<string | null> {
    const target = path.join(root, ...relative.split('/'));
    const cached = await readFile(target).catch(() => null);
    if (cached && looksLikeCompletePng(cached)) return relative;
    let source: Buffer;
    let thumbnail: Buffer;
    try {
      source = await store.read(image);
      thumbnail = await renderThumbnail(source, size);
    } catch {
      return null;
    }
    await mkdir(path.join(root, THUMBS_DIR), { recursive: true });
    await writeFileAtomic(target, thumbnail, { durable: false });
    return relative;
  }

  return {
    get(image, size) {
      const relative = thumbnailPath(image, size);
      const pending = inFlight.get(relative);
      if (pending) return pending;
      const job = build(image, size, relative).finally(() => inFlight.delete(relative));
      inFlight.set(relative, job);
      return job;
    },
  };
}
