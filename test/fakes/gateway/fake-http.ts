/** Small node:http helpers for the fake gateway: body reading, JSON and error answers, slow bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RecordedRequest {
  method: string;
  /** Path and query as received (percent-encoding preserved). */
  path: string;
  /** Lower-cased header names; the authorization value is redacted. */
  headers: Record<string, string>;
  idempotencyKey: string | undefined;
  hasAuthorization: boolean;
  /** Parsed JSON body, when there was one. */
  body: unknown;
  /** Date.now() on arrival. */
  time: number;
  /** Status sent, or undefined when the connection was dropped. */
  status: number | undefined;
}

/** A log entry for an incoming request; its status is filled in when the answer is sent. */
export function recordRequest(req: IncomingMessage, res: ServerResponse): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = name === 'authorization' ? '<redacted>' : String(value);
  }
  const rec: RecordedRequest = {
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    headers,
    idempotencyKey: headers['idempotency-key'],
    hasAuthorization: req.headers.authorization !== undefined,
    body: undefined,
    time: Date.now(),
    status: undefined,
  };
  res.on('finish', () => (rec.status = res.statusCode));
  return rec;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export const ERROR_TYPES: Record<number, { type: string; code: string; message: string }> = {
  400: { type: 'invalid_request_error', code: 'invalid_request', message: 'The request is invalid.' },
  401: { type: 'authentication_error', code: 'invalid_api_key', message: 'Invalid API key.' },
  402: { type: 'billing_error', code: 'insufficient_credits', message: 'Insufficient credits.' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'Not found.' },
  413: { type: 'invalid_request_error', code: 'payload_too_large', message: 'The image is too large.' },
  422: { type: 'content_policy_violation', code: 'safety_rejected', message: 'The request was rejected by the safety check.' },
  429: { type: 'rate_limit_error', code: 'rate_limit_exceeded', message: 'Too many requests.' },
  500: { type: 'server_error', code: 'provider_error', message: 'The provider failed.' },
  503: { type: 'server_error', code: 'provider_unavailable', message: 'The provider is unavailable.' },
};

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function sendError(
  res: ServerResponse,
  status: number,
  detail: { message?: string; code?: string; retryAfter?: string } = {},
): void {
  const known = ERROR_TYPES[status] ?? { type: 'api_error', code: 'error', message: `Error ${status}.` };
  const headers: Record<string, string> = detail.retryAfter === undefined ? {} : { 'retry-after': detail.retryAfter };
  sendJson(res, status, { error: { message: detail.message ?? known.message, type: known.type, code: detail.code ?? known.code } }, headers);
}

/** Sends headers and the first half of the body now, the rest after delayMs (if still connected). */
export function sendSlowly(res: ServerResponse, status: number, contentType: string, body: Buffer, delayMs: number): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': body.length });
  const half = Math.floor(body.length / 2);
  res.write(body.subarray(0, half));
  const timer = setTimeout(() => {
    if (!res.destroyed) res.end(body.subarray(half));
  }, delayMs);
  res.on('close', () => clearTimeout(timer));
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
