/**
 * Every gateway error and fault, over real HTTP against the fake gateway: the right typed error,
 * the right number of requests at the server, one Idempotency-Key across retries, no image kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayError } from '../../../../electron/services/gateway/gateway-errors';
import { fault } from '../../../fakes/gateway/fake-gateway';
import { generateInput, imageRequests, startKit, type Kit } from './test-kit';

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

async function generateFails(k: Kit) {
  let result: unknown;
  const error = await k.client.generatePanel(await generateInput()).then(
    (r) => {
      result = r;
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(result).toBeUndefined();
  return error as GatewayError;
}

describe('final errors are reported once and never retried', () => {
  it.each([
    [400, 'GATEWAY_BAD_REQUEST', undefined],
    [401, 'GATEWAY_BAD_KEY', 'bad-key'],
    [402, 'GATEWAY_OUT_OF_CREDITS', 'out-of-credits'],
    [404, 'GATEWAY_UNKNOWN_MODEL', undefined],
    [413, 'GATEWAY_IMAGE_TOO_LARGE', undefined],
    [422, 'GATEWAY_SAFETY_REJECTED', undefined],
  ] as const)('%i -> %s', async (status, code, pause) => {
    kit = await startKit();
    kit.gateway.script(fault.status(status));
    const error = await generateFails(kit);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code, httpStatus: status, retryable: false, pause });
    expect(error.message).toMatch(/\.$/);
    expect(imageRequests(kit.gateway)).toHaveLength(1);
  });

  it('a real wrong key and an empty wallet come from the server itself', async () => {
    kit = await startKit({ apiKey: 'the-right-key', credits: 0 });
    expect(await generateFails(kit)).toMatchObject({ code: 'GATEWAY_BAD_KEY' });
    const withKey = kit.makeClient({ apiKey: 'the-right-key' });
    await expect(withKey.generatePanel(await generateInput())).rejects.toMatchObject({ code: 'GATEWAY_OUT_OF_CREDITS' });
    expect(imageRequests(kit.gateway)).toHaveLength(2);
  });

  it('an unknown model is a 404 from the server validation', async () => {
    kit = await startKit();
    kit.gateway.script(fault.status(404, { message: "The model 'x' does not exist", code: 'model_not_found' }));
    expect(await generateFails(kit)).toMatchObject({ code: 'GATEWAY_UNKNOWN_MODEL' });
  });

  it('429 reports the Retry-After wait (seconds or HTTP date) for the queue', async () => {
    kit = await startKit();
    kit.gateway.script(fault.status(429, { retryAfter: '120' }));
    expect(await generateFails(kit)).toMatchObject({ code: 'GATEWAY_RATE_LIMITED', retryAfterMs: 120_000, pause: 'rate-limit' });
    const date = new Date(kit.clock.now() + 3_600_000).toUTCString();
    kit.gateway.script(fault.status(429, { retryAfter: date }));
    expect(await generateFails(kit)).toMatchObject({ retryAfterMs: 3_600_000 });
    expect(imageRequests(kit.gateway)).toHaveLength(2);
  });
});

describe('transient failures are retried at most twice with one idempotency key', () => {
  it('503 twice then 200: three requests, one key, a result', async () => {
    kit = await startKit();
    kit.gateway.script(fault.status(503), fault.status(503));
    const result = await kit.client.generatePanel(await generateInput());
    expect(result.images).toHaveLength(1);
    const requests = imageRequests(kit.gateway);
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(requests[0]!.idempotencyKey).toBeTruthy();
    // Backoff waited between attempts (virtual time): 1 s x jitter, then 2 s x jitter.
    expect(kit.clock.sleeps).toEqual([750, 1500]);
  });

  it('500 three times: gives up after three requests', async () => {
    kit = await startKit();
    kit.gateway.script(fault.status(500), fault.status(500), fault.status(500));
    expect(await generateFails(kit)).toMatchObject({ code: 'GATEWAY_PROVIDER_FAILED', httpStatus: 500 });
    expect(imageRequests(kit.gateway)).toHaveLength(3);
  });

  it('a connection reset after the body was sent is never resent: outcome unknown, may have been charged', async () => {
    kit = await startKit();
    kit.gateway.script(fault.drop());
    expect(await generateFails(kit)).toMatchObject({ code: 'GATEWAY_OUTCOME_UNKNOWN', paid: 'unknown', message: expect.stringContaining('may have been charged') });
    expect(imageRequests(kit.gateway)).toHaveLength(1);
  });

  it('a gateway that is not listening is GATEWAY_UNREACHABLE', async () => {
    kit = await startKit();
    const url = kit.gateway.url;
    await kit.gateway.close();
    const client = kit.makeClient({ baseURL: url });
    await expect(client.generatePanel(await generateInput())).rejects.toMatchObject({ code: 'GATEWAY_UNREACHABLE' });
    kit = undefined;
  });

  it('a body that stalls past the per-request deadline ends as outcome unknown after one attempt', async () => {
    kit = await startKit({}, { timeoutMs: 300 });
    kit.gateway.script(fault.slowBody(5_000));
    expect(await generateFails(kit)).toMatchObject({ code: 'GATEWAY_OUTCOME_UNKNOWN', retryable: false, paid: 'unknown' });
    expect(imageRequests(kit.gateway)).toHaveLength(1);
  });
});

describe('bad answers', () => {
  it('malformed JSON answering a submit is an unknown outcome (it reached the gateway, may have been charged) and is not resubmitted', async () => {
    kit = await startKit();
    kit.gateway.script(fault.malformedJson());
    expect(await generateFails(kit)).toMatchObject({ code: 'GATEWAY_OUTCOME_UNKNOWN', paid: 'unknown', retryable: false });
    expect(imageRequests(kit.gateway)).toHaveLength(1);
  });

  it.each([
    ['truncated image data', fault.truncatedImage()],
    ['HTML instead of an image', fault.nonImage('html')],
    ['SVG instead of an image', fault.nonImage('svg')],
  ])('%s is GATEWAY_BAD_IMAGE', async (_name, f) => {
    kit = await startKit();
    kit.gateway.script(f);
    expect(await generateFails(kit)).toMatchObject({ code: 'GATEWAY_BAD_IMAGE' });
    expect(imageRequests(kit.gateway)).toHaveLength(1);
  });

  it('bad image bytes behind a URL are GATEWAY_BAD_IMAGE too', async () => {
    kit = await startKit({ mode: 'url' });
    kit.gateway.script(fault.nonImage('svg'));
    expect(await generateFails(kit)).toMatchObject({ code: 'GATEWAY_BAD_IMAGE' });
  });

  it.each([403, 404, 410] as const)('an expired URL (%i) is GATEWAY_URL_EXPIRED, with no resubmission', async (status) => {
    kit = await startKit({ mode: 'url' });
    kit.gateway.script(fault.expiredUrl(status));
    expect(await generateFails(kit)).toMatchObject({ code: 'GATEWAY_URL_EXPIRED' });
    expect(imageRequests(kit.gateway)).toHaveLength(1);
  });

  it('a download that drops once is fetched again without resubmitting', async () => {
    kit = await startKit({ mode: 'url' });
    kit.gateway.script(fault.drop('download'));
    await expect(kit.client.generatePanel(await generateInput())).resolves.toMatchObject({ images: [expect.anything()] });
    expect(imageRequests(kit.gateway)).toHaveLength(1);
    expect(kit.gateway.requests.filter((r) => r.path.startsWith('/files/'))).toHaveLength(2);
  });

  it('an over-size download is refused (size cap)', async () => {
    kit = await startKit({ mode: 'url' }, { maxImageBytes: 1_000 });
    expect(await generateFails(kit)).toMatchObject({ code: 'GATEWAY_BAD_IMAGE' });
  });
});
