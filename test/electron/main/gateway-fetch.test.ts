/**
 * The app's gateway fetch (Chromium's, in the gateway's own session) under the gateway client's
 * image download, which follows redirects itself to check each hop: on the shared Electron mock,
 * whose session fetch rejects a redirect under `redirect: 'manual'` as Electron's does. A paid
 * image behind a redirecting link must arrive; a hop to an address Castboard refuses is never asked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { realNow } from '../../../electron/services/gateway/clock';
import { createGatewayHttp } from '../../../electron/services/gateway/gateway-http';
import { FakeClientRequest } from '../../mocks/electron';

vi.mock('electron', async () => (await import('../../mocks/electron')).electronMock);
const { createGatewayFetch } = await import('../../../electron/main/adapters/gateway-fetch');

const IMAGE = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
let server: Server;
let origin: string;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.url ?? '');
    if (request.url === '/v1/files/take.png') response.writeHead(302, { Location: '/storage/take.png' }).end();
    else if (request.url === '/v1/files/elsewhere.png') response.writeHead(302, { Location: 'http://192.0.2.10/take.png' }).end();
    else if (request.url === '/never-answered.png') return; // no answer at all
    else if (request.url === '/storage/take.png') response.writeHead(200, { 'Content-Type': 'image/png' }).end(IMAGE);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const gatewayHttp = () =>
  createGatewayHttp({ apiKey: 'sk-test', baseURL: `${origin}/v1`, fetch: createGatewayFetch(), timeoutMs: 5000, downloadTimeoutMs: 5000, maxJsonBytes: 1_000_000, maxDownloadBytes: 10_000_000, now: realNow });

describe('the gateway fetch in the app', () => {
  it('answers a redirect under manual as Node does, so an image behind a redirecting link is downloaded', async () => {
    asked.length = 0;
    const bytes = await gatewayHttp().download(`${origin}/v1/files/take.png`);
    expect(Buffer.from(bytes)).toEqual(IMAGE);
    expect(asked).toEqual(['/v1/files/take.png', '/storage/take.png']);
    expect(FakeClientRequest.made.every((request) => request.options.redirect === 'manual')).toBe(true);
  });

  it('stops a download that is given up (a deadline, a cancel) instead of leaving it open', async () => {
    const stop = new AbortController();
    const answer = createGatewayFetch()(`${origin}/never-answered.png`, { redirect: 'manual', signal: stop.signal });
    stop.abort(new Error('deadline'));
    await expect(answer).rejects.toThrow('deadline');
    expect(FakeClientRequest.made.at(-1)?.aborted).toBe(true);
  });

  it('never asks a hop Castboard refuses (plain http to another host)', async () => {
    asked.length = 0;
    await expect(gatewayHttp().download(`${origin}/v1/files/elsewhere.png`)).rejects.toMatchObject({ code: 'GATEWAY_BAD_IMAGE' });
    expect(asked).toEqual(['/v1/files/elsewhere.png']);
  });
});
