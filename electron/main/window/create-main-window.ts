/**
 * The main window: secure preferences, guarded contents, a text-editing context menu, loaded from
 * the app protocol (never a local file URL). It opens where window-state.ts placed it; the title is main's (window-title.ts),
 * so the page's own <title> never overrides it.
 */
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../../../shared/app-urls';
import type { Logger } from '../../services/logger';
import { attachContextMenu } from './context-menu';
import { guardWebContents } from './navigation-guards';
import { APP_NAME } from './window-title';
import type { WindowLimits, WindowPlacement } from './window-state';
import { secureWebPreferences } from './web-preferences';

export const MAIN_WINDOW_LIMITS: WindowLimits = { defaultWidth: 1440, defaultHeight: 900, minWidth: 1024, minHeight: 700 };

export function createMainWindow(options: { preloadPath: string; logger: Logger; placement: WindowPlacement }): BrowserWindow {
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
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => {
    if (options.placement.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
