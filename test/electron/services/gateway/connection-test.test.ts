import { afterEach, describe, expect, it } from 'vitest';
import { testGatewayConnection } from '../../../../electron/services/gateway/connection-test';
import { startFakeGateway, type FakeGateway } from '../../../fakes/gateway/fake-gateway';

const KEY = 'sk-good-key-1234';
let gateway: FakeGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

describe('Test connection', () => {
  it('confirms both models and shows the balance', async () => {
    gateway = await startFakeGateway({ apiKey: KEY });
    const result = await testGatewayConnection({ baseUrl: gateway.url, apiKey: KEY });
    expect(result.ok).toBe(true);
    expect(result.models).toEqual([
      { id: 'ideogram/ideogram-character', available: true },
      { id: 'ideogram/ideogram-character-remix', available: true },
    ]);
    expect(result.balanceCents).toEqual(expect.any(Number));
    expect(gateway.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('explains a rejected key and stops at the first refusal', async () => {
    gateway = await startFakeGateway({ apiKey: KEY });
    const result = await testGatewayConnection({ baseUrl: gateway.url, apiKey: 'sk-wrong-key-9999' });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('rejected this API key') });
    expect(gateway.requests).toHaveLength(1);
  });

  it('passes without a /balance endpoint', async () => {
    gateway = await startFakeGateway({ balanceEndpoint: false });
    const result = await testGatewayConnection({ baseUrl: gateway.url, apiKey: KEY });
    expect(result).toMatchObject({ ok: true, balanceCents: null });
  });

  it('says the gateway is unreachable when nothing listens', async () => {
    gateway = await startFakeGateway();
    const url = gateway.url;
    await gateway.close();
    gateway = undefined;
    const result = await testGatewayConnection({ baseUrl: url, apiKey: KEY, timeoutMs: 3000 });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('could not reach') });
  });

  it('asks for a key before calling anything', async () => {
    const result = await testGatewayConnection({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: undefined });
    expect(result).toMatchObject({ ok: false, message: 'Add your AIgateway API key first.' });
  });
});
