/**
 * The one shared stand-in for the `electron` module (its binary is never present here). Use with
 * a factory so the real module is never loaded:
 *   vi.mock('electron', async () => (await import('../../mocks/electron')).electronMock);
 */
import { EventEmitter } from 'node:events';
import { request as httpRequest } from 'node:http';
import { vi } from 'vitest';

type InvokeHandler = (event: unknown, payload: unknown) => unknown;

export const ipcHandlers = new Map<string, InvokeHandler>();

/**
 * A BrowserWindow stand-in: records its options, emits events like Electron's (a 'close' event can
 * be cancelled with preventDefault), and keeps every instance in `FakeBrowserWindow.instances`.
 */
export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = vi.fn(() => FakeBrowserWindow.instances.filter((window) => !window.destroyed));
  static getFocusedWindow = vi.fn(() => null);
  destroyed = false;
  title = '';
  maximized = false;
  minimized = false;
  loadedUrl: string | null = null;
  /**
   * undo()/redo(): "Executes the editing command undo/redo in web page" (Electron webContents
   * docs): they act on whatever field has focus in the page and return nothing; recorded here.
   */
  readonly webContents = Object.assign(new EventEmitter(), {
    setWindowOpenHandler: vi.fn(),
    isDestroyed: () => false,
    send: vi.fn(),
    undo: vi.fn(),
    redo: vi.fn(),
    /** "Executes the editing command replaceMisspelling in page" (webContents docs). */
    replaceMisspelling: vi.fn(),
    /** The window's session; addWordToSpellCheckerDictionary returns whether the word was added (session docs). */
    session: { addWordToSpellCheckerDictionary: vi.fn(() => true) },
  });
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => void (this.minimized = false));
  readonly setDocumentEdited = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  setTitle(title: string): void {
    this.title = title;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds() {
    const { x = 0, y = 0, width = 800, height = 600 } = this.options as Record<string, number>;
    return { x, y, width, height };
  }
  /** Like Electron: emits a cancellable 'close', and closes unless a listener prevented it. */
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => void (prevented = true) });
    if (!prevented) {
      this.destroyed = true;
      this.emit('closed');
    }
  }
}

/**
 * safeStorage, following Electron's safe-storage docs: the asynchronous API resolves (encryption
 * available, Buffers, `{ shouldReEncrypt, result }`); on Linux the `basic_text` backend (no
 * keyring) only encrypts once setUsePlainTextEncryption(true) was called. `state` sets the machine.
 */
export const safeStorageState = { backend: 'gnome_libsecret' as string, plainTextAllowed: false, available: true };
const usable = () => safeStorageState.available && (safeStorageState.backend !== 'basic_text' || safeStorageState.plainTextAllowed);
const encryptBytes = (text: string) => {
  if (!usable()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
  return Buffer.from(`enc:${text}`);
};
const decryptBytes = (buffer: Buffer) => {
  if (!usable()) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
  return buffer.toString().replace(/^enc:/, '');
};

/**
 * A session: `fetch` is Chromium's fetch (net.fetch docs: "similarly to how fetch() works in the
 * renderer"), here Node's, except where Electron's differs: under `redirect: 'manual'` a redirect
 * is not answered but rejected (Electron's lib/browser/api/net-fetch.ts hands the mode to a
 * ClientRequest and never answers its redirect event, which cancels the request; electron#43715).
 */
export function fakeSession(partition: string) {
  return {
    partition,
    fetch: vi.fn(async (input: string | Request, init?: RequestInit) => {
      const response = await globalThis.fetch(input, init);
      if (init?.redirect === 'manual' && response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        throw new Error('Redirect was cancelled');
      }
      return response;
    }),
  };
}

/**
 * Electron's ClientRequest (net.request) over Node's http: 'redirect' (statusCode, method,
 * redirectUrl, headers) under `redirect: 'manual'`, else 'response' with a Readable message
 * (statusCode, statusMessage, headers), 'error' on a network failure. Follows nothing.
 */
export class FakeClientRequest extends EventEmitter {
  static made: FakeClientRequest[] = [];
  #request: ReturnType<typeof httpRequest> | null = null;
  aborted = false;
  constructor(readonly options: { url: string; method?: string; redirect?: string; session?: unknown }) {
    super();
    FakeClientRequest.made.push(this);
  }
  end(): void {
    const { url, method = 'GET', redirect = 'follow' } = this.options;
    this.#request = httpRequest(url, { method }, (message) => {
      const location = message.headers.location;
      if (redirect === 'manual' && message.statusCode && message.statusCode >= 300 && message.statusCode < 400 && location) {
        message.resume();
        this.emit('redirect', message.statusCode, method, new URL(location, url).href, message.headers);
        return;
      }
      this.emit('response', message);
    });
    this.#request.on('error', (error) => {
      if (!this.aborted) this.emit('error', error);
    });
    this.#request.end();
  }
  abort(): void {
    this.aborted = true;
    this.#request?.destroy();
  }
}
const partitions = new Map<string, ReturnType<typeof fakeSession>>();

export const electronMock = {
  ipcMain: {
    handle: vi.fn((channel: string, handler: InvokeHandler) => {
      ipcHandlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
    /** ipcMain is an EventEmitter: `on` adds a listener (what electron-store 12 does when constructed). */
    on: vi.fn(),
    once: vi.fn(),
    handleOnce: vi.fn(),
  },
  /** fromPartition returns the same session for the same partition string (Electron's session docs). */
  session: {
    fromPartition: vi.fn((partition: string) => partitions.get(partition) ?? partitions.set(partition, fakeSession(partition)).get(partition)!),
  },
  app: Object.assign(new EventEmitter(), {
    getVersion: () => '0.0.0-test',
    whenReady: () => Promise.resolve(),
    isReady: vi.fn(() => true),
    quit: vi.fn(),
  }),
  BrowserWindow: FakeBrowserWindow,
  safeStorage: {
    isEncryptionAvailable: vi.fn(() => usable()),
    getSelectedStorageBackend: vi.fn(() => safeStorageState.backend),
    setUsePlainTextEncryption: vi.fn((allowed: boolean) => void (safeStorageState.plainTextAllowed = allowed)),
    encryptString: vi.fn(encryptBytes),
    decryptString: vi.fn(decryptBytes),
    isAsyncEncryptionAvailable: vi.fn(async () => usable()),
    encryptStringAsync: vi.fn(async (text: string) => encryptBytes(text)),
    decryptStringAsync: vi.fn(async (buffer: Buffer) => ({ shouldReEncrypt: false, result: decryptBytes(buffer) })),
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { request: vi.fn((options: ConstructorParameters<typeof FakeClientRequest>[0]) => new FakeClientRequest(options)) },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) },
  /** buildFromTemplate keeps the template so tests can inspect what was installed. */
  Menu: {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template, popup: vi.fn() })),
    setApplicationMenu: vi.fn(),
  },
  shell: { openPath: vi.fn(async () => '') },
  screen: {
    getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1050 } }]),
    getPrimaryDisplay: vi.fn(() => ({ workArea: { x: 0, y: 0, width: 1920, height: 1050 } })),
  },
};

/** A fake IpcMainInvokeEvent from a frame at `url`. */
/**
 * An ipcMain.handle event from `sender` (a window's web contents), sent by its top-level frame at
 * `url`, or by a sub-frame when `subFrame` is set.
 */
export function invokeEvent(url: string | null, sender: unknown = null, subFrame = false): unknown {
  return { sender, senderFrame: url === null ? null : { url, parent: subFrame ? { url } : null } };
}
