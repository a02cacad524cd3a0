/**
 * The main window: secure preferences, guarded contents, a text-editing context menu, loaded from
 * the app protocol (never a local file URL), and loaded again if its renderer process dies
 * (page-recovery.ts). It opens where window-state.ts placed it; the title is main's
 * (window-title.ts), so the page's own <title> never overrides it.
 */
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../../../shared/app-urls';
import type { Logger } from '../../services/logger';
import { attachContextMenu } from './context-menu';
import { guardWebContents } from './navigation-guards';
import { recoverCrashedPage } from './page-recovery';
import { APP_NAME } from './window-title';
import type { WindowLimits, WindowPlacement } from './window-state';
import { secureWebPreferences } from './web-preferences';

export const MAIN_WINDOW_LIMITS: WindowLimits = { defaultWidth: 1440, defaultHeight: 900, minWidth: 1024, minHeight: 700 };

export interface MainWindowOptions {
  preloadPath: string;
  logger: Logger;
  placement: WindowPlacement;
  /** The page's renderer process died (it is reloaded when that makes sense, page-recovery.ts). */
  onPageGone?: () => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.placement.bounds,
    minWidth: MAIN_WINDOW_LIMITS.minWidth,
    minHeight: MAIN_WINDOW_LIMITS.minHeight,
    show: false,
    title: APP_NAME,
    backgroundColor: '#14151a',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  guardWebContents(window.webContents, options.logger);
  attachContextMenu(window);
  recoverCrashedPage(window, { url: APP_ENTRY_URL, logger: options.logger, onGone: options.onPageGone });
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => {
    if (options.placement.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
