import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../electron/services/logger';
import { electronMock, invokeEvent, ipcHandlers } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electronMock);

const { createElectronRegistrar } = await import('../../../../electron/main/ipc/electron-registrar');
const { createDispatcher } = await import('../../../../electron/main/ipc/dispatcher');
const { isTrustedSenderUrl } = await import('../../../../electron/main/ipc/sender-policy');

const status = { hasKey: false, last4: null, storage: 'encrypted' as const };

function setup() {
  const sent: Array<[string, unknown]> = [];
  const contents = { isDestroyed: () => false, send: (event: string, payload: unknown) => sent.push([event, payload]) };
  const registrar = createElectronRegistrar({
    dispatcher: createDispatcher(silentLogger),
    logger: silentLogger,
    targets: () => [contents as never],
  });
  return { registrar, sent };
}

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
    const answer = await ipcHandlers.get('key:status')?.(invokeEvent('castboard://app/index.html'), undefined);
    expect(answer).toEqual({ ok: true, value: status });
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
    const answer = await ipcHandlers.get('key:status')?.(invokeEvent(url), undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SENDER' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('parses payloads from trusted senders too', async () => {
    const { registrar } = setup();
    const handler = vi.fn(() => status);
    registrar.handle('key:set', handler);
    const answer = await ipcHandlers.get('key:set')?.(invokeEvent('castboard://app/index.html'), { key: 1 });
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
