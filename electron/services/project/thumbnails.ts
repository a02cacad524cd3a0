/**
 * thumbs/ is a cache: `thumbs/<sha>-<size>.png`, the image scaled to fit a size x size box.
 * Any thumbnail may be deleted at any time; it is rebuilt (with sharp) the next time it is asked
 * for. Only a few sizes exist so a caller cannot fill the disk with arbitrary ones. Written
 * atomically but without fsync: a thumbnail lost to a power cut is simply rebuilt.
 * Sources are read and decoded only through the image store and the PNG gate, and thumbnails are
 * written only into a real thumbs/ folder (project-files.ts): a linked thumbs/ or images/ gives
 * no thumbnail (the UI shows its placeholder) and nothing is written outside the project.
 */
import type { ImageRef } from '../../../shared/domain/project';
import { thumbnailPath, type ThumbnailSize } from '../../../shared/domain/thumbnail-ref';
import { decodeImage } from '../image-safety/decode-gate';
import { createImageStore, looksLikeCompletePng } from './image-store';
import { readProjectFileIfSafe, writeProjectFile } from './project-files';

export { THUMBNAIL_SIZES, isThumbnailSize, thumbnailPath, type ThumbnailSize } from '../../../shared/domain/thumbnail-ref';

export interface ThumbnailCache {
  /**
   * The project-relative path of the thumbnail, built if missing or damaged; null when the source
   * image itself is missing or unreadable (the UI shows its placeholder).
   */
  get(image: ImageRef, size: ThumbnailSize): Promise<string | null>;
}

async function renderThumbnail(source: Buffer, size: ThumbnailSize): Promise<Buffer> {
  return decodeImage(source, { failOn: 'warning', limitInputPixels: 100_000_000 }, ['png'])
    .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
    .png({ compressionLevel: 6 })
    .toBuffer();
}

export function createThumbnailCache(root: string): ThumbnailCache {
  const store = createImageStore(root);
  const inFlight = new Map<string, Promise<string | null>>();

  async function build(image: ImageRef, size: ThumbnailSize, relative: string): Promise<string | null> {
    const cached = await readProjectFileIfSafe(root, relative, 'thumbnail');
    if (cached && looksLikeCompletePng(cached)) return relative;
    let source: Buffer;
    let thumbnail: Buffer;
    try {
      source = await store.read(image);
      thumbnail = await renderThumbnail(source, size);
    } catch {
      return null;
    }
    try {
      await writeProjectFile(root, relative, thumbnail, { durable: false });
    } catch {
      return null; // a refused thumbs/ (a link) or a full disk: the UI shows its placeholder
    }
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
