/**
 * Settings and API-key state. The renderer never holds the key: after `setKey` it forgets the
 * text and keeps only the status main returns ({hasKey, last4, storage}).
 */
import type { StateCreator } from 'zustand';
import type { KeyStatus } from '../../../shared/domain/api-key';
import type { ConnectionTest } from '../../../shared/domain/gateway';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import type { CastboardApi } from '../../lib/api';

export interface SettingsSlice {
  settings: Settings | null;
  keyStatus: KeyStatus | null;
  connection: { state: 'idle' | 'testing' } | { state: 'done'; result: ConnectionTest };
  loadSettings(): Promise<void>;
  updateSettings(patch: SettingsPatch): Promise<void>;
  saveKey(key: string, sessionOnly: boolean): Promise<void>;
  clearKey(): Promise<void>;
  testConnection(): Promise<void>;
  /** Push events from main keep every window in step. */
  subscribeSettings(): () => void;
}

export const createSettingsSlice =
  (api: CastboardApi): StateCreator<SettingsSlice, [], [], SettingsSlice> =>
  (set) => ({
    settings: null,
    keyStatus: null,
    connection: { state: 'idle' },
    async loadSettings() {
      const [settings, keyStatus] = await Promise.all([api.settings.get(), api.key.status()]);
      set({ settings, keyStatus });
    },
    async updateSettings(patch) {
      set({ settings: await api.settings.update(patch) });
    },
    async saveKey(key, sessionOnly) {
      set({ keyStatus: await api.key.set({ key, sessionOnly }), connection: { state: 'idle' } });
    },
    async clearKey() {
      set({ keyStatus: await api.key.clear(), connection: { state: 'idle' } });
    },
    async testConnection() {
      set({ connection: { state: 'testing' } });
      try {
        set({ connection: { state: 'done', result: await api.key.test() } });
      } catch (error) {
        set({ connection: { state: 'idle' } });
        throw error;
      }
    },
    subscribeSettings() {
      const offSettings = api.on('settings:changed', (settings) => set({ settings }));
      const offKey = api.on('key:changed', (keyStatus) => set({ keyStatus }));
      return () => {
        offSettings();
        offKey();
      };
    },
  });
