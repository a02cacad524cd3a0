/**
 * Menu commands on the way to the window, through the installed menu (its items' click), the
 * command router, the gate on the Electron mock's windows, the real main-window shell and the
 * renderer's `app:setModalState` report through the real dispatcher:
 *  - a dialog open: Edit › Undo/Redo act on the focused field (webContents.undo()/redo()), never
 *    on the storyboard; other commands wait until the dialog closes, then run;
 *  - no window (macOS after closing it): the command opens one, then runs once the page listens;
 *  - a project main opened (double-clicked while Castboard was not running, a second launch, Open
 *    Recent) reaches the page as `project.reload` once it listens, whatever else is held.
 * Mock behaviour used, as Electron documents it: BrowserWindow.getAllWindows() lists open windows
 * (destroyed ones gone after 'closed'); webContents.undo()/redo() execute the page's editing
 * command; Menu.buildFromTemplate/setApplicationMenu install the template as given.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../../electron/main/ipc/dispatcher';
import { registerApp } from '../../../../electron/main/ipc/register-app';
import { createCommandRouter } from '../../../../electron/main/menu/command-router';
import { createProjectOpener } from '../../../../electron/main/project-opener';
import type { buildMenuTemplate } from '../../../../electron/main/menu/menu-template';
import { silentLogger } from '../../../../electron/services/logger';
import type { AppCommand } from '../../../../shared/domain/commands';
import { electronMock, FakeBrowserWindow } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electronMock);
const { installApplicationMenu } = await import('../../../../electron/main/menu/application-menu');
const { createWindowCommands } = await import('../../../../electron/main/menu/window-commands');
const { createMainWindowShell } = await import('../../../../electron/main/window/main-window-shell');
const { createTitleKeeper } = await import('../../../../electron/main/window/window-title');

type Item = ReturnType<typeof buildMenuTemplate>[number];

function memoryStore() {
  const data = new Map<string, unknown>();
  return { get: (key: string) => data.get(key), set: (key: string, value: unknown) => void data.set(key, value), delete: (key: string) => void data.delete(key) };
}

/** main/index.ts's wiring of the menu, on the mock. */
async function desktop(platform: NodeJS.Platform = 'darwin') {
  const delivered: AppCommand[] = [];
  const title = createTitleKeeper({ platform, windows: () => FakeBrowserWindow.getAllWindows() });
  const gates: Array<ReturnType<typeof createWindowCommands>> = [];
  const windows = createMainWindowShell({
    preloadPath: '/app/preload.cjs',
    logger: silentLogger,
    settingsStore: memoryStore(),
    title,
    guard: { facts: () => ({ projectTitle: null, unsavedChanges: false, jobsRunning: false }), finish: async () => {} },
    onClosed: () => gates[0]?.windowClosed(),
  });
  const gate = createWindowCommands({ openWindow: windows.focus, deliver: (command) => delivered.push(command) });
  gates.push(gate);
  const run = createCommandRouter({ main: { 'help.about': vi.fn(), 'help.openLogs': vi.fn() }, forward: gate.send, logger: silentLogger });
  const dispatcher = createDispatcher(silentLogger);
  registerApp({ handle: (channel, handler) => dispatcher.register(channel, handler), push: vi.fn() }, {} as never, { setTitleState: vi.fn(), setModalState: gate.report });
  installApplicationMenu(() => ({ platform, appName: 'Castboard', hasProject: true, recent: [], developer: false }), { run, openRecent: vi.fn() }, silentLogger);
  await vi.waitFor(() => expect(electronMock.Menu.setApplicationMenu).toHaveBeenCalled());

  const menu = () => (electronMock.Menu.setApplicationMenu.mock.calls.at(-1)?.[0] as unknown as { template: Item[] }).template;
  const click = (id: string) => {
    const item = menu().flatMap((top) => (Array.isArray(top.submenu) ? top.submenu : [])).find((entry) => entry.id === id);
    if (!item?.click) throw new Error(`no menu item ${id}`);
    (item.click as () => void)();
  };
  /** The page's report, as connectMainCommands sends it, through the contract and dispatcher. */
  const pageReports = async (modalOpen: boolean) => expect(await dispatcher.dispatch('app:setModalState', { modalOpen })).toEqual({ ok: true, value: null });
  return { windows, gate, click, delivered, pageReports, menu };
}

beforeEach(() => {
  FakeBrowserWindow.instances = [];
  electronMock.app.removeAllListeners();
  electronMock.Menu.setApplicationMenu.mockClear();
});

describe('with a dialog open', () => {
  it('Edit › Undo and Redo act on the focused field, not the storyboard behind the dialog', async () => {
    const { windows, click, delivered, pageReports } = await desktop();
    const window = windows.open() as unknown as FakeBrowserWindow;
    await pageReports(true);
    click('edit.undo');
    click('edit.redo');
    expect(window.webContents.undo).toHaveBeenCalledOnce();
    expect(window.webContents.redo).toHaveBeenCalledOnce();
    expect(delivered).toEqual([]);
  });

  it('other commands wait for the dialog to close, then run (the latest one)', async () => {
    const { windows, click, delivered, pageReports } = await desktop();
    windows.open();
    await pageReports(true);
    click('project.export');
    click('project.save');
    expect(delivered).toEqual([]);
    await pageReports(false);
    expect(delivered).toEqual(['project.save']);
  });

  it('without a dialog, Undo undoes the storyboard (the renderer runs it)', async () => {
    const { windows, click, delivered, pageReports } = await desktop('linux');
    const window = windows.open() as unknown as FakeBrowserWindow;
    await pageReports(false);
    click('edit.undo');
    expect(delivered).toEqual(['edit.undo']);
    expect(window.webContents.undo).not.toHaveBeenCalled();
  });

  it('refuses a malformed modal report before the gate sees it', async () => {
    const dispatcher = createDispatcher(silentLogger);
    const setModalState = vi.fn();
    registerApp({ handle: (channel, handler) => dispatcher.register(channel, handler), push: vi.fn() }, {} as never, { setTitleState: vi.fn(), setModalState });
    expect(await dispatcher.dispatch('app:setModalState', { modalOpen: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(setModalState).not.toHaveBeenCalled();
  });
});

describe('with no window open (macOS keeps running)', () => {
  it.each(['project.new', 'project.open', 'app.settings'] as const)('%s opens a window, then runs once the page listens', async (command) => {
    const { windows, click, delivered, pageReports } = await desktop();
    const first = windows.open() as unknown as FakeBrowserWindow;
    await pageReports(false);
    first.close(); // through the close guard, which closes it once nothing is at stake
    await vi.waitFor(() => expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0));

    click(command);
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
    expect(delivered).toEqual([]); // the new page is still loading
    await pageReports(false);
    expect(delivered).toEqual([command]);
  });

  it('the Undo item stays enabled without a project, for text fields in dialogs', async () => {
    const { menu } = await desktop();
    const edit = menu().find((top) => top.label === 'Edit')?.submenu as Item[];
    expect(edit.find((item) => item.id === 'edit.undo')?.enabled).toBe(true);
    expect(edit.filter((item) => item.role).map((item) => item.role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });
});

/** main/index.ts's project opener on the gate: `reload` is the gate's projectChanged. */
function opener(windows: { focus(): void }, gate: { projectChanged(): void }) {
  let root: string | null = null;
  const open = createProjectOpener({
    workspace: {
      root: () => root,
      openPath: async (folder) => {
        root = folder;
        return {} as never;
      },
      openRecent: async () => ({}) as never,
      checkRecent: async () => undefined,
    },
    generation: { resumePending: () => 0, cancelAll: vi.fn(), isBusy: () => false, stopNow: () => [] },
    guard: { facts: () => ({ projectTitle: null, unsavedChanges: false, jobsRunning: false }), ask: vi.fn() },
    focus: windows.focus,
    reload: gate.projectChanged,
    showError: vi.fn(),
    logger: silentLogger,
  });
  return { open, root: () => root };
}

describe('a project main opened reaches the page', () => {
  it('double-clicked while Castboard was not running: the page still loading reloads it once it listens', async () => {
    const { windows, gate, delivered, pageReports } = await desktop();
    windows.open(); // start-up opens the window, then the folder macOS handed over is opened
    const { open, root } = opener(windows, gate);
    await open('/films/Night Shift.castboard');
    expect(root()).toBe('/films/Night Shift.castboard');
    expect(delivered).toEqual([]); // a push now would reach a page with no listener yet
    await pageReports(false);
    expect(delivered).toEqual(['project.reload']);
    await pageReports(false);
    expect(delivered).toEqual(['project.reload']); // once
  });

  it('is neither replaced by a menu command held meanwhile nor held behind a dialog', async () => {
    const { windows, gate, click, delivered, pageReports } = await desktop();
    windows.open();
    click('project.save'); // before the page listens: held
    const { open } = opener(windows, gate);
    await open('/films/A.castboard');
    await pageReports(false);
    expect(delivered).toEqual(['project.reload', 'project.save']);

    await pageReports(true); // a dialog is open in the page
    await open('/films/B.castboard');
    expect(delivered.at(-1)).toBe('project.reload');
    expect(delivered).toHaveLength(3);
  });
});
