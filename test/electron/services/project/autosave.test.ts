/**
 * Autosave: one save a set delay after the LAST change, with a visible saved/unsaved/saving/error
 * state. Time is driven by injected fake timers; the file system is real.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaveStatus } from '../../../../shared/domain/project-status';
import { createDebouncer, type Timers } from '../../../../electron/services/project/autosave';
import { createProject } from '../../../../electron/services/project/project-open';
import { makeTempDir, removeTempDirs } from './fixtures';

afterEach(removeTempDirs);

class FakeTimers implements Timers {
  now = 0;
  #next = 1;
  readonly #pending = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#next++;
    this.#pending.set(id, { at: this.now + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#pending.delete(handle as number);
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.#pending.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#pending.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = until;
  }
}

async function setup(delay: number | null = 1000) {
  const timers = new FakeTimers();
  const root = path.join(await makeTempDir(), 'Autosave.castboard');
  const session = await createProject(root, { title: 'Autosave' }, { timers, autosaveDelayMs: delay });
  const statuses: SaveStatus[] = [];
  session.onStatus((status) => statuses.push(status));
  const onDisk = async () => (JSON.parse(await readFile(path.join(root, 'project.json'), 'utf8')) as { title: string }).title;
  /** Resolves once the session reports `state` (saves run on real I/O, not on the fake clock). */
  const reached = (state: SaveStatus['state']) =>
    new Promise<SaveStatus>((resolve) => {
      if (session.status.state === state) return resolve(session.status);
      const stop = session.onStatus((status) => {
        if (status.state === state) {
          stop();
          resolve(status);
        }
      });
    });
  return { timers, root, session, statuses, onDisk, reached };
}

describe('autosave', () => {
  it('saves once, 1 s after the last change, and shows unsaved -> saving -> saved', async () => {
    const { timers, session, statuses, onDisk, reached } = await setup();
    session.update({ ...session.project, title: 'A' });
    timers.advance(600);
    session.update({ ...session.project, title: 'AB' });
    timers.advance(999);
    expect(session.status).toMatchObject({ state: 'unsaved', dirty: true });
    expect(await onDisk()).toBe('Autosave');
    timers.advance(1);
    await reached('saved');
    expect(await onDisk()).toBe('AB');
    expect(statuses.map((status) => status.state)).toEqual(['unsaved', 'saving', 'saved']);
    await session.close();
  });

  it('a change made during a save stays unsaved and is saved by the next autosave', async () => {
    const { timers, session, onDisk, reached } = await setup();
    session.update({ ...session.project, title: 'First' });
    timers.advance(1000);
    await reached('saving');
    session.update({ ...session.project, title: 'Second' });
    expect(session.status.state).toBe('saving');
    await reached('unsaved');
    expect(await onDisk()).toBe('First');
    timers.advance(1000);
    await reached('saved');
    expect(await onDisk()).toBe('Second');
    await session.close();
  });

  it('a failed autosave reports error with its message right away (no waiting), keeps the work dirty, and recovers', async () => {
    const { timers, root, session, onDisk, reached } = await setup();
    const foreign = JSON.stringify({ ...session.project, title: 'Foreign' });
    await writeFile(path.join(root, 'project.json'), foreign);
    session.update({ ...session.project, title: 'Mine' });
    timers.advance(1000);
    const failed = await reached('error'); // reached without advancing the fake clock any further
    expect(timers.now).toBe(1000);
    expect(failed).toMatchObject({ state: 'error', dirty: true, message: expect.stringMatching(/changed by another program/) });
    expect(await readFile(path.join(root, 'project.json'), 'utf8')).toBe(foreign);
    // Another change keeps showing the error until a save succeeds.
    session.update({ ...session.project, title: 'Mine, edited' });
    expect(session.status.state).toBe('error');
    await writeFile(path.join(root, 'project.json'), JSON.stringify({ ...session.project, title: 'Autosave' }));
    await expect(session.save()).rejects.toMatchObject({ code: 'PROJECT_SAVE_FAILED' });
    await session.close({ save: false });
    expect(await onDisk()).toBe('Autosave');
  });

  it('can be turned off and on (the setting)', async () => {
    const { timers, session, onDisk, reached } = await setup(null);
    session.update({ ...session.project, title: 'Manual' });
    timers.advance(60_000);
    expect(session.status.state).toBe('unsaved');
    session.setAutosaveDelay(2000);
    session.update({ ...session.project, title: 'Auto again' });
    timers.advance(1999);
    expect(session.status.state).toBe('unsaved');
    timers.advance(1);
    await reached('saved');
    expect(await onDisk()).toBe('Auto again');
    await session.close();
  });

  it('the debouncer restarts its wait on every schedule', () => {
    const timers = new FakeTimers();
    let runs = 0;
    const debouncer = createDebouncer(() => (runs += 1), 100, timers);
    debouncer.schedule();
    timers.advance(90);
    debouncer.schedule();
    timers.advance(90);
    expect(runs).toBe(0);
    timers.advance(10);
    expect(runs).toBe(1);
    debouncer.schedule();
    debouncer.cancel();
    timers.advance(1000);
    expect(runs).toBe(1);
    expect(debouncer.pending).toBe(false);
  });
});
