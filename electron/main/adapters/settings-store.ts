/**
 * The settings file behind the KeyValueStore seam: `<userData>/settings.json`, written by `conf`
 * (the library electron-store wraps; same file, same format, so existing settings carry over).
 * Not electron-store itself: it registers an `ipcMain.on('electron-store-get-data')` listener of
 * its own when constructed, outside the sender-checking registrar, for a renderer-side API
 * Castboard does not use. A settings file that cannot be parsed is left untouched on disk (it may
 * be repairable by hand) and the app runs on defaults held in memory.
 */
import Conf from 'conf';
import type { Logger } from '../../services/logger';
import type { KeyValueStore } from '../../services/settings/settings-service';

export const SETTINGS_FILE_NAME = 'settings';

export function createSettingsStore(options: { directory: string; logger: Logger }): KeyValueStore {
  try {
    const conf = new Conf<Record<string, unknown>>({ cwd: options.directory, configName: SETTINGS_FILE_NAME, projectName: 'castboard', clearInvalidConfig: false });
    return { get: (key) => conf.get(key), set: (key, value) => conf.set(key, value), delete: (key) => conf.delete(key) };
  } catch (error) {
    options.logger.error('Settings file is unreadable; using defaults for this session', { error: String(error) });
    const memory = new Map<string, unknown>();
    return { get: (key) => memory.get(key), set: (key, value) => void memory.set(key, value), delete: (key) => void memory.delete(key) };
  }
}
