import { describe, expect, it, vi } from 'vitest';
import { CastboardError } from '../../../shared/errors';
import { channels, events } from '../../../shared/ipc/contract';
import { createApi, type Transport } from '../../../shared/ipc/create-api';
import { createEmptyProject, createPanel } from '../../../shared/domain/project-edit';

function transportAnswering(answer: unknown, calls: Array<[string, unknown]> = []): Transport {
  return {
    invoke: async (channel, payload) => {
      calls.push([channel, payload]);
      return answer;
    },
    subscribe: () => () => {},
    mediaBaseUrl: 'castboard-media://project/',
  };
}

describe('contract schemas', () => {
  it('accepts a valid settings patch and normalises the URL', () => {
    const parsed = channels['settings:update'].request.parse({ gatewayBaseUrl: 'https://gw.example/v1/', concurrency: 6 });
    expect(parsed).toEqual({ gatewayBaseUrl: 'https://gw.example/v1', concurrency: 6 });
  });

  it.each([
    [{ concurrency: 0 }, 'concurrency'],
    [{ concurrency: 2.5 }, 'concurrency'],
    [{ gatewayBaseUrl: 'ftp://gw.example' }, 'gatewayBaseUrl'],
    [{ gatewayBaseUrl: 'not a url' }, 'gatewayBaseUrl'],
    [{ pricePerImageCents: -1 }, 'pricePerImageCents'],
    [{ surprise: true }, ''],
  ])('rejects the settings patch %j', (patch, field) => {
    const result = channels['settings:update'].request.safeParse(patch);
    expect(result.success).toBe(false);
    if (field) expect(result.error?.issues[0]?.path).toContain(field);
  });

  it('rejects keys that are too short, too long or contain spaces', () => {
    const request = channels['key:set'].request;
    expect(request.safeParse({ key: 'abc' }).success).toBe(false);
    expect(request.safeParse({ key: 'x'.repeat(600) }).success).toBe(false);
    expect(request.safeParse({ key: 'has a space in it' }).success).toBe(false);
    expect(request.parse({ key: '  sk-valid-key-123  ' })).toEqual({ key: 'sk-valid-key-123', sessionOnly: false });
  });

  it('key status answers cannot carry the key itself', () => {
    const status = { hasKey: true, last4: '1234', storage: 'encrypted' };
    expect(channels['key:status'].response.safeParse(status).success).toBe(true);
    expect(channels['key:status'].response.safeParse({ ...status, key: 'sk-secret' }).success).toBe(false);
    expect(channels['key:status'].response.safeParse({ ...status, last4: 'sk-secret' }).success).toBe(false);
  });

  it('payload-less channels accept undefined and null only', () => {
    expect(channels['settings:get'].request.safeParse(undefined).success).toBe(true);
    expect(channels['settings:get'].request.safeParse(null).success).toBe(true);
    expect(channels['settings:get'].request.safeParse({ sneaky: 1 }).success).toBe(false);
  });

  it('every channel is named domain:verb and every event has a schema', () => {
    for (const name of [...Object.keys(channels), ...Object.keys(events)]) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });
});

describe('createApi', () => {
  it('builds one method per channel, grouped by domain', () => {
    const api = createApi(transportAnswering({ ok: true, value: null }));
    for (const name of Object.keys(channels)) {
      const [domain, verb] = name.split(':') as [string, string];
      expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[domain]?.[verb]).toBe('function');
    }
  });

  it('sends the channel and payload and returns the parsed answer', async () => {
    const calls: Array<[string, unknown]> = [];
    const status = { hasKey: true, last4: '9f3a', storage: 'encrypted' as const };
    const api = createApi(transportAnswering({ ok: true, value: status }, calls));
    await expect(api.key.set({ key: 'sk-abcdefgh9f3a' })).resolves.toEqual(status);
    expect(calls).toEqual([['key:set', { key: 'sk-abcdefgh9f3a' }]]);
  });

  it('turns an error envelope into a CastboardError with code and message', async () => {
    const api = createApi(transportAnswering({ ok: false, error: { code: 'NO_API_KEY', message: 'Add your key.' } }));
    const failure = await api.key.test().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CastboardError);
    expect(failure).toMatchObject({ code: 'NO_API_KEY', message: 'Add your key.' });
  });

  it('refuses an answer that does not match the contract', async () => {
    const api = createApi(transportAnswering({ ok: true, value: { hasKey: 'yes' } }));
    await expect(api.key.status()).rejects.toMatchObject({ code: 'INTERNAL' });
    const garbage = createApi(transportAnswering('<html>'));
    await expect(garbage.key.status()).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  describe('an opened project (its outline checked, compiled, without zod)', () => {
    const project = { ...createEmptyProject({ title: 'Harbour Chase' }, new Date('2026-05-01T10:00:00Z')), panels: [createPanel({ scenePrompt: 'Mara at the pier' })] };
    const opened = {
      root: '/boards/Harbour Chase.castboard',
      project,
      status: { state: 'saved', dirty: false, message: null, lastSavedAt: null, readOnlyReason: null },
      report: { imageProblems: [], migratedFrom: null, originalKeptAs: null, message: null },
    };

    it('passes an opened project through unchanged', async () => {
      const api = createApi(transportAnswering({ ok: true, value: opened }));
      await expect(api.project.current()).resolves.toEqual(opened);
    });

    it('refuses a project answer of the wrong outline', async () => {
      const refused = async (value: unknown) => expect(createApi(transportAnswering({ ok: true, value })).project.current()).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('project:current') });
      await refused({ ...opened, project: { ...project, panels: undefined } });
      await refused({ ...opened, project: { ...project, panels: [{ id: 'p1' }] } });
      await refused({ ...opened, apiKey: 'sk-1' });
      await refused({ ...opened, project: { ...project, title: 42 } });
      await refused({ ...opened, status: { ...opened.status, state: 'lost' } });
    });

    it('checks every other answer fully', async () => {
      await expect(createApi(transportAnswering({ ok: true, value: { hasKey: true, last4: '9f3a', storage: 'on paper' } })).key.status()).rejects.toMatchObject({ code: 'INTERNAL' });
    });

    it('leaves what the compiled check cannot decide to zod, and answers as zod does', async () => {
      // A key main's JSON would never carry (undefined): the compiled check cannot tell how zod copies it.
      const undecided = { ...opened, project: { ...project, draft: undefined } };
      await expect(createApi(transportAnswering({ ok: true, value: undecided })).project.current()).resolves.toMatchObject({ root: opened.root });
      const refused = { ...opened, project: { ...project, draft: undefined, title: null } };
      await expect(createApi(transportAnswering({ ok: true, value: refused })).project.current()).rejects.toMatchObject({ code: 'INTERNAL' });
    });
  });

  it('reports a broken transport as a lost connection, not a crash', async () => {
    const api = createApi({ ...transportAnswering(null), invoke: () => Promise.reject(new Error('socket closed')) });
    await expect(api.settings.get()).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('lost contact') });
  });

  it('delivers valid push events, drops malformed ones, and unsubscribes', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const api = createApi({
      ...transportAnswering(null),
      subscribe: (event, listener) => {
        listeners.set(event, listener);
        return () => listeners.delete(event);
      },
    });
    const received: unknown[] = [];
    const off = api.on('key:changed', (status) => received.push(status));
    listeners.get('key:changed')?.({ hasKey: false, last4: null, storage: 'encrypted' });
    listeners.get('key:changed')?.({ hasKey: 'maybe' });
    expect(received).toEqual([{ hasKey: false, last4: null, storage: 'encrypted' }]);
    off();
    expect(listeners.has('key:changed')).toBe(false);
  });

  it('keeps push events in order when one of them is left to zod', async () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const api = createApi({ ...transportAnswering(null), subscribe: (event, listener) => (listeners.set(event, listener), () => listeners.delete(event)) });
    const received: unknown[] = [];
    api.on('key:changed', (status) => received.push(status.hasKey));
    // Not a plain object (as structured clone never makes, but a bug might): the compiled check cannot tell, zod decides.
    class Status {
      hasKey = true;
      last4 = '9f3a';
      storage = 'encrypted';
    }
    listeners.get('key:changed')?.(new Status());
    listeners.get('key:changed')?.({ hasKey: false, last4: null, storage: 'encrypted' });
    await vi.waitFor(() => expect(received).toEqual([true, false]));
  });

  it('builds media URLs with each path segment encoded', () => {
    const api = createApi(transportAnswering(null));
    expect(api.mediaUrl('images/ab cd.png')).toBe('castboard-media://project/images/ab%20cd.png');
  });
});
