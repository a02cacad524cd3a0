/**
 * thumbs/ is a cache: `thumbs/<sha>-<size>.png`, the image scaled to fit a size x size box.
 * Any thumbnail may be deleted at any time; it is rebuilt (with sharp) the next time it is asked
 * for. Only a few sizes exist so a caller cannot fill the disk with arbitrary ones. Written
 * atomically but without fsync: a thumbnail lost to a power cut is simply rebuilt.
 * Sources are read and decoded only through the image store and the PNG gate, and thumbnails are
 * written only into a real thumbs/ folder (project-files.ts): nothing is written outside the
 * project. A thumbnail that cannot be written (a read-only or shared project, a full disk, a
 * linked thumbs/) is kept in memory instead, the most recent MAX_UNWRITTEN of them, and served
 * from there (`unwritten`): a project opened read-only still shows its takes. A linked images/
 * gives no thumbnail at all (the source is refused), and the UI shows its placeholder.
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
  /** The bytes of a thumbnail built but not written to thumbs/ (see the header), if it is one. */
  unwritten(relative: string): Buffer | undefined;
}

/** Thumbnails kept in memory when thumbs/ cannot be written: about 5-15 MB at most. */
export const MAX_UNWRITTEN = 256;

async function renderThumbnail(source: Buffer, size: ThumbnailSize): Promise<Buffer> {
  return decodeImage(source, { failOn: 'warning', limitInputPixels: 100_000_000 }, ['png'])
    .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
    .png({ compressionLevel: 6 })
    .toBuffer();
}

export function createThumbnailCache(root: string): ThumbnailCache {
  const store = createImageStore(root);
  const inFlight = new Map<string, Promise<string | null>>();
  /** Insertion order is use order: the oldest is dropped first. */
  const unwritten = new Map<string, Buffer>();

  function keep(relative: string, thumbnail: Buffer): void {
    unwritten.delete(relative);
    unwritten.set(relative, thumbnail);
    for (const oldest of unwritten.keys()) {
      if (unwritten.size <= MAX_UNWRITTEN) break;
      unwritten.delete(oldest);
    }
  }

  async function build(image: ImageRef, size: ThumbnailSize, relative: string): Promise<string | null> {
    const held = unwritten.get(relative);
    if (held) {
      keep(relative, held);
      return relative;
    }
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
      keep(relative, thumbnail); // read-only, full, or a refused (linked) thumbs/: served from memory
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
    unwritten: (relative) => unwritten.get(relative),
  };
}
