/**
 * The thin menu glue and the command router: the template is installed with
 * Menu.setApplicationMenu and rebuilt on refresh (a slow, stale refresh never wins); main runs
 * About and Open Logs Folder itself and forwards everything else, and a failing main-side command
 * is logged instead of thrown into the menu.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCommandRouter } from '../../../../electron/main/menu/command-router';
import type { buildMenuTemplate, MenuState } from '../../../../electron/main/menu/menu-template';
import { silentLogger } from '../../../../electron/services/logger';
import { electronMock } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electronMock);
const { installApplicationMenu } = await import('../../../../electron/main/menu/application-menu');

type MenuItemConstructorOptions = ReturnType<typeof buildMenuTemplate>[number];

const state = (hasProject: boolean): MenuState => ({ platform: 'linux', appName: 'Castboard', hasProject, recent: [], developer: false });

function installedSaveEnabled(): boolean | undefined {
  const calls = electronMock.Menu.setApplicationMenu.mock.calls;
  const menu = calls.at(-1)?.[0] as unknown as { template: MenuItemConstructorOptions[] };
  const file = menu.template.find((item) => item.label === '&File')?.submenu as MenuItemConstructorOptions[];
  return file.find((item) => item.id === 'project.save')?.enabled;
}

beforeEach(() => {
  electronMock.Menu.setApplicationMenu.mockClear();
});

describe('installApplicationMenu', () => {
  it('installs the template and rebuilds it on refresh', async () => {
    let hasProject = false;
    const menu = installApplicationMenu(() => state(hasProject), { run: vi.fn(), openRecent: vi.fn() }, silentLogger);
    await vi.waitFor(() => expect(electronMock.Menu.setApplicationMenu).toHaveBeenCalledTimes(1));
    expect(installedSaveEnabled()).toBe(false);
    hasProject = true;
    await menu.refresh();
    expect(installedSaveEnabled()).toBe(true);
  });

  it('drops a refresh that finishes after a newer one', async () => {
    let resolveSlow: (value: MenuState) => void = () => {};
    const slow = new Promise<MenuState>((resolve) => (resolveSlow = resolve));
    const states = [Promise.resolve(state(false)), slow, Promise.resolve(state(true))];
    const menu = installApplicationMenu(() => states.shift()!, { run: vi.fn(), openRecent: vi.fn() }, silentLogger);
    await vi.waitFor(() => expect(electronMock.Menu.setApplicationMenu).toHaveBeenCalledTimes(1));
    const stale = menu.refresh();
    await menu.refresh();
    resolveSlow(state(false));
    await stale;
    expect(electronMock.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
    expect(installedSaveEnabled()).toBe(true);
  });
});

describe('command router', () => {
  it('runs main-side commands in main and forwards the rest to the renderer', async () => {
    const forward = vi.fn();
    const openLogs = vi.fn();
    const route = createCommandRouter({ main: { 'help.openLogs': openLogs, 'help.about': vi.fn() }, forward, logger: silentLogger });
    route('help.openLogs');
    route('panel.generate');
    await vi.waitFor(() => expect(openLogs).toHaveBeenCalledOnce());
    expect(forward).toHaveBeenCalledExactlyOnceWith('panel.generate');
  });

  it('logs a failing main-side command instead of throwing', async () => {
    const logger = { ...silentLogger, error: vi.fn() };
    const route = createCommandRouter({ main: { 'help.about': () => Promise.reject(new Error('no panel')), 'help.openLogs': vi.fn() }, forward: vi.fn(), logger });
    expect(() => route('help.about')).not.toThrow();
    await vi.waitFor(() => expect(logger.error).toHaveBeenCalledWith('Menu command failed', expect.objectContaining({ command: 'help.about' })));
  });
});
