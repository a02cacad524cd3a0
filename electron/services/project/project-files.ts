/**
 * The one way into a project folder. A project folder may come from someone else (a zip, a git
 * checkout, a cloud folder), so everything in it is untrusted. Every reader and writer of a
 * project path (open, images, thumbnails, backups, lock, export, media serving, Save As) goes
 * through here; lint and `npm run audit:security` keep `fs` out of the other services.
 * Invariants:
 *  - paths are project-relative, made of plain names (no '..', no absolute paths, no '\\');
 *  - the project's real root is resolved once per call; every folder between it and the file is
 *    checked with lstat to be a real folder, never a symbolic link (so a linked images/, thumbs/
 *    or backups/ can neither be read from nor written into);
 *  - files are opened without following links and only regular files are read (safe-file.ts),
 *    with a size cap per kind of file;
 *  - writes are atomic (temp file + rename, atomic-write.ts) into checked folders; rename and
 *    unlink act on the names themselves, never on what a link points to.
 */
import { access, constants, lstat, mkdir, readdir, realpath, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_FILE_PATTERN, writeFileAtomic, type AtomicWriteOptions } from './atomic-write';
import { errnoCode, isNotWritableError } from './fs-errors';
import { UnsafeFileError, openRegularFile, readBounded, type OpenedFile } from './safe-file';

/** What a file is, which decides its read cap. */
export type ProjectFileKind = 'project' | 'backup' | 'lock' | 'image' | 'thumbnail' | 'cache';

const MB = 1024 * 1024;

/** Generous for real projects (thousands of panels), far below what could hurt memory. */
export const READ_CAPS: Readonly<Record<ProjectFileKind, number>> = {
  project: 32 * MB,
  backup: 32 * MB,
  lock: 4 * 1024,
  image: 128 * MB,
  thumbnail: 16 * MB,
  /** cache/faces.json: up to 50,000 compacted descriptors. */
  cache: 64 * MB,
};

const FORBIDDEN_SEGMENT = /[/\\\0]|^\.{1,2}$|^[a-zA-Z]:/;

/** How an error message names a file of the project. */
export function projectFileLabel(relative: string): string {
  return `The file "${relative}" in the project folder`;
}

function segmentsOf(relative: string): string[] {
  const segments = relative.split('/');
  if (segments.length === 0 || segments.some((segment) => segment === '' || FORBIDDEN_SEGMENT.test(segment))) {
    throw new UnsafeFileError('outside', projectFileLabel(relative));
  }
  return segments;
}

export interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
}

export type EntryType = 'file' | 'folder' | 'missing' | 'other';

/** The real root of `root` (the folder itself may be reached through a link the artist chose). */
export async function realRoot(root: string): Promise<string> {
  return realpath(root);
}

/**
 * The absolute path of `relative` under the real root, after checking that every folder on the
 * way exists as a real folder (not a link). `create` makes missing folders (one level at a time,
 * each checked after it is made). Returns null when a folder on the way is missing.
 */
async function confinedPath(root: string, relative: string, create: boolean): Promise<string | null> {
  const segments = segmentsOf(relative);
  // A write may be the first thing to land in a new project folder (the folder itself is the artist's choice).
  if (create) await mkdir(root, { recursive: true });
  let current: string;
  try {
    current = await realRoot(root);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
  for (const [index, segment] of segments.slice(0, -1).entries()) {
    current = path.join(current, segment);
    let info = await lstat(current).catch(() => null);
    if (!info && create) {
      await mkdir(current).catch((error: unknown) => {
        if (errnoCode(error) !== 'EEXIST') throw error;
      });
      info = await lstat(current);
    }
    if (!info) return null;
    if (!info.isDirectory()) {
      const folder = segments.slice(0, index + 1).join('/');
      throw new UnsafeFileError(info.isSymbolicLink() ? 'symlinked-folder' : 'not-a-file', projectFileLabel(relative), { cause: folder });
    }
  }
  return path.join(current, segments[segments.length - 1] ?? '');
}

function missing(relative: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${relative} is missing`), { code: 'ENOENT' });
}

/** Opens a regular file of the project for reading; ENOENT when it (or a folder) is missing. */
export async function openProjectFile(root: string, relative: string): Promise<OpenedFile> {
  const file = await confinedPath(root, relative, false);
  if (!file) throw missing(relative);
  return openRegularFile(file, projectFileLabel(relative));
}

/** The bytes of a project file with the cap of its kind; ENOENT when missing. */
export async function readProjectFile(root: string, relative: string, kind: ProjectFileKind): Promise<Buffer> {
  return (await readProjectFileWithIdentity(root, relative, kind)).bytes;
}

/** As readProjectFile, plus the identity of exactly the file read (fstat of the open handle). */
export async function readProjectFileWithIdentity(root: string, relative: string, kind: ProjectFileKind): Promise<{ bytes: Buffer; identity: FileIdentity }> {
  const opened = await openProjectFile(root, relative);
  try {
    const bytes = await readBounded(opened, { maxBytes: READ_CAPS[kind], label: projectFileLabel(relative) });
    return { bytes, identity: { size: opened.size, mtimeMs: opened.mtimeMs, ino: opened.ino } };
  } finally {
    await opened.handle.close();
  }
}

/** Reads a project file, or null when it is missing or refused (for optional files such as caches and backups). */
export async function readProjectFileIfSafe(root: string, relative: string, kind: ProjectFileKind): Promise<Buffer | null> {
  return readProjectFile(root, relative, kind).catch(() => null);
}

/** What is at `relative`, without following a link; a link counts as 'other'. Refuses linked folders on the way. */
export async function entryType(root: string, relative: string): Promise<{ type: EntryType; identity: FileIdentity | null }> {
  const file = await confinedPath(root, relative, false);
  const info = file ? await lstat(file).catch(() => null) : null;
  if (!info) return { type: 'missing', identity: null };
  const identity = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
  return { type: info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other', identity };
}

/** Makes sure `relativeDir` (e.g. 'images') is a real folder of the project, creating it if needed. */
export async function ensureProjectFolder(root: string, relativeDir: string): Promise<string> {
  const inside = await confinedPath(root, `${relativeDir}/x`, true);
  return path.dirname(inside ?? '');
}

/** Writes a project file atomically into a checked folder (created when missing). */
export async function writeProjectFile(root: string, relative: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const target = await confinedPath(root, relative, true);
  await writeFileAtomic(target ?? '', data, options);
}

/** Creates a project file only if nothing is there (O_EXCL: a planted link or file makes it fail with EEXIST). */
export async function createProjectFileExclusive(root: string, relative: string, data: string): Promise<void> {
  const target = await confinedPath(root, relative, false);
  if (!target) throw missing(relative);
  await writeFile(target, data, { flag: 'wx', mode: 0o644 });
}

/** Removes a project file (the name itself: a link is removed, never its target). Missing is fine. */
export async function removeProjectFile(root: string, relative: string): Promise<void> {
  const target = await confinedPath(root, relative, false);
  if (!target) return;
  await unlink(target).catch((error: unknown) => {
    if (errnoCode(error) !== 'ENOENT') throw error;
  });
}

/** Renames a file inside the project (both names checked). */
export async function renameProjectFile(root: string, from: string, to: string): Promise<void> {
  const [source, target] = await Promise.all([confinedPath(root, from, false), confinedPath(root, to, false)]);
  if (!source || !target) throw missing(source ? to : from);
  await rename(source, target);
}

/** The names in a project folder; [] when it is missing. Refuses a folder that is a link. */
export async function listProjectFolder(root: string, relativeDir: string): Promise<string[]> {
  const inside = await confinedPath(root, `${relativeDir}/x`, false);
  if (!inside) return [];
  const dir = path.dirname(inside);
  const info = await lstat(dir).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) throw new UnsafeFileError(info.isSymbolicLink() ? 'symlinked-folder' : 'not-a-file', projectFileLabel(relativeDir));
  return readdir(dir);
}

/** Deletes temp files left in a project folder by an interrupted write. Call only while holding the lock. */
export async function removeProjectTempFiles(root: string, relativeDir: string | null): Promise<number> {
  const names = await (relativeDir ? listProjectFolder(root, relativeDir) : readdir(await realRoot(root))).catch(() => [] as string[]);
  const stale = names.filter((name) => TEMP_FILE_PATTERN.test(name));
  await Promise.all(stale.map((name) => removeProjectFile(root, relativeDir ? `${relativeDir}/${name}` : name).catch(() => undefined)));
  return stale.length;
}

/** What the project folder itself is: 'folder', 'missing' or 'other' (a file). Follows a link the artist chose. */
export async function projectFolderType(root: string): Promise<EntryType> {
  const info = await realpath(root)
    .then((real) => lstat(real))
    .catch(() => null);
  if (!info) return 'missing';
  return info.isDirectory() ? 'folder' : 'other';
}

/** Creates the project folder itself (and its parents). */
export async function createProjectFolder(root: string): Promise<void> {
  await mkdir(root, { recursive: true });
}

/** Deletes a project folder this process created moments ago (a failed create or Save As). */
export async function removeCreatedProjectFolder(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true }).catch(() => undefined);
}

/** True when two paths are the same folder once links are resolved. */
export async function sameFolder(a: string, b: string): Promise<boolean> {
  const [left, right] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)]);
  return left === right;
}

/**
 * False when the kernel refuses new files in `relativeDir` of the project (or in its root while
 * that folder does not exist yet). A folder that opened writable can stop being so (remounted
 * read-only, permissions or attributes changed); access(W_OK) sees all of these, for root too,
 * without writing anything. Other failures are left to the write itself to report.
 */
export async function canAddProjectFiles(root: string, relativeDir: string): Promise<boolean> {
  for (const dir of [path.join(root, relativeDir), root]) {
    try {
      await access(dir, constants.W_OK);
      return true;
    } catch (error) {
      if (isNotWritableError(error)) return false;
      if (errnoCode(error) !== 'ENOENT') return true;
    }
  }
  return true;
}
