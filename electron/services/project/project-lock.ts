/**
 * One writer per project. `project.lock` is created with O_EXCL ('wx') and holds the owner's pid,
 * host, time, a random token and what holds it (a Castboard window or a `castboard` command; lock
 * files written before that was recorded have no holder and still read). A second window of this
 * process or a second Castboard gets PROJECT_LOCKED saying who holds it. A lock left by a process that died on this machine (pid gone)
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

/** What holds a lock: the app (one of its windows) or a `castboard` command. */
export type LockHolder = 'window' | 'cli';

const LOCK_HOLDERS: readonly LockHolder[] = ['window', 'cli'];

export interface LockOwner {
  pid: number;
  hostname: string;
  acquiredAt: string;
  token: string;
  /** Absent in lock files written before the holder was recorded. */
  holder?: LockHolder;
}

export interface LockDeps {
  /** Recorded in the lock file so whoever is refused can be told what to wait for (default 'window'). */
  holder?: LockHolder;
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
    const { pid, hostname, acquiredAt, token, holder } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof hostname !== 'string' || typeof acquiredAt !== 'string' || typeof token !== 'string') return null;
    const known = LOCK_HOLDERS.find((candidate) => candidate === holder);
    return known ? { pid, hostname, acquiredAt, token, holder: known } : { pid, hostname, acquiredAt, token };
  } catch {
    return null;
  }
}

/** Who holds the lock, in the artist's words: "a Castboard window on this computer", "another castboard command (pid 4242) on this computer". */
export function describeLockOwner(owner: LockOwner, localHost: string = os.hostname()): string {
  const here = owner.hostname === localHost;
  if (owner.holder === 'cli') return here ? `another castboard command (pid ${owner.pid}) on this computer` : `a castboard command on the computer "${owner.hostname}"`;
  if (!here) return `Castboard on the computer "${owner.hostname}"`;
  return owner.holder === 'window' ? 'a Castboard window on this computer' : 'a Castboard window or another castboard command on this computer';
}

/** What to do about it, for the holder the lock names. */
function lockAdvice(owner: LockOwner): string {
  if (owner.holder === 'cli') return 'Wait for that command to finish, then try again.';
  if (owner.holder === 'window') return 'Switch to that window, or close the project there and open it again.';
  return 'Close the project there (or wait for the command to finish), then try again.';
}

/** PROJECT_LOCKED, knowing what holds the lock (so the CLI can add the right next step). */
export class ProjectLockedError extends CastboardError {
  readonly owner: LockOwner;

  constructor(owner: LockOwner, localHost: string) {
    const since = formatShortDate(new Date(owner.acquiredAt));
    super(
      'PROJECT_LOCKED',
      `This project is already open in ${describeLockOwner(owner, localHost)} (since ${since}), so it was not opened here: two copies writing the same project would overwrite each other. ` +
        `${lockAdvice(owner)} If you are sure it is not open anywhere, remove the file ${LOCK_FILE} from the project folder.`,
    );
    this.name = 'ProjectLockedError';
    this.owner = owner;
  }
}

function lockedError(owner: LockOwner, localHost: string): CastboardError {
  return new ProjectLockedError(owner, localHost);
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

/** A lock left by a process that is gone from this machine, or an unreadable one old enough to be a crash leftover. */
function isStale(key: string, current: { owner: LockOwner | null; ageMs: number }, localHost: string, alive: (pid: number) => boolean): boolean {
  if (!current.owner) return current.ageMs > UNREADABLE_LOCK_GRACE_MS;
  if (current.owner.hostname !== localHost) return false;
  return current.owner.pid === process.pid ? !heldHere.has(key) : !alive(current.owner.pid);
}

/** The owner to name; an unreadable lock (being written, or damaged) names nobody in particular. */
function knownOwner(current: { owner: LockOwner | null; ageMs: number }): LockOwner {
  return current.owner ?? { pid: 0, hostname: 'unknown', acquiredAt: new Date(Date.now() - current.ageMs).toISOString(), token: '' };
}

/**
 * Who holds the project's lock now, or null when nobody does (no lock, or one left by a process
 * that is gone). Reads only: for commands that do not lock, to say the project is open elsewhere.
 */
export async function currentLockOwner(dir: string, deps: Pick<LockDeps, 'hostname' | 'isProcessAlive'> = {}): Promise<LockOwner | null> {
  const key = await realRoot(dir);
  const current = await readOwner(key);
  if (!current || isStale(key, current, deps.hostname ?? os.hostname(), deps.isProcessAlive ?? isProcessAlive)) return null;
  return knownOwner(current);
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
    holder: deps.holder ?? 'window',
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
    if (!isStale(key, current, localHost, alive)) throw lockedError(knownOwner(current), localHost);
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
