/**
 * The main-window glue, on the shared Electron mock: the window opens where the settings store
 * placed it with the secure preferences and the app URL, keeps main's title, restores maximized;
 * closing asks through the guard (a minimized window is brought forward first, or the question
 * could not be seen) and saves the project first; a quit waits for the guard and
 * resumes after the window closed, or is forgotten when the artist stays.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../electron/services/logger';
import type { KeyValueStore } from '../../../../electron/services/settings/settings-service';
import { electronMock, FakeBrowserWindow } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electronMock);
const { createMainWindowShell } = await import('../../../../electron/main/window/main-window-shell');
const { createTitleKeeper } = await import('../../../../electron/main/window/window-title');
const { WINDOW_STATE_KEY } = await import('../../../../electron/main/window/window-state');

function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const data = new Map(Object.entries(initial));
  return { get: (key) => data.get(key), set: (key, value) => void data.set(key, value), delete: (key) => void data.delete(key) };
}

function shell(options: { unsaved?: boolean; answer?: number; store?: KeyValueStore; finish?: () => Promise<void> } = {}) {
  electronMock.dialog.showMessageBox.mockResolvedValue({ response: options.answer ?? 0, checkboxChecked: false });
  const finish = vi.fn(options.finish ?? (async () => {}));
  const onClosed = vi.fn();
  const title = createTitleKeeper({ platform: 'linux', windows: () => FakeBrowserWindow.getAllWindows() });
  const windows = createMainWindowShell({
    preloadPath: '/app/preload.cjs',
    logger: silentLogger,
    settingsStore: options.store ?? memoryStore(),
    title,
    guard: { facts: () => ({ projectTitle: 'Night Shift', unsavedChanges: options.unsaved ?? false, jobsRunning: false }), finish },
    onClosed,
  });
  return { windows, finish, onClosed, title };
}

beforeEach(() => {
  FakeBrowserWindow.instances = [];
  electronMock.app.removeAllListeners();
  electronMock.app.quit.mockClear();
  electronMock.dialog.showMessageBox.mockClear();
});

describe('opening the main window', () => {
  it('restores the saved placement with secure preferences from the app URL', () => {
    const store = memoryStore({ [WINDOW_STATE_KEY]: { bounds: { x: 50, y: 40, width: 1300, height: 820 }, maximized: true } });
    const { windows, title } = shell({ store });
    title.set({ projectTitle: 'Night Shift', dirty: true });
    const window = windows.open() as unknown as FakeBrowserWindow;
    expect(window.options).toMatchObject({ x: 50, y: 40, width: 1300, height: 820, minWidth: 1024, minHeight: 700, show: false });
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/app/preload.cjs' });
    expect(window.loadedUrl).toBe('castboard://app/index.html');
    expect(window.title).toBe('● Night Shift — Castboard');
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalled();

    const pageTitle = { preventDefault: vi.fn() };
    window.emit('page-title-updated', pageTitle, 'Castboard');
    expect(pageTitle.preventDefault).toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.maximized).toBe(true);
    expect(window.show).toHaveBeenCalled();
  });

  it('focuses the existing window instead of opening another, restoring it if minimized', () => {
    const { windows } = shell();
    const window = windows.open() as unknown as FakeBrowserWindow;
    window.minimized = true;
    windows.focus();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});

describe('closing and quitting', () => {
  it('asks about unsaved changes, saves, then closes', async () => {
    const { windows, finish, onClosed } = shell({ unsaved: true, answer: 0 });
    const window = windows.open() as unknown as FakeBrowserWindow;
    window.close();
    expect(window.destroyed).toBe(false); // held open while asking
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
    expect(electronMock.dialog.showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ buttons: ['Save and Close', 'Cancel'] }));
    expect(finish).toHaveBeenCalledWith({ cancelJobs: false });
    expect(onClosed).toHaveBeenCalled();
    expect(electronMock.app.quit).not.toHaveBeenCalled();
  });

  it('brings a minimized window forward before asking, so the question can be seen (taskbar Close, Dock Quit)', async () => {
    const { windows } = shell({ unsaved: true, answer: 1 });
    const window = windows.open() as unknown as FakeBrowserWindow;
    window.minimized = true;
    electronMock.app.emit('before-quit');
    window.close();
    await vi.waitFor(() => expect(electronMock.dialog.showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ buttons: ['Save and Close', 'Cancel'] })));
    expect(window.restore).toHaveBeenCalled();
    expect(window.minimized).toBe(false);
    const asked = electronMock.dialog.showMessageBox.mock.invocationCallOrder[0] ?? 0;
    expect(window.restore.mock.invocationCallOrder[0]).toBeLessThan(asked);
    expect(window.show.mock.invocationCallOrder[0]).toBeLessThan(asked);
  });

  it('resumes a quit once the window has closed', async () => {
    const { windows } = shell({ unsaved: true, answer: 0 });
    const window = windows.open() as unknown as FakeBrowserWindow;
    electronMock.app.emit('before-quit');
    window.close();
    await vi.waitFor(() => expect(electronMock.app.quit).toHaveBeenCalled());
  });

  it('forgets the quit when the artist stays', async () => {
    const { windows, finish } = shell({ unsaved: true, answer: 1 });
    const window = windows.open() as unknown as FakeBrowserWindow;
    electronMock.app.emit('before-quit');
    window.close();
    await vi.waitFor(() => expect(electronMock.dialog.showMessageBox).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.destroyed).toBe(false);
    expect(finish).not.toHaveBeenCalled();
    // A later plain close (no quit in progress) does not quit the app.
    electronMock.dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    window.close();
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
    expect(electronMock.app.quit).not.toHaveBeenCalled();
  });

  it('remembers where the window was when it closes', async () => {
    const store = memoryStore();
    const { windows } = shell({ store });
    const window = windows.open() as unknown as FakeBrowserWindow;
    window.close();
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
    expect(store.get(WINDOW_STATE_KEY)).toEqual({ bounds: window.getNormalBounds(), maximized: false });
  });
});

describe('questions', () => {
  it('asks one at a time: a project handed by the OS while the close question is up waits for its answer', async () => {
    const { windows } = shell({ unsaved: true });
    const window = windows.open() as unknown as FakeBrowserWindow;
    const answers: Array<(answer: { response: number; checkboxChecked: boolean }) => void> = [];
    electronMock.dialog.showMessageBox.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    window.close();
    await vi.waitFor(() => expect(electronMock.dialog.showMessageBox).toHaveBeenCalledTimes(1));
    const switchAnswer = windows.ask({ message: 'Open “Harbour Chase” instead?', buttons: ['Open', 'Cancel'] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(electronMock.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    answers[0]?.({ response: 1, checkboxChecked: false });
    await vi.waitFor(() => expect(electronMock.dialog.showMessageBox).toHaveBeenCalledTimes(2));
    answers[1]?.({ response: 0, checkboxChecked: false });
    expect(await switchAnswer).toBe(0);
  });
});
