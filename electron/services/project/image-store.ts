/**
 * The project's images: `images/<sha256 of the bytes>.png`, content-addressed and write-once.
 *  - put() writes a PNG durably (atomic write, fsync) BEFORE returning its reference, so a
 *    document naming it can only be saved after the image is safely on disk.
 *  - A file already present with the right bytes is never rewritten (a good file is never put at
 *    risk); a truncated or damaged one is repaired, since its name says what it must hold.
 *  - Every access goes through project-files.ts: a link planted as a file or as images/ itself,
 *    a FIFO or a device is refused (reported as 'corrupt'), never followed, read or written into.
 */
import { CastboardError } from '../../../shared/errors';
import { IMAGE_REF_PATTERN, imageRefFromHash, imageRefHash, isImageRef, type ImageRef } from '../../../shared/domain/project-image-ref';
import { errnoCode } from './fs-errors';
import { nodeCrypto } from './node-crypto';
import { entryType, listProjectFolder, openProjectFile, readProjectFile, writeProjectFile } from './project-files';
import { IMAGES_DIR, imageFilePath } from './project-paths';

export type ImageHealth = 'ok' | 'missing' | 'corrupt';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Length 0, type IEND, CRC: the last 12 bytes of every complete PNG. */
const PNG_TRAILER = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const MIN_PNG_SIZE = PNG_SIGNATURE.length + 25 + PNG_TRAILER.length;

/** Signature at the start and IEND at the end: catches non-PNG data and truncated files cheaply. */
export function looksLikeCompletePng(bytes: Uint8Array): boolean {
  if (bytes.length < MIN_PNG_SIZE) return false;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.subarray(0, 8).equals(PNG_SIGNATURE) && buffer.subarray(buffer.length - 12).equals(PNG_TRAILER);
}

export function sha256Hex(bytes: Uint8Array): string {
  return nodeCrypto().createHash('sha256').update(bytes).digest('hex');
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
  /** The bytes of an image; PROJECT_IMAGE_MISSING when absent, damaged or refused (link, FIFO...). */
  read(ref: ImageRef): Promise<Buffer>;
  /** Every well-named image file present in images/ (none when images/ itself is refused). */
  list(): Promise<ImageRef[]>;
}

export interface ImageStoreHooks {
  /** Called after an image file is actually written (benchmarks and tests count these). */
  onWrite?: (ref: ImageRef) => void;
}

function assertRef(ref: ImageRef): ImageRef {
  if (!isImageRef(ref)) throw new Error(`Not a project image reference: ${JSON.stringify(ref)}`);
  return ref;
}

/** null = missing; 'refused' = a link, FIFO, device or linked folder (never read). */
async function readHeadAndTail(root: string, ref: ImageRef): Promise<{ size: number; head: Buffer; tail: Buffer } | null | 'refused'> {
  let opened;
  try {
    opened = await openProjectFile(root, assertRef(ref));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    if (error instanceof CastboardError) return 'refused';
    throw error;
  }
  try {
    if (opened.size < MIN_PNG_SIZE) return { size: opened.size, head: Buffer.alloc(0), tail: Buffer.alloc(0) };
    const head = Buffer.alloc(8);
    const tail = Buffer.alloc(12);
    await opened.handle.read(head, 0, 8, 0);
    await opened.handle.read(tail, 0, 12, opened.size - 12);
    return { size: opened.size, head, tail };
  } finally {
    await opened.handle.close();
  }
}

/** null = missing; 'refused' when it cannot be read safely. */
async function readWhole(root: string, ref: ImageRef): Promise<Buffer | null | 'refused'> {
  try {
    return await readProjectFile(root, assertRef(ref), 'image');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    if (error instanceof CastboardError) return 'refused';
    throw error;
  }
}

export function createImageStore(root: string, hooks: ImageStoreHooks = {}): ImageStore {
  const inFlight = new Map<ImageRef, Promise<ImageRef>>();

  async function check(ref: ImageRef): Promise<ImageHealth> {
    const found = await readHeadAndTail(root, ref);
    if (!found) return 'missing';
    if (found === 'refused') return 'corrupt';
    return found.head.equals(PNG_SIGNATURE) && found.tail.equals(PNG_TRAILER) ? 'ok' : 'corrupt';
  }

  async function write(ref: ImageRef, png: Uint8Array): Promise<ImageRef> {
    const existing = await entryType(root, ref);
    // Only an image entering again gets here (names are content hashes), so checking it is rare.
    if (existing.type === 'file' && existing.identity?.size === png.byteLength && (await verify(ref)) === 'ok') return ref;
    await writeProjectFile(root, ref, png);
    hooks.onWrite?.(ref);
    return ref;
  }

  async function verify(ref: ImageRef): Promise<ImageHealth> {
    const bytes = await readWhole(root, ref);
    if (!bytes) return 'missing';
    return bytes !== 'refused' && looksLikeCompletePng(bytes) && sha256Hex(bytes) === imageRefHash(ref) ? 'ok' : 'corrupt';
  }

  return {
    root,
    pathOf: (ref) => imageFilePath(root, ref),
    check,
    verify,
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
    async read(ref) {
      const bytes = await readWhole(root, ref);
      if (!bytes || bytes === 'refused' || !looksLikeCompletePng(bytes)) {
        const state = !bytes ? 'missing' : bytes === 'refused' ? 'not an ordinary file inside the project (a link, pipe or device), so it was not read,' : 'damaged';
        throw new CastboardError('PROJECT_IMAGE_MISSING', `The image ${ref} is ${state} in the project's images/ folder. Restore the file or generate the panel again.`);
      }
      return bytes;
    },
    async list() {
      const names = await listProjectFolder(root, IMAGES_DIR).catch(() => [] as string[]);
      return names.map((name) => `${IMAGES_DIR}/${name}`).filter((ref) => IMAGE_REF_PATTERN.test(ref));
    },
  };
}
