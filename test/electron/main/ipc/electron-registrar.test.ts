import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../electron/services/logger';
import { electronMock, invokeEvent, ipcHandlers } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electronMock);

const { createElectronRegistrar } = await import('../../../../electron/main/ipc/electron-registrar');
const { createDispatcher } = await import('../../../../electron/main/ipc/dispatcher');
const { isTrustedSenderUrl } = await import('../../../../electron/main/ipc/sender-policy');

const status = { hasKey: false, last4: null, storage: 'encrypted' as const };

/** The app's one window. */
const contents = { id: 1, isDestroyed: () => false, send: (event: string, payload: unknown) => sent.push([event, payload]) };
let sent: Array<[string, unknown]> = [];

function setup() {
  sent = [];
  const registrar = createElectronRegistrar({
    dispatcher: createDispatcher(silentLogger),
    logger: silentLogger,
    targets: () => [contents as never],
  });
  return { registrar, sent };
}

/** A call from the app's window, its top-level frame at `url`. */
const fromWindow = (url: string | null) => invokeEvent(url, contents);

beforeEach(() => {
  ipcHandlers.clear();
  electronMock.ipcMain.handle.mockClear();
});

describe('Electron IPC registrar', () => {
  it('mounts each channel on ipcMain.handle', () => {
    const { registrar } = setup();
    registrar.handle('key:status', () => status);
    expect(electronMock.ipcMain.handle).toHaveBeenCalledWith('key:status', expect.any(Function));
  });

  it('answers calls from the app origin', async () => {
    const { registrar } = setup();
    registrar.handle('key:status', () => status);
    const answer = await ipcHandlers.get('key:status')?.(fromWindow('castboard://app/index.html'), undefined);
    expect(answer).toEqual({ ok: true, value: status });
  });

  it('refuses the app origin in an iframe of the window, and from a web contents that is not an app window', async () => {
    const { registrar } = setup();
    const handler = vi.fn(() => status);
    registrar.handle('key:status', handler);
    const call = ipcHandlers.get('key:status');
    const stranger = { id: 2, isDestroyed: () => false, send: () => undefined };
    for (const event of [invokeEvent('castboard://app/index.html', contents, true), invokeEvent('castboard://app/index.html', stranger)]) {
      expect(await call?.(event, undefined)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    'https://evil.example/index.html',
    'file:///home/artist/index.html',
    'castboard://evil/index.html',
    'castboard://app.evil.example/',
    'http://127.0.0.1:5173/',
    null,
  ])('refuses a call from %s without running the handler', async (url) => {
    const { registrar } = setup();
    const handler = vi.fn(() => status);
    registrar.handle('key:status', handler);
    const answer = await ipcHandlers.get('key:status')?.(fromWindow(url), undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('parses payloads from trusted senders too', async () => {
    const { registrar } = setup();
    const handler = vi.fn(() => status);
    registrar.handle('key:set', handler);
    const answer = await ipcHandlers.get('key:set')?.(fromWindow('castboard://app/index.html'), { key: 1 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('pushes validated events to the windows', () => {
    const { registrar, sent } = setup();
    registrar.push('key:changed', status);
    expect(sent).toEqual([['key:changed', status]]);
    expect(() => registrar.push('key:changed', { hasKey: 'no' } as never)).toThrow();
  });

  it('trusts only the castboard://app origin', () => {
    expect(isTrustedSenderUrl('castboard://app/')).toBe(true);
    expect(isTrustedSenderUrl('castboard://user:pw@app/')).toBe(false);
    expect(isTrustedSenderUrl('not a url')).toBe(false);
  });
});
