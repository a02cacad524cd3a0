/**
 * Closing with unsaved changes or running jobs asks first, and the window title shows the project
 * and its unsaved state. The decision is pure; the glue is driven with a fake window whose 'close'
 * event can be cancelled, as Electron's can.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { confirmAndFinish, decideClose, guardWindowClose, outcomeFor, type CloseGuardDeps } from '../../../../electron/main/window/close-guard';
import { createTitleKeeper, windowTitle } from '../../../../electron/main/window/window-title';

const facts = (unsavedChanges: boolean, jobsRunning: boolean) => ({ projectTitle: 'Night Shift', unsavedChanges, jobsRunning });

describe('decideClose', () => {
  it('asks nothing when nothing is at stake', () => {
    expect(decideClose(facts(false, false), 'close')).toEqual({ kind: 'proceed' });
  });

  it('offers to save unsaved changes, saving by default', () => {
    const decision = decideClose(facts(true, false), 'close');
    if (decision.kind !== 'ask') throw new Error('expected a question');
    expect(decision.prompt.options.message).toBe('Save the changes to “Night Shift” before closing?');
    expect(decision.prompt.options.buttons).toEqual(['Save and Close', 'Cancel']);
    expect(outcomeFor(decision.prompt, decision.prompt.options.defaultId)).toEqual({ proceed: true, cancelJobs: false });
    expect(outcomeFor(decision.prompt, decision.prompt.options.cancelId)).toEqual({ proceed: false });
  });

  it('warns about running jobs, keeping them by default and on Escape', () => {
    const decision = decideClose(facts(true, true), 'switch');
    if (decision.kind !== 'ask') throw new Error('expected a question');
    expect(decision.prompt.options.message).toContain('still being generated for “Night Shift”');
    expect(decision.prompt.options.buttons).toEqual(['Keep Working', 'Cancel Jobs and Open']);
    expect(decision.prompt.options.detail).toContain('saved first');
    expect(outcomeFor(decision.prompt, decision.prompt.options.defaultId)).toEqual({ proceed: false });
    expect(outcomeFor(decision.prompt, decision.prompt.options.cancelId)).toEqual({ proceed: false });
    expect(outcomeFor(decision.prompt, 1)).toEqual({ proceed: true, cancelJobs: true });
    expect(outcomeFor(decision.prompt, 7)).toEqual({ proceed: false });
  });

  it('says in its own words that images in flight are paid for: wait, or close and lose them', () => {
    const decision = decideClose({ ...facts(false, true), paidInFlight: 2 }, 'close');
    if (decision.kind !== 'ask') throw new Error('expected a question');
    expect(decision.prompt.options.message).toBe('2 images are still rendering for “Night Shift” and are paid for: wait, or close and lose them.');
    expect(decision.prompt.options.buttons).toEqual(['Wait', 'Close and Lose Them']);
    expect(outcomeFor(decision.prompt, decision.prompt.options.defaultId)).toEqual({ proceed: false });
  });

  it('counts paid images it could not write yet (disk full) as lost if the window goes, and never says nothing is charged', () => {
    const decision = decideClose({ ...facts(false, true), heldImages: 2, paidInFlight: 1 }, 'close');
    if (decision.kind !== 'ask') throw new Error('expected a question');
    expect(decision.prompt.options.message).toBe('3 paid images for “Night Shift” could not be written to the project folder yet: free some disk space and wait, or close and lose them.');
    expect(decision.prompt.options.detail).toContain('tries again every few seconds');
    expect(decision.prompt.options.detail).not.toContain('nothing is charged');
    expect(decision.prompt.options.buttons).toEqual(['Wait', 'Close and Lose Them']);
    expect(outcomeFor(decision.prompt, decision.prompt.options.defaultId)).toEqual({ proceed: false });
  });
});

function deps(overrides: Partial<CloseGuardDeps> & { answers?: number[] } = {}) {
  const answers = [...(overrides.answers ?? [])];
  const asked: string[] = [];
  const base: CloseGuardDeps = {
    facts: () => facts(true, false),
    ask: vi.fn<CloseGuardDeps['ask']>(async (options) => {
      asked.push(options.message);
      return answers.shift() ?? 0;
    }),
    finish: vi.fn(async () => {}),
    onStay: vi.fn(),
    onClosed: vi.fn(),
  };
  return { ...base, ...overrides, asked };
}

describe('confirmAndFinish', () => {
  it('saves before going ahead', async () => {
    const guard = deps({ answers: [0] });
    expect(await confirmAndFinish(guard, 'close')).toBe(true);
    expect(guard.finish).toHaveBeenCalledWith({ cancelJobs: false });
  });

  it('tells the artist when the save fails and lets them keep the window', async () => {
    const guard = deps({ answers: [0, 0], finish: vi.fn(async () => Promise.reject(new Error('The disk is full.'))) });
    expect(await confirmAndFinish(guard, 'close')).toBe(false);
    expect(guard.asked[1]).toBe('Castboard could not save “Night Shift”.');
    const closeAnyway = deps({ answers: [0, 1], finish: vi.fn(async () => Promise.reject(new Error('The disk is full.'))) });
    expect(await confirmAndFinish(closeAnyway, 'close')).toBe(true);
  });

  it('cancels jobs only when the artist chose to', async () => {
    const guard = deps({ facts: () => facts(false, true), answers: [1] });
    expect(await confirmAndFinish(guard, 'close')).toBe(true);
    expect(guard.finish).toHaveBeenCalledWith({ cancelJobs: true });
    const stay = deps({ facts: () => facts(false, true), answers: [0] });
    expect(await confirmAndFinish(stay, 'close')).toBe(false);
    expect(stay.finish).not.toHaveBeenCalled();
  });
});

function fakeWindow() {
  const window = Object.assign(new EventEmitter(), {
    closed: false,
    close: vi.fn(() => {
      const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
      window.emit('close', event);
      if (!event.defaultPrevented) window.closed = true;
      return event;
    }),
  });
  return window;
}

describe('guardWindowClose', () => {
  it('holds the window open while asking, then closes it once the project is saved', async () => {
    const window = fakeWindow();
    const guard = deps({ answers: [0] });
    guardWindowClose(window as never, guard);
    const first = window.close();
    expect(first.defaultPrevented).toBe(true);
    window.close(); // a second click while the dialog is up asks nothing more
    await vi.waitFor(() => expect(window.closed).toBe(true));
    expect(guard.ask).toHaveBeenCalledTimes(1);
    expect(guard.finish).toHaveBeenCalledTimes(1);
    expect(guard.onClosed).toHaveBeenCalled();
  });

  it('stays open when the artist cancels', async () => {
    const window = fakeWindow();
    const guard = deps({ answers: [1] });
    guardWindowClose(window as never, guard);
    window.close();
    await vi.waitFor(() => expect(guard.onStay).toHaveBeenCalled());
    expect(window.closed).toBe(false);
    expect(guard.finish).not.toHaveBeenCalled();
  });

  it('still saves and closes the project when nothing was at stake', async () => {
    const window = fakeWindow();
    const guard = deps({ facts: () => facts(false, false) });
    guardWindowClose(window as never, guard);
    window.close();
    await vi.waitFor(() => expect(window.closed).toBe(true));
    expect(guard.ask).not.toHaveBeenCalled();
    expect(guard.finish).toHaveBeenCalledWith({ cancelJobs: false });
  });

  it('never traps the artist when the dialog itself fails', async () => {
    const window = fakeWindow();
    guardWindowClose(window as never, deps({ ask: vi.fn(async () => Promise.reject(new Error('no display'))) }));
    window.close();
    await vi.waitFor(() => expect(window.closed).toBe(true));
  });
});

describe('window title', () => {
  it('shows the project and a dot for unsaved changes (macOS uses the close button instead)', () => {
    expect(windowTitle({ projectTitle: null, dirty: false }, 'linux')).toBe('Castboard');
    expect(windowTitle({ projectTitle: 'Night Shift', dirty: false }, 'win32')).toBe('Night Shift — Castboard');
    expect(windowTitle({ projectTitle: 'Night Shift', dirty: true }, 'linux')).toBe('● Night Shift — Castboard');
    expect(windowTitle({ projectTitle: 'Night Shift', dirty: true }, 'darwin')).toBe('Night Shift — Castboard');
    expect(windowTitle({ projectTitle: '   ', dirty: true }, 'linux')).toBe('Castboard');
  });

  it('applies the latest state to every window and remembers it', () => {
    const window = { setTitle: vi.fn(), setDocumentEdited: vi.fn(), isDestroyed: () => false };
    const onChange = vi.fn();
    const keeper = createTitleKeeper({ platform: 'darwin', windows: () => [window], onChange });
    keeper.set({ projectTitle: 'Night Shift', dirty: true });
    expect(window.setTitle).toHaveBeenLastCalledWith('Night Shift — Castboard');
    expect(window.setDocumentEdited).toHaveBeenLastCalledWith(true);
    expect(keeper.state).toEqual({ projectTitle: 'Night Shift', dirty: true, unsentEdits: false });
    expect(onChange).toHaveBeenCalledWith({ projectTitle: 'Night Shift', dirty: true, unsentEdits: false }, { projectTitle: null, dirty: false, unsentEdits: false });

    const linux = { setTitle: vi.fn(), setDocumentEdited: vi.fn(), isDestroyed: () => false };
    createTitleKeeper({ platform: 'linux', windows: () => [linux] }).set({ projectTitle: 'A', dirty: true });
    expect(linux.setDocumentEdited).not.toHaveBeenCalled();
  });
});
