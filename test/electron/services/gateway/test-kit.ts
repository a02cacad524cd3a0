/**
 * Shared setup for the gateway service tests: a fake gateway over real HTTP, a client on a virtual
 * clock whose fetch logs every request with its virtual time, and panel inputs.
 */
import { createGatewayClient, type GatewayClient, type GatewayClientOptions } from '../../../../electron/services/gateway/gateway-client';
import type { GeneratePanelInput, RestylePanelInput } from '../../../../electron/services/gateway/gateway-types';
import { startFakeGateway, type FakeGateway, type FakeGatewayOptions } from '../../../fakes/gateway/fake-gateway';
import { solidPng } from '../../../fakes/gateway/test-images';
import { ManualClock } from './manual-clock';

export interface SentRequest {
  method: string;
  url: string;
  at: number;
}

export interface Kit {
  gateway: FakeGateway;
  clock: ManualClock;
  client: GatewayClient;
  sent: SentRequest[];
  makeClient(overrides?: Partial<GatewayClientOptions>): GatewayClient;
  close(): Promise<void>;
}

export async function startKit(
  fake: FakeGatewayOptions = {},
  clientOptions: Partial<GatewayClientOptions> = {},
  { autoAdvance = true }: { autoAdvance?: boolean } = {},
): Promise<Kit> {
  const gateway = await startFakeGateway(fake);
  const clock = new ManualClock();
  const sent: SentRequest[] = [];
  const loggingFetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    sent.push({ method: init?.method ?? 'GET', url, at: clock.now() });
    return fetch(input, init);
  }) as typeof fetch;
  const makeClient = (overrides: Partial<GatewayClientOptions> = {}): GatewayClient =>
    createGatewayClient({
      apiKey: 'test-key',
      baseURL: gateway.url,
      fetch: loggingFetch,
      now: clock.now,
      sleep: clock.sleep,
      random: () => 0.5,
      timeoutMs: 10_000,
      ...clientOptions,
      ...overrides,
    });
  const stopAuto = autoAdvance ? clock.autoAdvance() : () => {};
  return {
    gateway,
    clock,
    client: makeClient(),
    sent,
    makeClient,
    close: async () => {
      stopAuto();
      await gateway.close();
    },
  };
}

let reference: Buffer | undefined;

export async function referencePng(): Promise<Buffer> {
  reference ??= await solidPng(48, 64, { r: 200, g: 40, b: 40 });
  return reference;
}

export async function generateInput(overrides: Partial<GeneratePanelInput> = {}): Promise<GeneratePanelInput> {
  return {
    scene: 'Mara climbs the lighthouse stairs in a storm',
    shotType: 'WS',
    cameraAngle: 'LOW',
    character: { name: 'Mara', description: 'a lighthouse keeper with a red raincoat', referencePng: await referencePng() },
    style: { prompt: 'ink and watercolour', styleType: 'FICTION', renderingSpeed: 'TURBO', negativePrompt: 'text, watermark' },
    aspectRatio: '16:9',
    variations: 1,
    seed: 42,
    ...overrides,
  };
}

export async function restyleInput(overrides: Partial<RestylePanelInput> = {}): Promise<RestylePanelInput> {
  return {
    sourcePng: await solidPng(131, 74, { r: 30, g: 90, b: 160 }),
    stylePrompt: 'film noir, high contrast',
    imageWeight: 70,
    character: { name: 'Mara', description: 'a lighthouse keeper', referencePng: await referencePng() },
    aspectRatio: '16:9',
    ...overrides,
  };
}

export function imageRequests(gateway: FakeGateway) {
  return gateway.requests.filter((r) => r.method === 'POST' && r.path === '/v1/images/generations');
}

export function pollRequests(gateway: FakeGateway) {
  return gateway.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/jobs/'));
}
