/**
 * The project's images: `images/<sha256 of the bytes>.png`, content-addressed and write-once.
 *  - put() writes a PNG durably (atomic write, fsync) BEFORE returning its reference, so a
 *    document naming it can only be saved after the image is safely on disk.
 *  - A file already present with the right size is never rewritten (saves stay cheap and a good
 *    file is never put at risk); a truncated one is repaired, since its name says what it must hold.
 *  - Reads refuse symbolic links (O_NOFOLLOW), so a link planted in images/ cannot make Castboard
 *    read, upload or export a file from elsewhere.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import { IMAGE_REF_PATTERN, imageRefFromHash, imageRefHash, type ImageRef } from '../../../shared/domain/project';
import { writeFileAtomic } from './atomic-write';
import { IMAGES_DIR, imageFilePath } from './project-paths';

export type ImageHealth = 'ok' | 'missing' | 'corrupt';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Length 0, type IEND, CRC: the last 12 bytes of every complete PNG. */
const PNG_TRAILER = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const MIN_PNG_SIZE = PNG_SIGNATURE.length + 25 + PNG_TRAILER.length;
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/** Signature at the start and IEND at the end: catches non-PNG data and truncated files cheaply. */
export function looksLikeCompletePng(bytes: Uint8Array): boolean {
  if (bytes.length < MIN_PNG_SIZE) return false;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.subarray(0, 8).equals(PNG_SIGNATURE) && buffer.subarray(buffer.length - 12).equals(PNG_TRAILER);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface ImageStore {
  readonly root: string;
  /** Stores PNG bytes and returns `images/<sha256>.png`. Rejects anything that is not a complete PNG. */
  put(png: Uint8Array): Promise<ImageRef>;
  pathOf(ref: ImageRef): string;
  /** Quick check (file type, size, PNG head and tail): used on open for every referenced image. */
  check(ref: ImageRef): Promise<ImageHealth>;
  /** Full check: the bytes hash to the name. */
  verify(ref: ImageRef): Promise<ImageHealth>;
  /** The bytes of an image; PROJECT_IMAGE_MISSING when absent or damaged. */
  read(ref: ImageRef): Promise<Buffer>;
  /** Every well-named image file present in images/. */
  list(): Promise<ImageRef[]>;
}

export interface ImageStoreHooks {
  /** Called after an image file is actually written (benchmarks and tests count these). */
  onWrite?: (ref: ImageRef) => void;
}

async function readHeadAndTail(file: string): Promise<{ size: number; head: Buffer; tail: Buffer } | null> {
  let handle;
  try {
    handle = await open(file, READ_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size < MIN_PNG_SIZE) return { size: info.isFile() ? info.size : -1, head: Buffer.alloc(0), tail: Buffer.alloc(0) };
    const head = Buffer.alloc(8);
    const tail = Buffer.alloc(12);
    await handle.read(head, 0, 8, 0);
    await handle.read(tail, 0, 12, info.size - 12);
    return { size: info.size, head, tail };
  } finally {
    await handle.close();
  }
}

async function readWhole(file: string): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(file, READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') return Buffer.alloc(0);
    throw error;
  }
  try {
    if (!(await handle.stat()).isFile()) return Buffer.alloc(0);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export function createImageStore(root: string, hooks: ImageStoreHooks = {}): ImageStore {
  const inFlight = new Map<ImageRef, Promise<ImageRef>>();

  async function check(ref: ImageRef): Promise<ImageHealth> {
    let found;
    try {
      found = await readHeadAndTail(imageFilePath(root, ref));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') return 'corrupt';
      throw error;
    }
    if (!found) return 'missing';
    return found.head.equals(PNG_SIGNATURE) && found.tail.equals(PNG_TRAILER) ? 'ok' : 'corrupt';
  }

  async function write(ref: ImageRef, png: Uint8Array): Promise<ImageRef> {
    const file = imageFilePath(root, ref);
    const existing = await lstat(file).catch(() => null);
    if (existing?.isFile() && existing.size === png.byteLength) return ref;
    await mkdir(path.join(root, IMAGES_DIR), { recursive: true });
    await writeFileAtomic(file, png);
    hooks.onWrite?.(ref);
    return ref;
  }

  return {
    root,
    pathOf: (ref) => imageFilePath(root, ref),
    check,
    async put(png) {
      if (!looksLikeCompletePng(png)) {
        throw new CastboardError('IMAGE_INVALID', 'This image is not a complete PNG file, so Castboard did not add it to the project.');
      }
      const ref = imageRefFromHash(sha256Hex(png));
      const pending = inFlight.get(ref);
      if (pending) return pending;
      const job = write(ref, png).finally(() => inFlight.delete(ref));
      inFlight.set(ref, job);
      return job;
    },
    async verify(ref) {
      const bytes = await readWhole(imageFilePath(root, ref));
      if (!bytes) return 'missing';
      return looksLikeCompletePng(bytes) && sha256Hex(bytes) === imageRefHash(ref) ? 'ok' : 'corrupt';
    },
    async read(ref) {
      const bytes = await readWhole(imageFilePath(root, ref));
      if (!bytes || !looksLikeCompletePng(bytes)) {
        throw new CastboardError(
          'PROJECT_IMAGE_MISSING',
          `The image ${ref} is ${bytes ? 'damaged' : 'missing'} in the project's images/ folder. Restore the file or generate the panel again.`,
        );
      }
      return bytes;
    },
    async list() {
      const names = await readdir(path.join(root, IMAGES_DIR)).catch(() => [] as string[]);
      return names.map((name) => `${IMAGES_DIR}/${name}`).filter((ref) => IMAGE_REF_PATTERN.test(ref));
    },
  };
}
