/**
 * Composition root: adapters -> services -> IPC -> window. Kept small; each feature mounts its
 * channels through one register*() call in ipc/register-all.ts.
 */
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import { consoleLogger } from '../services/logger';
import { createMediaHandler } from '../services/serving/media-handler';
import { createStaticHandler } from '../services/serving/static-handler';
import { createNativeDialogs } from './adapters/native-dialogs';
import { createSafeStorageCipher, createStoredSecret } from './adapters/safe-storage-cipher';
import { mountProtocols, registerPrivilegedSchemes } from './adapters/protocols';
import { createElectronSettingsStore } from './adapters/settings-store';
import { createAppServices } from './app-services';
import { createDispatcher } from './ipc/dispatcher';
import { createElectronRegistrar } from './ipc/electron-registrar';
import { registerAll } from './ipc/register-all';
import { createMainWindow } from './window/create-main-window';
import { guardWebContents } from './window/navigation-guards';
import { lockDownSession } from './window/session-guards';

const logger = consoleLogger;
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

app.enableSandbox();
registerPrivilegedSchemes();
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, logger));

async function start(): Promise<void> {
  await app.whenReady();
  const settingsStore = createElectronSettingsStore(logger);
  const registrar = createElectronRegistrar({
    dispatcher: createDispatcher(logger),
    logger,
    targets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
  });
  const services = createAppServices({
    settingsStore,
    cipher: createSafeStorageCipher(),
    secretPersistence: createStoredSecret(settingsStore),
    logger,
    dialogs: createNativeDialogs(),
    appInfo: { version: app.getVersion(), platform: process.platform },
  }, registrar);

  lockDownSession(session.defaultSession, logger);
  mountProtocols(session.defaultSession, {
    app: createStaticHandler({ root: rendererDir }),
    media: createMediaHandler({ getProjectRoot: services.workspace.root, prepare: services.workspace.prepareMedia }),
  });
  registerAll(registrar, services);

  createMainWindow({ preloadPath, logger });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow({ preloadPath, logger });
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((error: unknown) => {
  logger.error('Castboard failed to start', { error: String(error) });
  app.exit(1);
});
