/**
 * The app's composition (desktop-services.ts) on the shared Electron mock, against the fake
 * gateway over real HTTP and a real settings file in a temp folder:
 *  - gateway calls go through Chromium's fetch (a session's fetch, Electron's net.fetch) in the
 *    gateway's own in-memory session, never through Node's fetch or the locked-down default session;
 *  - the composition mounts contract channels with ipcMain.handle only, and nothing (no dependency
 *    either) adds an ipcMain.on listener;
 *  - safeStorage: the asynchronous API, and on Linux without a keyring a key saved anyway (the
 *    artist unticked "session only") is really stored, and read back after a restart.
 * Mock behaviour follows Electron's docs as cited in test/mocks/electron.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import { silentLogger } from '../../../electron/services/logger';
import { channels } from '../../../shared/ipc/contract';
import { startFakeGateway, type FakeGateway } from '../../fakes/gateway/fake-gateway';
import { electronMock, safeStorageState } from '../../mocks/electron';

vi.mock('electron', async () => (await import('../../mocks/electron')).electronMock);
const { createDesktopServices } = await import('../../../electron/main/desktop-services');
const { GATEWAY_PARTITION } = await import('../../../electron/main/adapters/gateway-fetch');

const KEY = 'sk-desktop-key-0042';
let userDataDir: string;
let gateway: FakeGateway;
const opened: Array<{ dispose(): Promise<void> }> = [];

beforeEach(async () => {
  userDataDir = await mkdtemp(path.join(tmpdir(), 'castboard-desktop-'));
  gateway = await startFakeGateway();
  Object.assign(safeStorageState, { backend: 'gnome_libsecret', plainTextAllowed: false, available: true });
  vi.clearAllMocks();
});
afterEach(async () => {
  for (const item of opened.splice(0)) await item.dispose();
  await gateway.close();
  await rm(userDataDir, { recursive: true, force: true });
});

async function compose() {
  const desktop = await createDesktopServices({
    userDataDir,
    logger: silentLogger,
    dispatcher: createDispatcher(silentLogger),
    targets: () => [],
    shell: { setTitleState: vi.fn(), setModalState: vi.fn() },
    appInfo: { version: 'test', platform: 'linux' },
  });
  opened.push({ dispose: async () => {
    desktop.services.generation.dispose();
    await desktop.services.workspace.close().catch(() => undefined);
  } });
  return desktop;
}

describe('the desktop composition', () => {
  it("sends gateway calls through Chromium's fetch in the gateway's own session", async () => {
    const nodeFetch = vi.spyOn(globalThis, 'fetch');
    const { services } = await compose();
    services.settings.update({ gatewayBaseUrl: gateway.url });
    await services.keyVault.set(KEY, { sessionOnly: true });
    const result = await services.testConnection();
    expect(result.ok).toBe(true);
    expect(electronMock.session.fromPartition).toHaveBeenCalledWith(GATEWAY_PARTITION);
    expect(GATEWAY_PARTITION.startsWith('persist:')).toBe(false);
    const gatewaySession = electronMock.session.fromPartition(GATEWAY_PARTITION);
    expect(gatewaySession.fetch).toHaveBeenCalled();
    expect(String(gatewaySession.fetch.mock.calls[0]?.[0] as string | URL)).toContain(new URL(gateway.url).host);
    expect(gateway.requests.length).toBeGreaterThan(0);
    // Node's fetch ran only underneath the mock session, once per session call.
    expect(nodeFetch).toHaveBeenCalledTimes(gatewaySession.fetch.mock.calls.length);
    nodeFetch.mockRestore();
  });

  it('mounts every contract channel with ipcMain.handle and adds no other IPC listener', async () => {
    await compose();
    const handled = electronMock.ipcMain.handle.mock.calls.map(([channel]) => channel).sort();
    expect(handled).toEqual(Object.keys(channels).sort());
    expect(electronMock.ipcMain.on).not.toHaveBeenCalled();
    expect(electronMock.ipcMain.once).not.toHaveBeenCalled();
    expect(electronMock.ipcMain.handleOnce).not.toHaveBeenCalled();
  });

  it('keeps the key with the asynchronous safeStorage API and reads it back after a restart', async () => {
    const first = await compose();
    expect((await first.services.keyVault.set(KEY, { sessionOnly: false })).storage).toBe('encrypted');
    expect(electronMock.safeStorage.encryptStringAsync).toHaveBeenCalledWith(KEY);
    expect(electronMock.safeStorage.encryptString).not.toHaveBeenCalled();
    expect(await readFile(path.join(userDataDir, 'settings.json'), 'utf8')).not.toContain(KEY);

    const restarted = await compose();
    expect(restarted.services.keyVault.status()).toEqual({ hasKey: true, last4: '0042', storage: 'encrypted' });
    expect(electronMock.safeStorage.decryptStringAsync).toHaveBeenCalled();
  });

  it('on Linux without a keyring, stores a key weakly only when the artist saves it anyway', async () => {
    safeStorageState.backend = 'basic_text';
    const first = await compose();
    expect(first.services.keyVault.status().storage).toBe('plain-text-fallback');
    await first.services.keyVault.set(KEY, { sessionOnly: true });
    expect(electronMock.safeStorage.setUsePlainTextEncryption).not.toHaveBeenCalled();

    expect((await first.services.keyVault.set(KEY, { sessionOnly: false })).storage).toBe('plain-text-fallback');
    expect(electronMock.safeStorage.setUsePlainTextEncryption).toHaveBeenCalledWith(true);
    safeStorageState.plainTextAllowed = false; // a new app process starts without it
    const restarted = await compose();
    expect(restarted.services.keyVault.status()).toEqual({ hasKey: true, last4: '0042', storage: 'plain-text-fallback' });
    expect(restarted.services.keyVault.getKey()).toBe(KEY);
  });
});
