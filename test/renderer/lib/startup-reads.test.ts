/**
 * The start-up reads leave when the bridge is built, before the page's code runs
 * (shared/ipc/startup-reads.ts): each answer goes to the first matching call only, through the
 * same API checks; anything else, and any later call, asks main again. And they are exactly the
 * reads the store's boot makes, so no early answer goes unused.
 */
import { describe, expect, it } from 'vitest';
import type { Transport } from '../../../shared/ipc/create-api';
import { createApi } from '../../../shared/ipc/create-api';
import { sendingStartupReads, STARTUP_READS } from '../../../shared/ipc/startup-reads';
import { createKit, sampleProject } from '../store-kit';

const status = { hasKey: true, last4: '9f3a', storage: 'encrypted' as const };

/**
 * Answers key:status with the call's number in last4, so a test can tell which call an answer came
 * from; the first `failures` calls fail the way `how` says.
 */
function recordingTransport(calls: Array<[string, unknown]>, failures = 0, how: 'refused' | 'unreachable' = 'unreachable'): Transport {
  return {
    invoke: (channel, payload) => {
      calls.push([channel, payload]);
      if (calls.length <= failures) {
        return how === 'refused' ? Promise.resolve({ ok: false, error: { code: 'UNKNOWN_SENDER', message: 'This window is not allowed to talk to Castboard.' } }) : Promise.reject(new Error('socket closed'));
      }
      return Promise.resolve({ ok: true, value: channel === 'key:status' ? { ...status, last4: String(calls.length).padStart(4, '0') } : null });
    },
    subscribe: () => () => undefined,
    mediaBaseUrl: 'castboard-media://project/',
  };
}

describe('start-up reads', () => {
  it('leave the moment the bridge is built: the six reads at once, without a payload, and nothing else', () => {
    const calls: Array<[string, unknown]> = [];
    sendingStartupReads(recordingTransport(calls));
    expect(calls.map(([channel]) => channel).sort()).toEqual(['jobs:snapshot', 'key:destination', 'key:status', 'project:current', 'project:recent', 'settings:get']);
    expect(calls.every(([, payload]) => payload === undefined)).toBe(true);
  });

  it('hand each early answer to the first call only; later calls and calls with a payload ask main', async () => {
    const calls: Array<[string, unknown]> = [];
    const api = createApi(sendingStartupReads(recordingTransport(calls)));
    const sentEarly = calls.length;
    const keyStatusPosition = calls.findIndex(([channel]) => channel === 'key:status') + 1;

    await expect(api.key.status()).resolves.toEqual({ ...status, last4: String(keyStatusPosition).padStart(4, '0') });
    expect(calls).toHaveLength(sentEarly);
    await expect(api.key.status()).resolves.toEqual({ ...status, last4: String(sentEarly + 1).padStart(4, '0') });
    expect(calls).toHaveLength(sentEarly + 1);
    await api.project.openRecent({ path: '/boards/Harbour Chase.castboard' }).catch(() => undefined);
    expect(calls.at(-1)).toEqual(['project:openRecent', { path: '/boards/Harbour Chase.castboard' }]);
  });

  it('ask a failed early read once more when the page asks, and leave no unhandled rejection while nobody asks', async () => {
    for (const how of ['refused', 'unreachable'] as const) {
      const calls: Array<[string, unknown]> = [];
      const api = createApi(sendingStartupReads(recordingTransport(calls, STARTUP_READS.length, how)));
      await new Promise((resolve) => setTimeout(resolve, 0));
      await expect(api.key.status(), how).resolves.toEqual({ ...status, last4: String(STARTUP_READS.length + 1).padStart(4, '0') });
      expect(calls.filter(([channel]) => channel === 'key:status'), how).toHaveLength(2);
    }
    const failing = createApi(sendingStartupReads(recordingTransport([], Number.POSITIVE_INFINITY)));
    await expect(failing.settings.get()).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('lost contact') });
  });

  it('are the reads the store makes when it boots, each once and without a payload', async () => {
    const kit = createKit({ project: sampleProject(2) });
    await kit.store.getState().boot();
    for (const channel of STARTUP_READS) expect(kit.callsTo(channel), channel).toEqual([undefined]);
  });
});
