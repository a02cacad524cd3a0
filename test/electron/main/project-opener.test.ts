/**
 * A project handed to Castboard by the OS or a second launch: opened like the renderer opens one
 * (after asking if work is at stake), its pending jobs resumed, the renderer told to reload; the
 * folder already open is only focused; a failure is shown and the current project stays.
 */
import { describe, expect, it, vi } from 'vitest';
import { cancelJobsAndWait, createProjectOpener, type ProjectOpenerDeps } from '../../../electron/main/project-opener';
import { silentLogger } from '../../../electron/services/logger';

function setup(options: { root?: string | null; unsaved?: boolean; busy?: boolean; answer?: number; openFails?: boolean; recentMissing?: boolean } = {}) {
  const events: string[] = [];
  let busy = options.busy ?? false;
  const deps: ProjectOpenerDeps = {
    workspace: {
      root: () => options.root ?? null,
      openPath: vi.fn(async (dir: string) => {
        events.push(`open ${dir}`);
        if (options.openFails) throw new Error('This folder has no project.json.');
        return {} as never;
      }),
      checkRecent: vi.fn(async (dir: string) => {
        if (options.recentMissing) throw new Error(`"Film" is no longer at ${dir}: it was moved or deleted.`);
      }),
      openRecent: vi.fn(async (dir: string) => {
        events.push(`open recent ${dir}`);
        if (options.openFails) throw new Error('"Film" is no longer at /b/Film.castboard: it was moved or deleted.');
        return {} as never;
      }),
    },
    generation: {
      resumePending: vi.fn(() => void events.push('resume') as unknown as number),
      cancelAll: vi.fn(() => {
        events.push('cancel');
        busy = false;
      }),
      isBusy: () => busy,
      stopNow: vi.fn(() => []),
    },
    guard: {
      facts: () => ({ projectTitle: 'Old', unsavedChanges: options.unsaved ?? false, jobsRunning: busy }),
      ask: vi.fn<ProjectOpenerDeps['guard']['ask']>(async (prompt) => {
        events.push(`ask ${prompt.message}`);
        return options.answer ?? 0;
      }),
    },
    focus: () => void events.push('focus'),
    reload: () => void events.push('reload'),
    showError: vi.fn(async (message: string) => void events.push(`error ${message}`)),
    logger: silentLogger,
  };
  return { open: createProjectOpener(deps), deps, events };
}

describe('opening a project handed to Castboard', () => {
  it('opens it, resumes its jobs and tells the renderer', async () => {
    const { open, events } = setup();
    await open('/b/Film.castboard/');
    expect(events).toEqual(['focus', 'open /b/Film.castboard', 'resume', 'reload']);
  });

  it('only focuses the window when that project is already open', async () => {
    const { open, events } = setup({ root: '/b/Film.castboard' });
    await open('/b/Film.castboard');
    expect(events).toEqual(['focus']);
  });

  it('asks before replacing a project with unsaved changes, and respects Cancel', async () => {
    const cancelled = setup({ unsaved: true, answer: 1 });
    await cancelled.open('/b/New.castboard');
    expect(cancelled.events).toEqual(['focus', 'ask Save the changes to “Old” before opening another project?']);
    const saved = setup({ unsaved: true, answer: 0 });
    await saved.open('/b/New.castboard');
    expect(saved.events.slice(-3)).toEqual(['open /b/New.castboard', 'resume', 'reload']);
  });

  it('cancels running jobs only when told to, before opening', async () => {
    const { open, events } = setup({ busy: true, answer: 1 });
    await open('/b/New.castboard');
    expect(events.slice(2)).toEqual(['cancel', 'open /b/New.castboard', 'resume', 'reload']);
  });

  it('opens a folder chosen from Open Recent through the recent list (its moved-or-deleted message), not as a bare path', async () => {
    const { open, events, deps } = setup({ openFails: true });
    await open('/b/Film.castboard', { fromRecent: true });
    expect(events).toEqual(['focus', 'open recent /b/Film.castboard', 'error Castboard could not open “Film.castboard”.']);
    expect(deps.showError).toHaveBeenCalledWith(expect.any(String), '"Film" is no longer at /b/Film.castboard: it was moved or deleted.');
  });

  it('a recent project that was moved or deleted is explained before asking to save or to stop running jobs', async () => {
    const { open, events, deps } = setup({ recentMissing: true, unsaved: true, busy: true, answer: 1 });
    await open('/b/Film.castboard', { fromRecent: true });
    expect(events).toEqual(['focus', 'error Castboard could not open “Film.castboard”.']);
    expect(deps.guard.ask).not.toHaveBeenCalled();
    expect(deps.generation.cancelAll).not.toHaveBeenCalled();
  });

  it('shows why a folder could not be opened and does not reload', async () => {
    const { open, events, deps } = setup({ openFails: true });
    await open('/b/Empty.castboard');
    expect(events).toEqual(['focus', 'open /b/Empty.castboard', 'error Castboard could not open “Empty.castboard”.']);
    expect(deps.showError).toHaveBeenCalledWith(expect.any(String), 'This folder has no project.json.');
  });

  it('opens requests one at a time, in order', async () => {
    const { open, events } = setup();
    await Promise.all([open('/b/A.castboard'), open('/b/B.castboard')]);
    expect(events.filter((event) => event.startsWith('open'))).toEqual(['open /b/A.castboard', 'open /b/B.castboard']);
  });
});

describe('cancelJobsAndWait', () => {
  it('waits until the queue lets go, but not forever', async () => {
    let polls = 0;
    const jobs = { cancelAll: vi.fn(), stopNow: vi.fn(() => []), isBusy: () => ++polls < 3 };
    await cancelJobsAndWait(jobs, 1000, 1);
    expect(jobs.cancelAll).toHaveBeenCalledOnce();
    expect(polls).toBe(3);
    expect(jobs.stopNow).not.toHaveBeenCalled();
    const stuck = { cancelAll: vi.fn(), stopNow: vi.fn(() => []), isBusy: () => true };
    const started = Date.now();
    await cancelJobsAndWait(stuck, 30, 5);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(stuck.stopNow).toHaveBeenCalledOnce(); // the grace period is over: what is left is dropped
  });
});
