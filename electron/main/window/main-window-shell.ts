/**
 * Everything about the one main window, composed: where it opens (window-state.ts), its title
 * (window-title.ts), the question before it closes (close-guard.ts), and bringing it forward when
 * the OS or a second launch hands Castboard a project. A quit (Cmd+Q, File > Quit) waits for the
 * close guard; if the artist chooses to stay, the quit is forgotten, otherwise it resumes once the
 * window has closed (macOS would otherwise keep the app running without a window). Questions are
 * asked one at a time: a project handed by the OS while the close question is up waits for its
 * answer instead of stacking a second box over it.
 */
import { app, BrowserWindow, dialog, screen, type MessageBoxOptions } from 'electron';
import PQueue from 'p-queue';
import type { Logger } from '../../services/logger';
import type { KeyValueStore } from '../../services/settings/settings-service';
import { guardWindowClose, type CloseGuardDeps } from './close-guard';
import { createMainWindow, MAIN_WINDOW_LIMITS } from './create-main-window';
import { placeWindow, readWindowState, trackWindowState } from './window-state';
import type { TitleKeeper } from './window-title';

export interface MainWindowShellDeps {
  preloadPath: string;
  logger: Logger;
  settingsStore: KeyValueStore;
  title: TitleKeeper;
  /** What is at stake and how to wrap up before the window closes. */
  guard: Pick<CloseGuardDeps, 'facts' | 'handedEdits' | 'finish'>;
  onClosed: () => void;
  /** The window's page died (its renderer process); it no longer listens for commands. */
  onPageGone?: () => void;
}

export interface MainWindowShell {
  open: () => BrowserWindow;
  /** Restores and focuses the window, opening one if there is none. */
  focus: () => void;
  /** A native message box attached to the window; resolves to the button index. */
  ask: (options: MessageBoxOptions) => Promise<number>;
}

export function createMainWindowShell(deps: MainWindowShellDeps): MainWindowShell {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  const current = (): BrowserWindow | undefined => BrowserWindow.getAllWindows()[0];
  const questions = new PQueue({ concurrency: 1 });

  async function ask(options: MessageBoxOptions, parent = current()): Promise<number> {
    return questions.add(async () => {
      const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
      return response;
    });
  }

  /** Restores a minimized window and brings it forward. */
  function reveal(window: BrowserWindow): void {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  function open(): BrowserWindow {
    const displays = screen.getAllDisplays().map((display) => display.workArea);
    const placement = placeWindow(readWindowState(deps.settingsStore), displays, screen.getPrimaryDisplay().workArea, MAIN_WINDOW_LIMITS);
    const window = createMainWindow({ preloadPath: deps.preloadPath, logger: deps.logger, placement, onPageGone: deps.onPageGone });
    trackWindowState(window, deps.settingsStore);
    deps.title.apply(window);
    guardWindowClose(window, {
      ...deps.guard,
      // Closed while minimized (taskbar menu, Dock Quit, Cmd+Q): the question is a sheet on macOS
      // and an owned window on Windows, both invisible on a minimized window, so the close or
      // quit would seem ignored. The window comes forward first.
      ask: (options) => {
        reveal(window);
        return ask(options, window);
      },
      onStay: () => void (quitting = false),
      onClosed: () => {
        deps.onClosed();
        if (quitting) app.quit();
      },
    });
    return window;
  }

  return {
    open,
    focus() {
      if (!app.isReady()) return;
      reveal(current() ?? open());
    },
    ask: (options) => ask(options),
  };
}
