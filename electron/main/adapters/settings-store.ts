/**
 * electron-store behind the KeyValueStore seam. A settings file that cannot be parsed is left
 * untouched on disk (it may be repairable by hand) and the app runs on defaults held in memory.
 */
import Store from 'electron-store';
import type { Logger } from '../../services/logger';
import type { KeyValueStore } from '../../services/settings/settings-service';

export function createElectronSettingsStore(logger: Logger): KeyValueStore {
  try {
    return new Store({ name: 'settings', clearInvalidConfig: false });
  } catch (error) {
    logger.error('Settings file is unreadable; using defaults for this session', { error: String(error) });
    const memory = new Map<string, unknown>();
    return { get: (key) => memory.get(key), set: (key, value) => void memory.set(key, value), delete: (key) => void memory.delete(key) };
  }
}
