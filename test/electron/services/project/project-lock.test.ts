import { spawnSync } from 'node:child_process';
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireProjectLock } from '../../../../electron/services/project/project-lock';
import { createProject, openProject } from '../../../../electron/services/project/project-open';
import { runProjectChild } from './child-process';
import { makeTempDir, removeTempDirs, snapshotTree } from './fixtures';

afterEach(removeTempDirs);

async function newProject(): Promise<string> {
  const root = path.join(await makeTempDir(), 'Locked.castboard');
  const session = await createProject(root, { title: 'Locked' }, { autosaveDelayMs: null });
  await session.close();
  return root;
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (!child.pid) throw new Error('could not start a process');
  return child.pid;
}

describe('project lock', () => {
  it('a second window in the same process gets PROJECT_LOCKED and changes nothing', async () => {
    const root = await newProject();
    const first = await openProject(root, { autosaveDelayMs: null });
    const before = await snapshotTree(root);
    await expect(openProject(root)).rejects.toMatchObject({
      code: 'PROJECT_LOCKED',
      message: expect.stringMatching(/already open in a Castboard window on this computer .* was not opened here/),
    });
    expect(await snapshotTree(root)).toEqual(before);
    await first.close();
    const again = await openProject(root, { autosaveDelayMs: null });
    await again.close();
  });

  it('a second Castboard process gets PROJECT_LOCKED and changes nothing', async () => {
    const root = await newProject();
    const first = await openProject(root, { autosaveDelayMs: null });
    const before = await snapshotTree(root);
    const answer = await runProjectChild('open', root);
    expect(answer).toMatchObject({ ok: false, code: 'PROJECT_LOCKED' });
    expect(answer.message).toMatch(/already open in a Castboard window on this computer/);
    expect(await snapshotTree(root)).toEqual(before);
    await first.close();
    expect(await runProjectChild('open', root)).toEqual({ ok: true });
  }, 30_000);

  it('takes over a lock left by a process that died on this computer', async () => {
    const root = await newProject();
    const pid = deadPid();
    await writeFile(path.join(root, 'project.lock'), JSON.stringify({ pid, hostname: os.hostname(), acquiredAt: new Date().toISOString(), token: 'old' }));
    const session = await openProject(root, { autosaveDelayMs: null });
    const owner = JSON.parse(await readFile(path.join(root, 'project.lock'), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(process.pid);
    await session.close();
  });

  it('respects a lock held by a live process or by another computer, naming it', async () => {
    const root = await newProject();
    const lockFile = path.join(root, 'project.lock');
    await writeFile(lockFile, JSON.stringify({ pid: process.ppid, hostname: os.hostname(), acquiredAt: new Date().toISOString(), token: 'other' }));
    await expect(acquireProjectLock(root)).rejects.toMatchObject({ code: 'PROJECT_LOCKED' });
    await writeFile(lockFile, JSON.stringify({ pid: deadPid(), hostname: 'studio-mac', acquiredAt: new Date().toISOString(), token: 'other' }));
    await expect(acquireProjectLock(root)).rejects.toMatchObject({ code: 'PROJECT_LOCKED', message: expect.stringMatching(/Castboard on the computer "studio-mac"/) });
  });

  it('records what holds the lock, names a castboard command by its pid, and still reads a lock file without a holder', async () => {
    const root = await newProject();
    const lockFile = path.join(root, 'project.lock');
    const held = await acquireProjectLock(root, { holder: 'cli' });
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, holder: 'cli' });
    await expect(acquireProjectLock(root)).rejects.toMatchObject({
      code: 'PROJECT_LOCKED',
      message: expect.stringMatching(new RegExp(`already open in another castboard command \\(pid ${process.pid}\\) on this computer .* Wait for that command to finish`)),
    });
    await held.release();
    // Written by an older Castboard: no holder recorded, so neither is claimed.
    await writeFile(lockFile, JSON.stringify({ pid: process.ppid, hostname: os.hostname(), acquiredAt: new Date().toISOString(), token: 'older' }));
    await expect(acquireProjectLock(root)).rejects.toMatchObject({ code: 'PROJECT_LOCKED', message: expect.stringMatching(/already open in a Castboard window or another castboard command on this computer/) });
  });

  it('treats an empty lock file as being created, unless it is old (a crash leftover)', async () => {
    const root = await newProject();
    const lockFile = path.join(root, 'project.lock');
    await writeFile(lockFile, '');
    await expect(acquireProjectLock(root)).rejects.toMatchObject({ code: 'PROJECT_LOCKED' });
    const old = new Date(Date.now() - 60_000);
    await utimes(lockFile, old, old);
    const lock = await acquireProjectLock(root);
    await lock.release();
    await expect(readFile(lockFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('stops saving when the lock was taken away, and leaves project.json alone', async () => {
    const root = await newProject();
    const session = await openProject(root, { autosaveDelayMs: null });
    const before = await readFile(path.join(root, 'project.json'));
    await rm(path.join(root, 'project.lock'));
    session.update({ ...session.project, title: 'Changed' });
    await expect(session.save()).rejects.toMatchObject({ code: 'PROJECT_SAVE_FAILED', message: expect.stringMatching(/no longer holds this project's lock/) });
    expect(await readFile(path.join(root, 'project.json'))).toEqual(before);
    expect(session.status).toMatchObject({ state: 'error', dirty: true });
    await session.close({ save: false });
  });
});
