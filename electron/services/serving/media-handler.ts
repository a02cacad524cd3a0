/**
 * Serves project media (panel images, thumbnails, reference images) to the renderer.
 * One `(Request) => Promise<Response>` function: Electron mounts it on `castboard-media://`, the
 * browser harness on `/media/`. It serves raster images only, only from inside the open project
 * folder, and only to GET/HEAD. Files are opened through the project's confined file layer
 * (project-files.ts): a link (to a file or a folder), FIFO, socket or device is refused (403)
 * without being read, and reads are capped.
 */
import { CastboardError } from '../../../shared/errors';
import { sniffImageFormat, type AllowedImageFormat } from '../image-safety/image-format';
import { errnoCode } from '../project/fs-errors';
import { READ_CAPS, openProjectFile } from '../project/project-files';
import { readBounded } from '../project/safe-file';
import { THUMBS_DIR } from '../project/project-paths';
import { decodeSegments } from './confined-path';

export type RequestHandler = (request: Request) => Promise<Response>;

const IMAGE_TYPES: Readonly<Record<string, { mime: string; format: AllowedImageFormat }>> = {
  png: { mime: 'image/png', format: 'png' },
  jpg: { mime: 'image/jpeg', format: 'jpeg' },
  jpeg: { mime: 'image/jpeg', format: 'jpeg' },
  webp: { mime: 'image/webp', format: 'webp' },
};

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

export interface MediaHandlerOptions {
  /** The folder of the open project, or null when none is open. */
  getProjectRoot: () => string | null;
  /** URL path prefix the handler is mounted under ('/' for the protocol, '/media/' in the harness). */
  mountPath?: string;
  /**
   * Called before a path is resolved, e.g. to build a missing thumbnail on demand. Bytes it
   * returns are served instead of the file (a thumbnail a read-only project could not store).
   */
  prepare?: (relativePath: string) => Promise<Uint8Array | undefined>;
}

type Served = { ok: true; body: Uint8Array<ArrayBuffer>; size: number } | { ok: false; response: Response };

/** Reads a media file; its bytes must be the image format its name promises (an SVG named .png is refused). */
async function readMedia(root: string, relative: string, format: AllowedImageFormat): Promise<Served> {
  let opened;
  try {
    opened = await openProjectFile(root, relative);
  } catch (error) {
    if (error instanceof CastboardError) return { ok: false, response: refuse(403, 'Not a file inside the project folder') };
    return { ok: false, response: refuse(errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR' ? 404 : 500, 'Not found') };
  }
  try {
    const maxBytes = relative.startsWith(`${THUMBS_DIR}/`) ? READ_CAPS.thumbnail : READ_CAPS.image;
    const body = new Uint8Array(await readBounded(opened, { maxBytes, label: relative }));
    if (sniffImageFormat(body) !== format) return { ok: false, response: refuse(403, 'Not an image Castboard serves') };
    return { ok: true, body, size: body.byteLength };
  } catch {
    return { ok: false, response: refuse(403, 'Not a file Castboard serves') };
  } finally {
    await opened.handle.close();
  }
}

/** Bytes handed over by `prepare`, held to the same rule as a file: the format its name promises. */
function fromMemory(bytes: Uint8Array, format: AllowedImageFormat): Served {
  if (sniffImageFormat(bytes) !== format) return { ok: false, response: refuse(403, 'Not an image Castboard serves') };
  const body = new Uint8Array(bytes.byteLength);
  body.set(bytes);
  return { ok: true, body, size: body.byteLength };
}

export function createMediaHandler({ getProjectRoot, mountPath = '/', prepare }: MediaHandlerOptions): RequestHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(mountPath)) return refuse(404, 'Not found');
    const relative = pathname.slice(mountPath.length);
    const extension = /\.([a-z0-9]+)$/i.exec(relative)?.[1]?.toLowerCase() ?? '';
    const type = IMAGE_TYPES[extension];
    if (!type) return refuse(403, 'Only project images are served');

    const root = getProjectRoot();
    if (!root) return refuse(404, 'No project is open');
    const prepared = await prepare?.(relative).catch(() => undefined);
    const segments = decodeSegments(relative);
    if (!segments) return refuse(403, 'Outside the project folder');
    const served = prepared ? fromMemory(prepared, type.format) : await readMedia(root, segments.join('/'), type.format);
    if (!served.ok) return served.response;
    return new Response(request.method === 'HEAD' ? null : served.body, {
      status: 200,
      headers: {
        'Content-Type': type.mime,
        'Content-Length': String(served.size),
        'X-Content-Type-Options': 'nosniff',
        // images/ is content-addressed and write-once; thumbs/ can be rebuilt, so revalidate.
        'Cache-Control': relative.startsWith('images/') ? 'private, max-age=31536000, immutable' : 'no-cache',
      },
    });
  };
}
