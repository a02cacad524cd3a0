/**
 * Serves the built renderer (dist/renderer) with the security headers. Electron mounts it on the
 * `castboard://app/` protocol, the harness on HTTP. Paths are confined like media paths.
 */
import { readFile } from 'node:fs/promises';
import { resolveConfinedPath } from './confined-path';
import { SECURITY_HEADERS } from './content-security-policy';
import type { RequestHandler } from './media-handler';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  map: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
};

/**
 * Vite names every file it emits under assets/ after its content ("index-DLDelx4M.js"): a new
 * build is a new name, so such a file never changes and may be kept. Kept, the browser also keeps
 * V8's compiled code for the scripts (the code cache, enabled for the app's scheme in
 * adapters/protocols.ts), and a later open runs the bundle without compiling it again.
 * index.html keeps its name across builds: always asked again.
 */
const CONTENT_NAMED = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

function cacheControl(relative: string): string {
  return CONTENT_NAMED.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export interface StaticHandlerOptions {
  root: string;
  mountPath?: string;
  /** Rewrites index.html before it is served (the harness adds its bridge script). */
  transformIndexHtml?: (html: string) => string;
}

export function createStaticHandler({ root, mountPath = '/', transformIndexHtml }: StaticHandlerOptions): RequestHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(mountPath)) return new Response('Not found', { status: 404 });
    const relative = pathname.slice(mountPath.length) || 'index.html';
    const resolved = await resolveConfinedPath(root, relative);
    if (!resolved.ok) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    const extension = /\.([a-z0-9]+)$/i.exec(resolved.filePath)?.[1]?.toLowerCase() ?? '';
    const bytes = await readFile(resolved.filePath);
    const body: string | Uint8Array<ArrayBuffer> = extension === 'html' && transformIndexHtml ? transformIndexHtml(bytes.toString('utf8')) : new Uint8Array(bytes);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream', 'Cache-Control': cacheControl(relative) },
    });
  };
}
