/**
 * Settings and API-key state. The renderer never holds the key: after `setKey` it forgets the
 * text and keeps only the status main returns ({hasKey, last4, storage}).
 */
import type { StateCreator } from 'zustand';
import type { KeyStatus } from '../../shared/domain/api-key';
import type { ConnectionTest } from '../../shared/domain/gateway';
import type { Settings, SettingsPatch } from '../../shared/domain/settings';
import type { CastboardApi } from '../lib/api';

/** Whether the saved key waits for the artist to confirm a changed gateway address; `message` is main's wording. */
export interface KeyDestinationState {
  baseUrl: string;
  needsConfirmation: boolean;
  message: string | null;
}

export interface SettingsSlice {
  settings: Settings | null;
  keyDestination: KeyDestinationState | null;
  keyStatus: KeyStatus | null;
  connection: { state: 'idle' | 'testing' } | { state: 'done'; result: ConnectionTest };
  loadSettings(): Promise<void>;
  updateSettings(patch: SettingsPatch): Promise<void>;
  saveKey(key: string, sessionOnly: boolean): Promise<void>;
  clearKey(): Promise<void>;
  testConnection(): Promise<void>;
  /** Main shows its own question; the key goes to the new address only if the artist confirms there. */
  confirmBaseUrl(): Promise<void>;
  /** Push events from main keep every window in step. */
  subscribeSettings(): () => void;
}

export const createSettingsSlice =
  (api: CastboardApi): StateCreator<SettingsSlice, [], [], SettingsSlice> =>
  (set, get) => ({
    settings: null,
    keyDestination: null,
    keyStatus: null,
    connection: { state: 'idle' },
    async loadSettings() {
      const [settings, keyStatus, keyDestination] = await Promise.all([api.settings.get(), api.key.status(), api.key.destination()]);
      set({ settings, keyStatus, keyDestination });
    },
    async updateSettings(patch) {
      const before = get().settings?.gatewayBaseUrl;
      const settings = await api.settings.update(patch);
      set({ settings });
      // A new address is untested, and the key waits for the artist's confirmation before going there.
      if (settings.gatewayBaseUrl !== before) set({ connection: { state: 'idle' }, keyDestination: await api.key.destination() });
    },
    async saveKey(key, sessionOnly) {
      set({ keyStatus: await api.key.set({ key, sessionOnly }), connection: { state: 'idle' } });
      set({ keyDestination: await api.key.destination() });
    },
    async confirmBaseUrl() {
      const pending = get().keyDestination;
      if (!pending?.needsConfirmation) return;
      set({ keyDestination: await api.key.confirmBaseUrl({ baseUrl: pending.baseUrl }) });
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
