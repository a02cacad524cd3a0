/**
 * Issue #16: any renderer code can change `gatewayBaseUrl`; the saved key must still only go to
 * a new address after the artist confirms it in main's own question (or enters the key again).
 * Also: the URL must be https (plain http only for this computer) and of sane length.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/main/ipc/dispatcher';
import { registerAll } from '../../../electron/main/ipc/register-all';
import { silentLogger } from '../../../electron/services/logger';
import { SettingsPatchSchema } from '../../../shared/domain/settings';
import { startEchoGateway, type EchoGateway } from '../../fakes/echo-gateway';
import { testServices } from './support/test-services';

const KEY = 'cbk-destination-canary-91xq';
const gateways: EchoGateway[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

async function gateway(): Promise<EchoGateway> {
  const started = await startEchoGateway();
  gateways.push(started);
  return started;
}

function app(trustedUrl: string) {
  const { services, dialogs } = testServices();
  const dispatcher = createDispatcher(silentLogger);
  registerAll({ handle: (c, h) => dispatcher.register(c, h), push: () => undefined }, services);
  const call = async (channel: string, payload?: unknown) => {
    const answer = await dispatcher.dispatch(channel, payload);
    if (!answer.ok) throw Object.assign(new Error(answer.error.message), answer.error);
    return answer.value as Record<string, unknown>;
  };
  return { services, dialogs, call, ready: async () => {
    await call('settings:update', { gatewayBaseUrl: trustedUrl });
    await call('key:set', { key: KEY, sessionOnly: true });
  } };
}

const keyed = (g: EchoGateway) => g.requests.filter((request) => request.authorized);

describe('the key and a changed gateway address (issue #16)', () => {
  it('settings:update to a foreign URL then key:test sends no request carrying the key until main asks and the artist confirms', async () => {
    const [trusted, foreign] = [await gateway(), await gateway()];
    const { call, dialogs } = app(trusted.url);
    await call('key:set', { key: KEY, sessionOnly: true });
    await call('settings:update', { gatewayBaseUrl: trusted.url });
    await call('key:set', { key: KEY, sessionOnly: true });
    expect((await call('key:test')).ok).toBe(true);
    expect(keyed(trusted).length).toBeGreaterThan(0);

    await call('settings:update', { gatewayBaseUrl: foreign.url });
    const test = await call('key:test');
    expect(test.ok).toBe(false);
    expect(test.message).toContain('Confirm the new address in Settings');
    await expect(call('jobs:generate', { panelIds: ['p1'], variations: 1 })).rejects.toThrow();
    expect(foreign.requests).toHaveLength(0);

    const pending = await call('key:destination');
    expect(pending).toMatchObject({ needsConfirmation: true, baseUrl: foreign.url });
    expect(String(pending.message)).toContain(new URL(foreign.url).host);

    // The renderer's call alone confirms nothing: main's own question was cancelled.
    expect(await call('key:confirmBaseUrl', { baseUrl: foreign.url })).toMatchObject({ needsConfirmation: true });
    await call('key:test');
    expect(foreign.requests).toHaveLength(0);

    dialogs.script('confirm', 'Send my key there');
    expect(await call('key:confirmBaseUrl', { baseUrl: foreign.url })).toMatchObject({ needsConfirmation: false });
    expect((await call('key:test')).ok).toBe(true);
    expect(keyed(foreign).length).toBeGreaterThan(0);
  });

  it('entering the key again also binds it to the new address', async () => {
    const [trusted, other] = [await gateway(), await gateway()];
    const { call, ready } = app(trusted.url);
    await ready();
    await call('settings:update', { gatewayBaseUrl: other.url });
    await call('key:test');
    expect(other.requests).toHaveLength(0);
    await call('key:set', { key: KEY, sessionOnly: true });
    expect((await call('key:destination')).needsConfirmation).toBe(false);
    expect((await call('key:test')).ok).toBe(true);
    expect(keyed(other).length).toBeGreaterThan(0);
  });

  it.each([
    ['plain http to another host', 'http://gateway.example.com/v1'],
    ['a 20 MB URL', `https://example.com/${'a'.repeat(20 * 1024 * 1024)}`],
    ['something that is not http', 'file:///etc/passwd'],
  ])('refuses %s', (_label, gatewayBaseUrl) => {
    expect(SettingsPatchSchema.safeParse({ gatewayBaseUrl }).success).toBe(false);
  });

  it.each(['https://gateway.example.com/v1', 'http://127.0.0.1:8080/v1', 'http://localhost:3000/v1', 'http://[::1]:3000/v1'])('accepts %s', (gatewayBaseUrl) => {
    expect(SettingsPatchSchema.safeParse({ gatewayBaseUrl }).success).toBe(true);
  });
});
