/**
 * The harness's node:http adapter when a page goes away mid-request: a body cut off by the
 * client is told apart from a request that arrived in full, so the harness does not report a
 * closing tab as a failure (and still reports real failures).
 */
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { leftBeforeRead, toRequest } from './node-http';

interface Outcome {
  read: boolean;
  gone: boolean;
}

let close: (() => void) | null = null;
afterEach(() => close?.());

/** A server that reads each request as the harness does and reports what happened. */
async function serve(): Promise<{ port: number; next: Promise<Outcome> }> {
  let report: (outcome: Outcome) => void = () => undefined;
  const next = new Promise<Outcome>((resolve) => (report = resolve));
  const server = createServer((incoming: IncomingMessage, outgoing) => {
    toRequest(incoming, 'http://127.0.0.1').then(
      async (req) => {
        await req.arrayBuffer();
        report({ read: true, gone: leftBeforeRead(incoming) });
        outgoing.end('ok');
      },
      () => report({ read: false, gone: leftBeforeRead(incoming) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => server.close();
  return { port: (server.address() as AddressInfo).port, next };
}

describe('harness requests from a page that goes away', () => {
  it('a body cut off by the client is a page that left, not a failure', async () => {
    const { port, next } = await serve();
    const client = request({ port, host: '127.0.0.1', method: 'POST', path: '/ipc/project:update', headers: { 'Content-Length': 100_000 } });
    client.on('error', () => undefined);
    client.write('{"project":');
    setTimeout(() => client.destroy(), 50);
    expect(await next).toEqual({ read: false, gone: true });
  });

  it('a request that arrived in full is not one, whatever happens next', async () => {
    const { port, next } = await serve();
    const body = JSON.stringify({ project: { title: 'Night Market' } });
    const client = request({ port, host: '127.0.0.1', method: 'POST', path: '/ipc/project:update', headers: { 'Content-Length': Buffer.byteLength(body) } });
    client.on('response', (response) => response.resume());
    client.end(body);
    expect(await next).toEqual({ read: true, gone: false });
  });
});
