/**
 * A stand-in for the `electron` module, for the audit's run-time IPC check (runtime-ipc-check.ts):
 * `npm run audit:security` cannot start Electron here, so the app's composition is run in plain
 * Node with `electron` resolved to this module (plain JavaScript: it is loaded by a Node resolve
 * hook, outside tsx). It offers what the composition and the libraries it loads use, and records
 * every listener put on ipcMain (an EventEmitter plus handle/handleOnce in Electron's API), so
 * listeners a dependency adds at run time are seen too.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';

/** @type {Array<{ method: string; channel: string }>} */
export const ipcRegistrations = [];

class RecordingIpcMain extends EventEmitter {}
export const ipcMain = new RecordingIpcMain();
for (const method of ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'handle', 'handleOnce']) {
  ipcMain[method] = (channel) => {
    ipcRegistrations.push({ method, channel: String(channel) });
    return ipcMain;
  };
}
ipcMain.removeHandler = () => undefined;

export const app = Object.assign(new EventEmitter(), {
  getPath: () => tmpdir(),
  getVersion: () => '0.0.0-audit',
  getName: () => 'Castboard',
  isReady: () => true,
  whenReady: () => Promise.resolve(),
});

export const session = {
  fromPartition: () => ({ fetch: (input, init) => globalThis.fetch(input, init) }),
  defaultSession: {},
};

export const safeStorage = {
  getSelectedStorageBackend: () => 'unknown',
  isAsyncEncryptionAvailable: async () => false,
  setUsePlainTextEncryption: () => undefined,
};

/** Only named by the gateway fetch (image downloads); the audit's composition downloads nothing. */
export const net = {};

export const BrowserWindow = { getAllWindows: () => [], getFocusedWindow: () => null };
export const dialog = {};
export const shell = {};
export const Menu = {};

export default { ipcMain, app, session, net, safeStorage, BrowserWindow, dialog, shell, Menu };
