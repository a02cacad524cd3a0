/**
 * Reads and updates app settings in a key-value store (conf in the app, a temp-folder conf in tests:
 * same file format). Reading never fails: a field that is missing or damaged falls back to its
 * default on its own, so one bad value does not reset the others.
 */
import { SettingsSchema, type Settings, type SettingsPatch } from '../../../shared/domain/settings';

/** The part of conf the settings need. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

const SETTINGS_KEY = 'settings';

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

function readLeniently(raw: unknown): Settings {
  const stored = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const fields = Object.entries(SettingsSchema.shape).map(([name, schema]) => {
    const parsed = schema.safeParse(stored[name]);
    return [name, parsed.success ? parsed.data : schema.parse(undefined)];
  });
  return SettingsSchema.parse(Object.fromEntries(fields));
}

export function createSettingsService(store: KeyValueStore, onChange?: (settings: Settings) => void): SettingsService {
  return {
    get: () => readLeniently(store.get(SETTINGS_KEY)),
    update(patch) {
      const next = SettingsSchema.parse({ ...readLeniently(store.get(SETTINGS_KEY)), ...patch });
      store.set(SETTINGS_KEY, next);
      onChange?.(next);
      return next;
    },
  };
}
