/**
 * The start-up reads leave when the bundle starts to run (renderer/lib/early-requests.ts): each
 * answer goes to the first matching call only, through the same API checks; anything else, and
 * any later call, asks main again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Transport } from '../../../shared/ipc/create-api';
import { createApi } from '../../../shared/ipc/create-api';
import { createKit, sampleProject } from '../store-kit';

const status = { hasKey: true, last4: '9f3a', storage: 'encrypted' as const };

function recordingBridge(calls: Array<[string, unknown]>): Transport {
  return {
    invoke: (channel, payload) => {
      calls.push([channel, payload]);
      return Promise.resolve({ ok: true, value: channel === 'key:status' ? { ...status, last4: String(calls.length).padStart(4, '0') } : null });
    },
    subscribe: () => () => undefined,
    mediaBaseUrl: 'castboard-media://project/',
  };
}

afterEach(() => {
  delete (window as { castboard?: Transport }).castboard;
  vi.resetModules();
});

describe('early start-up reads', () => {
  it('sends the six start-up reads at once, without a payload, and nothing else', async () => {
    const calls: Array<[string, unknown]> = [];
    Object.defineProperty(window, 'castboard', { value: recordingBridge(calls), configurable: true });
    await import('../../../renderer/lib/early-requests');
    expect(calls.map(([channel]) => channel).sort()).toEqual(['jobs:snapshot', 'key:destination', 'key:status', 'project:current', 'project:recent', 'settings:get']);
    expect(calls.every(([, payload]) => payload === undefined)).toBe(true);
  });

  it('hands each early answer to the first call only; later calls and calls with a payload ask main', async () => {
    const calls: Array<[string, unknown]> = [];
    const bridge = recordingBridge(calls);
    Object.defineProperty(window, 'castboard', { value: bridge, configurable: true });
    const { withEarlyAnswers } = await import('../../../renderer/lib/early-requests');
    const api = createApi(withEarlyAnswers(bridge));
    const sentEarly = calls.length;
    const keyStatusPosition = calls.findIndex(([channel]) => channel === 'key:status') + 1;

    await expect(api.key.status()).resolves.toEqual({ ...status, last4: String(keyStatusPosition).padStart(4, '0') });
    expect(calls).toHaveLength(sentEarly);
    await expect(api.key.status()).resolves.toEqual({ ...status, last4: String(sentEarly + 1).padStart(4, '0') });
    expect(calls).toHaveLength(sentEarly + 1);
    await api.project.openRecent({ path: '/boards/Harbour Chase.castboard' }).catch(() => undefined);
    expect(calls.at(-1)).toEqual(['project:openRecent', { path: '/boards/Harbour Chase.castboard' }]);
  });

  it('are the reads the store makes when it boots, each once and without a payload, so no early answer goes unused', async () => {
    const { STARTUP_READS } = await import('../../../renderer/lib/early-requests');
    const kit = createKit({ project: sampleProject(2) });
    await kit.store.getState().boot();
    for (const channel of STARTUP_READS) expect(kit.callsTo(channel), channel).toEqual([undefined]);
  });
});
