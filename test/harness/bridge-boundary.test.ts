/**
 * The bridge as the app has it: main's dispatcher answers (envelopes), the preload-side bridge
 * (createBridge) crosses an emulated contextBridge (values structured-cloned, errors reduced to
 * their message, as Electron's docs describe), and the renderer builds its API from a separate
 * module graph (vi.resetModules: its CastboardError is a different class, as in a separate
 * bundle). Every error code arrives with its code; push events arrive as plain data. The
 * emulation is checked to be as strict as contextBridge: a thrown CastboardError loses its code.
 */
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../electron/main/ipc/dispatcher';
import { silentLogger } from '../../electron/services/logger';
import { CastboardError, errorCodes, type ErrorCode } from '../../shared/errors';
import type { ChannelName } from '../../shared/ipc/contract';
import type { Transport } from '../../shared/ipc/create-api';
import { createBridge } from '../../shared/ipc/create-bridge';
import { cross, exposeInMainWorld } from './context-bridge';

/** Main's side: 'project:current' fails with `code`, the way a service throws it. */
function mainFailingWith(code: ErrorCode): Transport {
  const dispatcher = createDispatcher(silentLogger);
  dispatcher.register('project:current', () => {
    throw new CastboardError(code, `The artist-facing words for ${code}.`);
  });
  return { invoke: (channel, payload) => dispatcher.dispatch(channel, payload), subscribe: () => () => undefined, mediaBaseUrl: 'castboard-media://project/' };
}

/** The page's view: whatever the emulated contextBridge exposed. */
function expose(bridge: Transport): Transport {
  const page: Record<string, unknown> = {};
  exposeInMainWorld(page, 'castboard', bridge);
  return page.castboard as Transport;
}

/** The renderer's own bundle: a fresh module graph, so its classes are not the preload's. */
async function rendererModules() {
  vi.resetModules();
  const { createApi } = await import('../../shared/ipc/create-api');
  const { CastboardError: RendererError, isCastboardError } = await import('../../shared/errors');
  return { createApi, RendererError, isCastboardError };
}

describe('error codes across the emulated contextBridge', () => {
  it.each(errorCodes)('%s reaches the renderer with its code and message', async (code) => {
    const page = expose(createBridge(mainFailingWith(code)));
    const { createApi, RendererError, isCastboardError } = await rendererModules();
    expect(RendererError).not.toBe(CastboardError);
    const caught: unknown = await createApi(page).project.current().then(() => null, (error: unknown) => error);
    expect(isCastboardError(caught)).toBe(true);
    expect(caught).toMatchObject({ code, message: `The artist-facing words for ${code}.` });
  });

  it('answers a broken IPC call and an unknown channel with envelopes, never a throw', async () => {
    const page = expose(createBridge({ ...mainFailingWith('INTERNAL'), invoke: () => Promise.reject(new Error('ipc closed')) }));
    expect(await page.invoke('project:current', undefined)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await page.invoke('shell:openExternal' as ChannelName, 'https://example.com')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});

describe('the emulation is as strict as contextBridge', () => {
  it('a thrown CastboardError crosses as a plain Error with its message only', async () => {
    const throwing = { fail: () => Promise.reject(new CastboardError('PROJECT_INVALID', 'project.json is damaged.')) };
    const page = cross(throwing) as typeof throwing;
    const caught = await page.fail().catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(Error);
    expect(caught).not.toBeInstanceOf(CastboardError);
    expect(caught).toEqual(expect.objectContaining({ message: 'project.json is damaged.' }));
    expect((caught as { code?: string }).code).toBeUndefined();
  });

  it('copies values both ways, so neither side shares an object with the other', async () => {
    const seen: unknown[] = [];
    const value = { nested: { count: 1 } };
    const page = cross({ take: (input: unknown) => (seen.push(input), value) }) as { take(input: unknown): typeof value };
    const input = { list: [1, 2] };
    const answer = page.take(input);
    expect(answer).toEqual(value);
    expect(answer).not.toBe(value);
    expect(seen[0]).toEqual(input);
    expect(seen[0]).not.toBe(input);
    expect(() => cross({ symbol: Symbol('no') })).toThrow();
  });

  it('delivers push events to a page listener as copies of plain data', async () => {
    let push: (payload: unknown) => void = () => undefined;
    const transport: Transport = { invoke: async () => null, subscribe: (_event, listener) => ((push = listener), () => undefined), mediaBaseUrl: 'castboard-media://project/' };
    const { createApi } = await rendererModules();
    const api = createApi(expose(createBridge(transport)));
    const received: unknown[] = [];
    api.on('key:changed', (status) => received.push(status));
    const status = { hasKey: true, last4: 'abcd', storage: 'encrypted' as const };
    push(status);
    expect(received).toEqual([status]);
    expect(received[0]).not.toBe(status);
  });
});
