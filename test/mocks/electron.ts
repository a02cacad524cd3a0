/**
 * The one shared stand-in for the `electron` module (its binary is never present here). Use with
 * a factory so the real module is never loaded:
 *   vi.mock('electron', async () => (await import('../../mocks/electron')).electronMock);
 */
import { vi } from 'vitest';

type InvokeHandler = (event: unknown, payload: unknown) => unknown;

export const ipcHandlers = new Map<string, InvokeHandler>();

export const electronMock = {
  ipcMain: {
    handle: vi.fn((channel: string, handler: InvokeHandler) => {
      ipcHandlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
  },
  app: { getVersion: () => '0.0.0-test', on: vi.fn(), whenReady: () => Promise.resolve() },
  BrowserWindow: { getAllWindows: () => [], getFocusedWindow: () => null },
  safeStorage: {
    isEncryptionAvailable: vi.fn(() => true),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    encryptString: vi.fn((text: string) => Buffer.from(`enc:${text}`)),
    decryptString: vi.fn((buffer: Buffer) => buffer.toString().replace(/^enc:/, '')),
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
};

/** A fake IpcMainInvokeEvent from a frame at `url`. */
export function invokeEvent(url: string | null): unknown {
  return { senderFrame: url === null ? null : { url } };
}
