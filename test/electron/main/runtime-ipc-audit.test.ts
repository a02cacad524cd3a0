/**
 * The audit's run-time IPC check: the app's composition (log file, desktop services, every
 * channel) run on the shared Electron mock leaves ipcMain with one `handle` per contract channel
 * and nothing else; and the check fails on what libraries have done (electron-store's
 * `ipcMain.on('electron-store-get-data')`), on a channel outside the contract, and on a channel
 * mounted twice or not at all. (`npm run audit:security` runs the same composition on
 * electron/tools/audit/electron-stand-in.mjs.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcListenerProblems, type IpcRegistration } from '../../../electron/tools/audit/runtime-ipc-check';
import { channels } from '../../../shared/ipc/contract';
import { electronMock } from '../../mocks/electron';

vi.mock('electron', async () => (await import('../../mocks/electron')).electronMock);
const { runComposition } = await import('../../../electron/tools/audit/runtime-ipc-check');

function recorded(): IpcRegistration[] {
  const { ipcMain } = electronMock;
  return (['handle', 'on', 'once', 'handleOnce'] as const).flatMap((method) => ipcMain[method].mock.calls.map(([channel]) => ({ method, channel: String(channel) })));
}

const everyChannel: IpcRegistration[] = Object.keys(channels).map((channel) => ({ method: 'handle', channel }));

beforeEach(() => {
  vi.clearAllMocks();
});

describe('run-time IPC audit', () => {
  it('passes on the real composition', async () => {
    await runComposition();
    expect(recorded().length).toBe(Object.keys(channels).length);
    expect(ipcListenerProblems(recorded())).toEqual([]);
  });

  it("fails on a library's own listener, a foreign channel, and a channel mounted twice or never", () => {
    expect(ipcListenerProblems([...everyChannel, { method: 'on', channel: 'electron-store-get-data' }])).toEqual([
      "ipcMain.on('electron-store-get-data') was registered outside the sender-checking registrar.",
    ]);
    expect(ipcListenerProblems([...everyChannel, { method: 'handle', channel: 'shell:openExternal' }]).join()).toContain('not a contract channel');
    expect(ipcListenerProblems([...everyChannel, { method: 'handle', channel: 'key:set' }])).toEqual(['Contract channel key:set is mounted 2 times (expected once).']);
    expect(ipcListenerProblems(everyChannel.slice(1)).join()).toContain('mounted 0 times');
  });
});
