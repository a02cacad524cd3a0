import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { fault, startFakeGateway, type FakeGateway, type FakeGatewayOptions } from './fake-gateway';
import { dataUrl, solidPng } from './test-images';

let gateway: FakeGateway | undefined;

async function start(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  gateway = await startFakeGateway(options);
  return gateway;
}

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

async function body(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return {
    model: 'ideogram/ideogram-character',
    prompt: 'a knight in the rain',
    n: 1,
    size: '320x192',
    response_format: 'b64_json',
    character_reference_images: [dataUrl(await solidPng(40, 40))],
    ...overrides,
  };
}

function post(g: FakeGateway, json: unknown, key = 'test-key'): Promise<Response> {
  return fetch(`${g.url}/images/generations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': 'k-1' },
    body: JSON.stringify(json),
  });
}

describe('fake gateway', () => {
  it('answers a real PNG at the requested size that shows the reference image', async () => {
    const g = await start();
    const res = await post(g, await body({ seed: 7 }));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cost-cents')).toBe('5');
    const json = (await res.json()) as { data: Array<{ b64_json: string }> };
    const png = Buffer.from(json.data[0]!.b64_json, 'base64');
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 320, 192]);
    // The reference (solid red) sits in the left part of the frame, vertically centred.
    const { data } = await sharp(png).extract({ left: 40, top: 96, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([220, 30, 30]);
    expect(g.requests[0]).toMatchObject({ method: 'POST', path: '/v1/images/generations', idempotencyKey: 'k-1', hasAuthorization: true, status: 200 });
  });

  it('validates the request body: unknown model 404, bad fields 400', async () => {
    const g = await start();
    const unknown = await post(g, await body({ model: 'ideogram/nope' }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'model_not_found' } });
    for (const bad of [{ n: 5 }, { prompt: '  ' }, { size: '16:9' }, { character_reference_images: ['data:image/png;base64,AAAA'] }]) {
      expect((await post(g, await body(bad))).status).toBe(400);
    }
    const remix = { model: 'ideogram/ideogram-character-remix', image: dataUrl(await solidPng(64, 64)) };
    expect((await post(g, await body({ ...remix, image_weight: 0 }))).status).toBe(400);
    expect((await post(g, await body({ ...remix, image: undefined, image_weight: 50 }))).status).toBe(400);
    expect((await post(g, await body({ ...remix, image_weight: 50 }))).status).toBe(200);
  });

  it('checks the bearer token', async () => {
    const g = await start({ apiKey: 'right' });
    expect((await post(g, await body(), 'wrong')).status).toBe(401);
    expect((await fetch(`${g.url}/balance`)).status).toBe(401);
    expect((await post(g, await body(), 'right')).status).toBe(200);
    const model = await fetch(`${g.url}/models/ideogram%2Fideogram-character`, { headers: { authorization: 'Bearer right' } });
    expect(await model.json()).toMatchObject({ id: 'ideogram/ideogram-character', object: 'model' });
  });

  it('serves url mode downloads and expires them on request', async () => {
    const g = await start({ mode: 'url' });
    const json = (await (await post(g, await body({ n: 2 }))).json()) as { data: Array<{ url: string }> };
    expect(json.data).toHaveLength(2);
    const ok = await fetch(json.data[0]!.url);
    expect(ok.headers.get('content-type')).toBe('image/png');
    g.script(fault.expiredUrl(410));
    expect((await fetch(json.data[1]!.url)).status).toBe(410);
  });

  it('runs async jobs: 202, running, then completed with image URLs', async () => {
    const g = await start({ mode: 'async', jobPendingPolls: 1 });
    const submitted = await post(g, await body());
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };
    const poll = () => fetch(`${g.url}/jobs/${id}`, { headers: { authorization: 'Bearer x' } }).then((r) => r.json());
    expect(await poll()).toMatchObject({ id, status: 'queued' });
    const done = (await poll()) as { status: string; data: Array<{ url: string }> };
    expect(done.status).toBe('completed');
    expect((await fetch(done.data[0]!.url)).status).toBe(200);
  });

  it('plays scripted faults in order, then behaves normally', async () => {
    const g = await start();
    g.script(fault.status(429, { retryAfter: '120' }), fault.drop());
    const limited = await post(g, await body());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('120');
    await expect(post(g, await body())).rejects.toThrow();
    expect((await post(g, await body())).status).toBe(200);
    expect(g.requests.map((r) => r.status)).toEqual([429, undefined, 200]);
  });

  it('charges one credit per image and answers 402 when the wallet is empty', async () => {
    const g = await start({ credits: 3 });
    expect((await post(g, await body({ n: 2 }))).status).toBe(200);
    expect((await post(g, await body({ n: 2 }))).status).toBe(402);
    const balance = await fetch(`${g.url}/balance`, { headers: { authorization: 'Bearer x' } });
    expect(await balance.json()).toEqual({ balance_cents: 5, currency: 'usd' });
  });

  it('rejects requests over the in-flight limit with 429 and counts them', async () => {
    const g = await start({ maxInFlight: 1, latencyMs: 400 });
    const statuses = await Promise.all([post(g, await body()), post(g, await body())].map((p) => p.then((r) => r.status)));
    expect(statuses.sort()).toEqual([200, 429]);
    expect(g.rejectedByInFlightLimit).toBe(1);
  });
});
