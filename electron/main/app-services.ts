/**
 * Builds the Electron-free services from adapters. The Electron composition root (index.ts) and
 * the browser harness both call this, with real or temp-folder adapters, so the harness runs the
 * very services the app runs.
 */
import type { ConnectionTest } from '../../shared/domain/gateway';
import type { DialogPort } from '../services/dialogs';
import { testGatewayConnection } from '../services/gateway/connection-test';
import type { Logger } from '../services/logger';
import { createKeyVault, type KeyVault, type SecretCipher, type SecretPersistence } from '../services/secrets/key-vault';
import { createSettingsService, type KeyValueStore, type SettingsService } from '../services/settings/settings-service';

export interface AppAdapters {
  settingsStore: KeyValueStore;
  cipher: SecretCipher;
  secretPersistence: SecretPersistence;
  logger: Logger;
  dialogs: DialogPort;
  appInfo: { version: string; platform: string };
  /** The fetch used for gateway calls (tests and the harness may wrap it to record traffic). */
  fetch?: typeof globalThis.fetch;
}

export interface AppServices {
  readonly appInfo: AppAdapters['appInfo'];
  readonly logger: Logger;
  readonly dialogs: DialogPort;
  readonly settings: SettingsService;
  readonly keyVault: KeyVault;
  testConnection(): Promise<ConnectionTest>;
  /** Folder of the open project (media is served only from here); null when none is open. */
  projectRoot(): string | null;
  setProjectRoot(root: string | null): void;
}

export function createAppServices(adapters: AppAdapters): AppServices {
  const settings = createSettingsService(adapters.settingsStore);
  const keyVault = createKeyVault({ cipher: adapters.cipher, persistence: adapters.secretPersistence, logger: adapters.logger });
  let projectRoot: string | null = null;
  return {
    appInfo: adapters.appInfo,
    logger: adapters.logger,
    dialogs: adapters.dialogs,
    settings,
    keyVault,
    testConnection: () =>
      testGatewayConnection({ baseUrl: settings.get().gatewayBaseUrl, apiKey: keyVault.getKey(), fetch: adapters.fetch }),
    projectRoot: () => projectRoot,
    setProjectRoot: (root) => {
      projectRoot = root;
    },
  };
}
