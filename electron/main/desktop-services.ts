/**
 * The app's services with the desktop's adapters, and their IPC channels mounted: settings in
 * `<userData>/settings.json` (conf), the key encrypted by safeStorage (asynchronous API, loaded
 * before any window asks), native dialogs, gateway calls through Chromium's network stack
 * (adapters/gateway-fetch.ts: system proxy and certificates), and every channel on the
 * sender-checking Electron registrar. Nothing here registers an IPC listener of its own; the
 * security audit runs this composition on a stand-in ipcMain to prove it.
 */
import type { WebContents } from 'electron';
import type { Logger } from '../services/logger';
import type { KeyValueStore } from '../services/settings/settings-service';
import { createGatewayFetch } from './adapters/gateway-fetch';
import { createNativeDialogs } from './adapters/native-dialogs';
import { createElectronShell } from './adapters/shell';
import { createSafeStorageCipher, createStoredSecret } from './adapters/safe-storage-cipher';
import { createSettingsStore } from './adapters/settings-store';
import { createAppServices, type AppServices } from './app-services';
import type { Dispatcher } from './ipc/dispatcher';
import { createElectronRegistrar } from './ipc/electron-registrar';
import { registerAll } from './ipc/register-all';
import type { WindowShell } from './ipc/register-app';
import type { Registrar } from './ipc/registrar';

export interface DesktopServicesOptions {
  userDataDir: string;
  logger: Logger;
  dispatcher: Dispatcher;
  /** The windows that receive push events. */
  targets: () => WebContents[];
  shell: WindowShell;
  appInfo: { version: string; platform: string };
}

export interface DesktopServices {
  services: AppServices;
  registrar: Registrar;
  settingsStore: KeyValueStore;
}

export async function createDesktopServices(options: DesktopServicesOptions): Promise<DesktopServices> {
  const { logger } = options;
  const settingsStore = createSettingsStore({ directory: options.userDataDir, logger });
  const registrar = createElectronRegistrar({ dispatcher: options.dispatcher, logger, targets: options.targets });
  const services = createAppServices(
    {
      settingsStore,
      cipher: await createSafeStorageCipher(),
      secretPersistence: createStoredSecret(settingsStore),
      logger,
      dialogs: createNativeDialogs(),
      shell: createElectronShell(),
      appInfo: options.appInfo,
      fetch: createGatewayFetch(),
    },
    registrar,
  );
  await services.keyVault.load();
  registerAll(registrar, services, options.shell);
  return { services, registrar, settingsStore };
}
