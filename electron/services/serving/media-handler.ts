/**
 * Serves project media (panel images, thumbnails, reference images) to the renderer.
 * One `(Request) => Promise<Response>` function: Electron mounts it on `castboard-media://`, the
 * browser harness on `/media/`. It serves raster images only, only from inside the open project
 * folder (see confined-path.ts), and only to GET/HEAD.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolveConfinedPath } from './confined-path';

export type RequestHandler = (request: Request) => Promise<Response>;

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

export interface MediaHandlerOptions {
  /** The folder of the open project, or null when none is open. */
  getProjectRoot: () => string | null;
  /** URL path prefix the handler is mounted under ('/' for the protocol, '/media/' in the harness). */
  mountPath?: string;
  /** Called before a path is resolved, e.g. to build a missing thumbnail on demand. */
  prepare?: (relativePath: string) => Promise<void>;
}

export function createMediaHandler({ getProjectRoot, mountPath = '/', prepare }: MediaHandlerOptions): RequestHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(mountPath)) return refuse(404, 'Not found');
    const relative = pathname.slice(mountPath.length);
    const extension = /\.([a-z0-9]+)$/i.exec(relative)?.[1]?.toLowerCase() ?? '';
    const contentType = IMAGE_TYPES[extension];
    if (!contentType) return refuse(403, 'Only project images are served');

    const root = getProjectRoot();
    if (!root) return refuse(404, 'No project is open');
    await prepare?.(relative).catch(() => undefined);
    const resolved = await resolveConfinedPath(root, relative);
    if (!resolved.ok) return resolved.reason === 'not-found' ? refuse(404, 'Not found') : refuse(403, 'Outside the project folder');

    const info = await stat(resolved.filePath).catch(() => null);
    if (!info?.isFile()) return refuse(404, 'Not found');
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(resolved.filePath));
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': contentType,
        'Content-Length': String(info.size),
        'X-Content-Type-Options': 'nosniff',
        // images/ is content-addressed and write-once; thumbs/ can be rebuilt, so revalidate.
        'Cache-Control': relative.startsWith('images/') ? 'private, max-age=31536000, immutable' : 'no-cache',
      },
    });
  };
}
