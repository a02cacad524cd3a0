/**
 * A hostile gateway for issue #16: every failure it sends quotes the request's Authorization
 * header and the bare key back (400, 422 and 500 bodies, and the error of an async job that
 * fails), as a careless or malicious gateway could. Tests check the key then appears nowhere
 * Castboard writes or shows. Also records which requests carried a key at all.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type EchoMode = 400 | 422 | 500 | 'async-fail';

export interface EchoGateway {
  readonly url: string;
  /** How the next image requests are answered (the last mode repeats). */
  modes: EchoMode[];
  /** Every request: path and whether it carried an Authorization header. */
  readonly requests: Array<{ method: string; path: string; authorized: boolean }>;
  close(): Promise<void>;
}

function echoOf(req: IncomingMessage): string {
  const auth = req.headers.authorization ?? '';
  const bare = auth.replace(/^Bearer\s+/i, '');
  return `request had Authorization: ${auth} (key ${bare}) and "api_key": "${bare}"`;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startEchoGateway(): Promise<EchoGateway> {
  const requests: EchoGateway['requests'] = [];
  const jobs = new Map<string, string>();
  const gateway = { modes: [400] as EchoMode[], requests } as EchoGateway & { url: string };
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', path, authorized: req.headers.authorization !== undefined });
    req.resume();
    req.on('end', () => {
      const echo = echoOf(req);
      if (req.method === 'GET' && path.startsWith('/v1/models/')) return send(res, 200, { id: path.slice('/v1/models/'.length), object: 'model' });
      if (req.method === 'GET' && path === '/v1/balance') return send(res, 400, { error: { message: echo, type: 'invalid_request_error' } });
      const job = /^\/v1\/jobs\/([^/]+)$/.exec(path)?.[1];
      if (req.method === 'GET' && job) return send(res, 200, { id: job, status: 'failed', error: { message: `${jobs.get(job) ?? ''} / poll ${echo}`, code: 'provider_error' } });
      if (req.method === 'POST' && path === '/v1/images/generations') {
        const mode = gateway.modes.length > 1 ? gateway.modes.shift() : gateway.modes[0];
        if (mode === 'async-fail') {
          const id = `job_${jobs.size + 1}`;
          jobs.set(id, echo);
          return send(res, 202, { id, status: 'queued' });
        }
        const type = mode === 422 ? 'content_policy_violation' : mode === 500 ? 'server_error' : 'invalid_request_error';
        return send(res, mode ?? 400, { error: { message: echo, type, code: String(mode) } });
      }
      send(res, 404, { error: { message: `not found; ${echo}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  gateway.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return gateway;
}
