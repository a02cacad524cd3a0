/**
 * Which connection failures prove a paid request never left (so it may be sent again) and which
 * may come after the gateway received it (never resent). Errors are the real ones Node's fetch
 * throws here: a refused connection to a closed port, and a socket dropped after the request
 * was read; the route failures that cannot be staged on 127.0.0.1 (host or network unreachable,
 * connect timeout) are the refused error with its code changed, keeping where it happened.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { failedBeforeSending } from '../../../../electron/services/gateway/gateway-http';

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function thrownBy(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The same failure with another code, raised at the same step as `error`'s. */
function withCode(error: unknown, code: string, syscall?: string): unknown {
  const cause = (error as { cause: object }).cause;
  return new TypeError('fetch failed', { cause: Object.assign(Object.create(cause) as object, { code, ...(syscall ? { syscall } : {}) }) });
}

describe('failedBeforeSending', () => {
  it('a refused connection: nothing was sent', async () => {
    const port = await closedPort();
    const refused = await thrownBy(() => fetch(`http://127.0.0.1:${port}/v1/images/generations`, { method: 'POST', body: '{}' }));
    expect(failedBeforeSending(refused)).toBe(true);
  });

  it('a socket dropped after the request was read: it may have been received', async () => {
    server = createServer((request) => request.on('end', () => request.socket.destroy()).resume());
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const dropped = await thrownBy(() => fetch(`http://127.0.0.1:${port}/v1/images/generations`, { method: 'POST', body: '{}' }));
    expect(failedBeforeSending(dropped)).toBe(false);
  });

  it('host or network unreachable, or a connect timeout, count as not sent only while connecting', async () => {
    const port = await closedPort();
    const refused = await thrownBy(() => fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' }));
    for (const code of ['EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'ETIMEDOUT']) {
      expect(failedBeforeSending(withCode(refused, code, 'connect')), `${code} while connecting`).toBe(true);
      expect(failedBeforeSending(withCode(refused, code, 'read')), `${code} on a connected socket`).toBe(false);
    }
  });
});
