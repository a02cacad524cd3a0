/**
 * Maps a URL path to a file strictly inside a root folder. decodeSegments is shared by the media
 * handler (which then opens project files only through project/project-files.ts, refusing every
 * link); resolveConfinedPath serves the app's own renderer files:
 *  - each segment is percent-decoded once and must be a plain name (no '', '.', '..', slashes,
 *    backslashes, NUL, drive letters), so `..`, `%2e%2e`, `..%2f` and absolute paths are refused;
 *  - the real path (symlinks resolved) must still be inside the real root, so a link planted in
 *    the project cannot lead out of it.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';

export type ConfinedPathResult = { ok: true; filePath: string } | { ok: false; reason: 'bad-path' | 'not-found' | 'outside-root' };

const FORBIDDEN_SEGMENT = /[/\\\0]|^\.{1,2}$|^[a-zA-Z]:/;

/** `urlPath` is relative to the mount point: a leading '/' (an absolute path) is refused. */
export function decodeSegments(urlPath: string): string[] | null {
  const decoded: string[] = [];
  for (const segment of urlPath.split('/')) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (name === '' || FORBIDDEN_SEGMENT.test(name)) return null;
    decoded.push(name);
  }
  return decoded.length > 0 ? decoded : null;
}

export async function resolveConfinedPath(root: string, urlPath: string): Promise<ConfinedPathResult> {
  const segments = decodeSegments(urlPath);
  if (!segments) return { ok: false, reason: 'bad-path' };
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
    realFile = await realpath(path.join(root, ...segments));
  } catch {
    return { ok: false, reason: 'not-found' };
  }
  const relative = path.relative(realRoot, realFile);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { ok: false, reason: 'outside-root' };
  }
  return { ok: true, filePath: realFile };
}
