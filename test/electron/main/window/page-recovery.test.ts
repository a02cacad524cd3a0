/**
 * A window whose page died (its renderer process crashed, ran out of memory or was killed) loads
 * the app page again, so the artist gets the board back (main still has the project open) instead
 * of a blank window; a page that ended on purpose is left alone, and one that keeps dying is not
 * reloaded forever. Through the real main-window shell on the Electron mock, and on the real
 * command gate: menu commands wait until the reloaded page listens again.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../electron/services/logger';
import type { AppCommand } from '../../../../shared/domain/commands';
import { electronMock, FakeBrowserWindow } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electronMock);
const { MAX_RELOADS, RELOAD_PERIOD_MS, shouldReload } = await import('../../../../electron/main/window/page-recovery');
const { createMainWindowShell } = await import('../../../../electron/main/window/main-window-shell');
const { createTitleKeeper } = await import('../../../../electron/main/window/window-title');
const { createWindowCommands } = await import('../../../../electron/main/menu/window-commands');

function desktop() {
  const data = new Map<string, unknown>();
  const delivered: AppCommand[] = [];
  const gate: { current?: ReturnType<typeof createWindowCommands> } = {};
  const windows = createMainWindowShell({
    preloadPath: '/app/preload.cjs',
    logger: silentLogger,
    settingsStore: { get: (key) => data.get(key), set: (key, value) => void data.set(key, value), delete: (key) => void data.delete(key) },
    title: createTitleKeeper({ platform: 'linux', windows: () => FakeBrowserWindow.getAllWindows() }),
    guard: { facts: () => ({ projectTitle: null, unsavedChanges: false, jobsRunning: false }), finish: async () => {} },
    onClosed: () => gate.current?.windowClosed(),
    onPageGone: () => gate.current?.windowClosed(),
  });
  gate.current = createWindowCommands({ openWindow: windows.focus, deliver: (command) => delivered.push(command) });
  const window = windows.open() as unknown as FakeBrowserWindow;
  const loads = vi.spyOn(window, 'loadURL');
  const die = (reason: string) => window.webContents.emit('render-process-gone', {}, { reason, exitCode: 1 });
  return { window, loads, die, gate: gate.current, delivered };
}

beforeEach(() => {
  FakeBrowserWindow.instances = [];
  electronMock.app.removeAllListeners();
});

describe('a window whose page died', () => {
  it.each(['crashed', 'oom', 'killed', 'abnormal-exit'])('loads the app page again after %s', (reason) => {
    const { loads, die } = desktop();
    die(reason);
    expect(loads).toHaveBeenCalledWith('castboard://app/index.html');
  });

  it('is left alone when the page ended on purpose', () => {
    const { loads, die } = desktop();
    die('clean-exit');
    expect(loads).not.toHaveBeenCalled();
  });

  it('holds menu commands until the reloaded page listens again', () => {
    const { gate, delivered, die } = desktop();
    gate.report({ modalOpen: false });
    die('crashed');
    gate.send('project.save');
    expect(delivered).toEqual([]); // the old page is gone, the new one still loads
    gate.report({ modalOpen: false });
    expect(delivered).toEqual(['project.save']);
  });

  it(`stops reloading a page that keeps dying (${MAX_RELOADS} times a minute)`, () => {
    const { loads, die } = desktop();
    for (let crash = 0; crash < MAX_RELOADS + 2; crash += 1) die('crashed');
    expect(loads).toHaveBeenCalledTimes(MAX_RELOADS);
  });
});

describe('shouldReload', () => {
  it('counts only the reloads of the last period', () => {
    const now = 10 * RELOAD_PERIOD_MS;
    const recent = Array.from({ length: MAX_RELOADS }, (_, index) => now - index * 1000);
    expect(shouldReload('crashed', recent, now)).toBe(false);
    expect(shouldReload('crashed', recent.map((at) => at - RELOAD_PERIOD_MS), now)).toBe(true);
    expect(shouldReload('clean-exit', [], now)).toBe(false);
  });
});
