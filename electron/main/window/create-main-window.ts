/** The main window: secure preferences, guarded contents, loaded from the app protocol (never file://). */
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../../../shared/app-urls';
import type { Logger } from '../../services/logger';
import { guardWebContents } from './navigation-guards';
import { secureWebPreferences } from './web-preferences';

export function createMainWindow(options: { preloadPath: string; logger: Logger }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Castboard',
    backgroundColor: '#14151a',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  guardWebContents(window.webContents, options.logger);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
