/**
 * One writer per project. `project.lock` is created with O_EXCL ('wx') and holds the owner's pid,
 * host, time and a random token. A second window of this process or a second Castboard gets
 * PROJECT_LOCKED with who holds it. A lock left by a process that died on this machine (pid gone)
 * is taken over; a lock from another machine is respected, since its pid cannot be checked from
 * here. The owner re-checks the token before every save (assertHeld), so even a lock lost to a
 * race or deleted by hand stops writes instead of letting two writers interleave.
 * The lock file is read through project-files.ts (capped, regular file only): a lock that is a
 * link, FIFO or device is refused with a message naming it, never followed or read without end.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import { errnoCode } from './fs-errors';
import { createProjectFileExclusive, readProjectFileWithIdentity, realRoot, removeProjectFile } from './project-files';
import { LOCK_FILE } from './project-paths';
import { formatShortDate } from './project-messages';

export interface LockOwner {
  pid: number;
  hostname: string;
  acquiredAt: string;
  token: string;
}

export interface LockDeps {
  pid?: number;
  hostname?: string;
  now?: () => Date;
  isProcessAlive?: (pid: number) => boolean;
}

export interface ProjectLock {
  readonly lockPath: string;
  readonly owner: LockOwner;
  /** Throws PROJECT_SAVE_FAILED if the lock file no longer names this owner. */
  assertHeld(): Promise<void>;
  release(): Promise<void>;
}

/** An empty or half-written lock this old is a crash leftover, not a lock being created. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

/** Folders locked by this process (a second window must not get the same project). */
const heldHere = new Set<string>();

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { pid, hostname, acquiredAt, token } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof hostname !== 'string' || typeof acquiredAt !== 'string' || typeof token !== 'string') return null;
    return { pid, hostname, acquiredAt, token };
  } catch {
    return null;
  }
}

function lockedError(owner: LockOwner, localHost: string): CastboardError {
  const since = formatShortDate(new Date(owner.acquiredAt));
  const where = owner.hostname === localHost ? 'another Castboard window on this computer' : `Castboard on the computer "${owner.hostname}"`;
  return new CastboardError(
    'PROJECT_LOCKED',
    `This project is already open in ${where} (since ${since}), so it was not opened here: two copies writing the same project would overwrite each other. ` +
      `Switch to that window, or close the project there and open it again. If you are sure it is not open anywhere, remove the file ${LOCK_FILE} from the project folder.`,
  );
}

async function readOwner(root: string): Promise<{ owner: LockOwner | null; ageMs: number } | null> {
  try {
    const { bytes, identity } = await readProjectFileWithIdentity(root, LOCK_FILE, 'lock');
    return { owner: parseOwner(bytes.toString('utf8')), ageMs: Date.now() - identity.mtimeMs };
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
}

async function tryCreate(root: string, owner: LockOwner): Promise<boolean> {
  try {
    await createProjectFileExclusive(root, LOCK_FILE, JSON.stringify(owner));
    return true;
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw error;
  }
}

export async function acquireProjectLock(dir: string, deps: LockDeps = {}): Promise<ProjectLock> {
  const key = await realRoot(dir);
  const localHost = deps.hostname ?? os.hostname();
  const alive = deps.isProcessAlive ?? isProcessAlive;
  const owner: LockOwner = {
    pid: deps.pid ?? process.pid,
    hostname: localHost,
    acquiredAt: (deps.now?.() ?? new Date()).toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  const lockPath = path.join(key, LOCK_FILE);
  if (heldHere.has(key)) {
    const current = await readOwner(key);
    throw lockedError(current?.owner ?? owner, localHost);
  }

  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await tryCreate(key, owner)) {
      // Read back: a concurrent take-over of the same stale lock must leave exactly one winner.
      const check = await readOwner(key);
      if (check?.owner?.token === owner.token) return makeLock(key, lockPath, owner);
      continue;
    }
    const current = await readOwner(key);
    if (!current) continue;
    const stale = current.owner
      ? current.owner.hostname === localHost && (current.owner.pid === process.pid ? !heldHere.has(key) : !alive(current.owner.pid))
      : current.ageMs > UNREADABLE_LOCK_GRACE_MS;
    if (!stale) {
      throw lockedError(current.owner ?? { ...owner, hostname: 'unknown', acquiredAt: new Date(Date.now() - current.ageMs).toISOString() }, localHost);
    }
    await removeProjectFile(key, LOCK_FILE);
  }
  throw new CastboardError('PROJECT_LOCKED', 'Another Castboard is opening this project at the same moment. Try again in a few seconds.');
}

function makeLock(key: string, lockPath: string, owner: LockOwner): ProjectLock {
  heldHere.add(key);
  let released = false;
  return {
    lockPath,
    owner,
    async assertHeld() {
      const current = await readOwner(key).catch(() => null);
      if (released || current?.owner?.token !== owner.token) {
        throw new CastboardError(
          'PROJECT_SAVE_FAILED',
          `Castboard no longer holds this project's lock (${LOCK_FILE} was removed or taken by another Castboard), so it did not save, to avoid overwriting the other copy's work. Use Save As to keep your changes.`,
        );
      }
    },
    async release() {
      if (released) return;
      released = true;
      heldHere.delete(key);
      const current = await readOwner(key).catch(() => null);
      if (current?.owner?.token === owner.token) await removeProjectFile(key, LOCK_FILE).catch(() => undefined);
    },
  };
}
