/**
 * HTTP to the gateway through the openai SDK (`maxRetries: 0`: retries are ours, with our
 * Idempotency-Key), plus image downloads with plain fetch (never sending the API key to a file
 * host). Every call runs under one deadline that covers headers AND body, and every body is read
 * with a byte cap, so a stalled or endless answer cannot hang a job or fill memory. Failures come
 * out as GatewayErrors; a cancelled call comes out as CANCELLED.
 */
import OpenAI, { APIConnectionTimeoutError, APIError } from 'openai';
import { CastboardError } from '../../../shared/errors';
import { cancelledError, type Now } from './clock';
import { errorForStatus, gatewayErrors, GatewayError, wordsOf } from './gateway-errors';
import type { IdeogramImageBody } from '../../../shared/generation/ideogram-request';
import { mayDownloadFrom, refusedAddress, tooManyRedirects } from './download-address';
import { isPlainJobId } from './job-id';
import { parseRetryAfter } from './retry-after';

export interface GatewayHttpOptions {
  apiKey: string;
  baseURL: string;
  fetch?: typeof fetch;
  /** Deadline for one request, headers and body together. */
  timeoutMs: number;
  downloadTimeoutMs: number;
  maxJsonBytes: number;
  maxDownloadBytes: number;
  now: Now;
}

export interface JsonAnswer {
  status: number;
  headers: Headers;
  json: unknown;
}

export interface GatewayHttp {
  postImages(body: IdeogramImageBody, idempotencyKey: string, signal?: AbortSignal): Promise<JsonAnswer>;
  /** A 304 (polled too soon) comes back as `{status: 304, json: null}`. */
  getJob(jobId: string, signal?: AbortSignal): Promise<JsonAnswer>;
  /** POST /jobs/{id}/cancel: a queued job the gateway cancels is not charged. */
  cancelJob(jobId: string, signal?: AbortSignal): Promise<JsonAnswer>;
  download(url: string, signal?: AbortSignal): Promise<Buffer>;
}

/** Failures that can only happen before a byte of the request left (name lookup, connect): safe to send again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
/**
 * Failures that mean "not sent" only while connecting: the same codes on a connected socket
 * (a route lost mid-request) may come after the gateway received the request, which must then
 * never be sent again.
 */
const NOT_SENT_WHILE_CONNECTING = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'ETIMEDOUT']);

export function failedBeforeSending(error: unknown): boolean {
  for (let at: unknown = error, depth = 0; at && depth < 6; depth += 1) {
    const { code, syscall } = at as { code?: unknown; syscall?: unknown };
    if (typeof code === 'string' && (NOT_SENT_CODES.has(code) || (NOT_SENT_WHILE_CONNECTING.has(code) && syscall === 'connect'))) return true;
    at = (at as { cause?: unknown }).cause;
  }
  return false;
}

/** What kind of call failed: a paid submit (POST) or a GET that is safe to repeat. */
type CallKind = 'submit' | 'read';

function mapFailure(error: unknown, now: Now, kind: CallKind): CastboardError {
  if (error instanceof CastboardError) return error;
  if (error instanceof APIError && typeof error.status === 'number') {
    // openai types its headers with the DOM's Headers, which the Node type-check does not load.
    const headers = error.headers as { get(name: string): string | null } | undefined;
    const retryAfter = parseRetryAfter(headers?.get('retry-after'), now());
    return errorForStatus(error.status, wordsOf({ error: error.error as unknown }), retryAfter, error);
  }
  if (error instanceof APIConnectionTimeoutError) return kind === 'submit' ? gatewayErrors.timeout(error) : gatewayErrors.readTimeout(error);
  // Connection failures (socket closed mid-answer: "terminated", ECONNRESET, refused...).
  if (kind === 'read' || failedBeforeSending(error)) return gatewayErrors.unreachable(error);
  return gatewayErrors.resetAfterSend(error);
}

async function withDeadline<T>(ms: number, signal: AbortSignal | undefined, now: Now, kind: CallKind, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (signal?.aborted) throw cancelledError();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), ms);
  const combined = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
  try {
    return await run(combined);
  } catch (error) {
    if (signal?.aborted) throw cancelledError();
    if (deadline.signal.aborted) throw kind === 'submit' ? gatewayErrors.timeout(error) : gatewayErrors.readTimeout(error);
    throw mapFailure(error, now, kind);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a body up to maxBytes; over it, the stream is cancelled and `tooLarge` is thrown. */
export async function readCapped(response: Response, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readJson(response: Response, maxBytes: number): Promise<JsonAnswer> {
  const bytes = await readCapped(response, maxBytes, () => gatewayErrors.badResponse('the answer is far too large'));
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw gatewayErrors.badResponse('the answer is not valid JSON', error);
  }
  return { status: response.status, headers: response.headers, json };
}

function downloadFailure(status: number, headers: Headers, now: Now): GatewayError {
  // Signed file URLs answer 401/403/404/410 once they have expired.
  if ([401, 403, 404, 410].includes(status)) return gatewayErrors.urlExpired(status);
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now());
  if (status === 429) {
    return new GatewayError('GATEWAY_RATE_LIMITED', 'The image host asked Castboard to slow down.', { httpStatus: status, retryable: true, retryAfterMs });
  }
  return errorForStatus(status, undefined, retryAfterMs);
}

/** Redirects followed for one image download (fetch's own default is 20). */
const MAX_REDIRECTS = 5;

/** The path of one job; an id that is not plain (a damaged project.json record) is never put in a URL. */
function jobPath(jobId: string): string {
  if (!isPlainJobId(jobId)) throw gatewayErrors.unusableJobId();
  return `/jobs/${encodeURIComponent(jobId)}`;
}

export function createGatewayHttp(options: GatewayHttpOptions): GatewayHttp {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sdk = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, fetch: fetchImpl, maxRetries: 0, timeout: options.timeoutMs });
  const { now } = options;
  const gatewayOrigin = new URL(options.baseURL).origin;

  /** Fetches an image address, following redirects by hand so every hop passes mayDownloadFrom. */
  async function fetchAllowed(url: string, signal: AbortSignal): Promise<Response> {
    let address = url;
    for (let hop = 0; ; hop += 1) {
      if (!mayDownloadFrom(address, gatewayOrigin)) throw refusedAddress(address);
      const response = await fetchImpl(address, { signal, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return response;
      await response.body?.cancel().catch(() => {});
      if (hop >= MAX_REDIRECTS) throw tooManyRedirects(MAX_REDIRECTS);
      // A Location that is not an address at all is refused by the check at the top of the loop.
      address = URL.canParse(location, address) ? new URL(location, address).href : location;
    }
  }

  return {
    postImages: (body, idempotencyKey, signal) =>
      withDeadline(options.timeoutMs, signal, now, 'submit', async (combined) => {
        // The SDK types only OpenAI's own fields; the Ideogram fields pass through unchanged.
        const params = body as unknown as OpenAI.ImageGenerateParamsNonStreaming;
        const response = await sdk.images
          .generate(params, { headers: { 'Idempotency-Key': idempotencyKey }, signal: combined, timeout: options.timeoutMs })
          .asResponse();
        return readJson(response, options.maxJsonBytes);
      }),
    getJob: (jobId, signal) =>
      withDeadline(options.timeoutMs, signal, now, 'read', async (combined) => {
        try {
          const response = await sdk.get(jobPath(jobId), { signal: combined, timeout: options.timeoutMs }).asResponse();
          return await readJson(response, options.maxJsonBytes);
        } catch (error) {
          // 304 Not Modified: polled sooner than the gateway allows; nothing changed, not an error.
          if (error instanceof APIError && error.status === 304) return { status: 304, headers: (error.headers as Headers | undefined) ?? new Headers(), json: null };
          throw error;
        }
      }),
    cancelJob: (jobId, signal) =>
      withDeadline(options.timeoutMs, signal, now, 'read', async (combined) => {
        const response = await sdk.post(`${jobPath(jobId)}/cancel`, { signal: combined, timeout: options.timeoutMs }).asResponse();
        return readJson(response, options.maxJsonBytes);
      }),
    download: (url, signal) =>
      withDeadline(options.downloadTimeoutMs, signal, now, 'read', async (combined) => {
        const response = await fetchAllowed(url, combined);
        if (!response.ok) {
          await response.body?.cancel().catch(() => {});
          throw downloadFailure(response.status, response.headers, now);
        }
        return readCapped(response, options.maxDownloadBytes, () =>
          new GatewayError('GATEWAY_BAD_IMAGE', 'The image service sent back an image that is far too large. Nothing was changed; try generating again.'),
        );
      }),
  };
}
