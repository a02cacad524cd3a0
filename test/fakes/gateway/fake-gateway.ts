/**
 * A fake AIgateway (ARCHITECTURE.md §6): a real HTTP server on 127.0.0.1 speaking the
 * OpenAI-shape image API with the two Ideogram character models. It validates requests, renders
 * real PNGs with sharp, answers in b64 / url / async-job mode, enforces an in-flight limit and a
 * credit wallet, plays scripted faults, and records every request it receives.
 *
 * Invariants: it listens on 127.0.0.1 only; a request over the in-flight limit is answered 429
 * (Retry-After: 1) and counted; a scripted fault is consumed by exactly one request; nothing is
 * charged for a request that fails before rendering.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { corruptImage, FaultScript, type Fault } from './fake-faults';
import { readBody, sendError, sendJson, sendSlowly, sleep } from './fake-http';
import { renderPanel } from './fake-images';
import { FAKE_MODELS, validateGeneration, type ValidGeneration } from './fake-validation';

export interface FakeGatewayOptions {
  /** 0 = ephemeral. */
  port?: number;
  /** When set, the Bearer token must equal it; else any non-empty Bearer is accepted. */
  apiKey?: string;
  /** Sync modes: time to answer an image request. Async mode: time until a job can complete. */
  latencyMs?: number;
  maxInFlight?: number;
  mode?: 'b64' | 'url' | 'async';
  /** Images left in the wallet; undefined = unlimited. */
  credits?: number;
  /** Default true. */
  balanceEndpoint?: boolean;
  /** X-Cost-Cents per image; null = header absent; default 5. */
  costCents?: number | null;
  /** Async mode: polls answered "running" before a job may complete (default 1). */
  jobPendingPolls?: number;
  /** Largest decoded upload image (reference or source) accepted; over it -> 413. Default 10 MB. */
  maxUploadBytes?: number;
}

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

export interface FakeGateway {
  /** e.g. http://127.0.0.1:PORT/v1 */
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly rejectedByInFlightLimit: number;
  readonly peakInFlight: number;
  readonly credits: number | undefined;
  /** Queued, consumed one per incoming image/job/download request they target. */
  script(...faults: Fault[]): void;
  setCredits(n: number | undefined): void;
  reset(): void;
  close(): Promise<void>;
}

interface Job {
  id: string;
  images: Array<{ bytes: Buffer; seed: number }>;
  readyAt: number;
  polls: number;
  failure: string | undefined;
  urls: string[] | undefined;
}

interface RenderedImage {
  bytes: Buffer;
  seed: number;
}

const DEFAULT_MAX_UPLOAD = 10 * 1024 * 1024;

export async function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const mode = options.mode ?? 'b64';
  const costCents = options.costCents === undefined ? 5 : options.costCents;
  const requests: RecordedRequest[] = [];
  const faults = new FaultScript();
  const jobs = new Map<string, Job>();
  const files = new Map<string, Buffer>();
  let credits = options.credits;
  let inFlight = 0;
  let peakInFlight = 0;
  let rejected = 0;
  let origin = '';

  const costHeader = (images: number): Record<string, string> =>
    costCents === null ? {} : { 'x-cost-cents': String(costCents * images) };

  const storeFile = (bytes: Buffer): string => {
    const name = `img_${randomBytes(6).toString('hex')}.png`;
    files.set(name, bytes);
    return `${origin}/files/${name}`;
  };

  function answer(res: ServerResponse, status: number, value: unknown, headers: Record<string, string>, f: Fault | undefined): void {
    if (f?.kind === 'malformed-json') {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end('{"created": 1700000000, "data": [{"b64_json": "iVBORw0KGgo');
    } else if (f?.kind === 'slow-body') {
      for (const [name, value2] of Object.entries(headers)) res.setHeader(name, value2);
      sendSlowly(res, status, 'application/json', Buffer.from(JSON.stringify(value)), f.delayMs);
    } else {
      sendJson(res, status, value, headers);
    }
  }

  async function render(v: ValidGeneration, f: Fault | undefined): Promise<RenderedImage[]> {
    const baseSeed = v.seed ?? randomBytes(4).readUInt32BE() % 1_000_000;
    const images: RenderedImage[] = [];
    for (let i = 0; i < v.n; i += 1) {
      const seed = baseSeed + i;
      const png = await renderPanel({ ...v, seed, source: v.source, imageWeight: v.imageWeight });
      images.push({ bytes: corruptImage(png, f), seed });
    }
    return images;
  }

  async function handleGenerate(req: IncomingMessage, res: ServerResponse, rec: RecordedRequest): Promise<void> {
    const f = faults.take('submit');
    const raw = await readBody(req);
    try {
      rec.body = JSON.parse(raw.toString('utf8'));
    } catch {
      sendError(res, 400, { message: 'The body is not valid JSON.' });
      return;
    }
    if (f?.kind === 'drop') return void req.socket.destroy();
    if (f?.kind === 'status') return sendError(res, f.status, f);
    const v = validateGeneration(rec.body);
    if (!v.ok) return sendError(res, v.status, v);
    const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
    if (v.value.reference.length > maxUpload || (v.value.source?.length ?? 0) > maxUpload) return sendError(res, 413);
    if (credits !== undefined && credits < v.value.n) return sendError(res, 402);
    if (credits !== undefined) credits -= v.value.n;
    if (mode !== 'async') await sleep(options.latencyMs ?? 0);
    const images = await render(v.value, f);
    if (mode === 'async') {
      const id = `job_${randomBytes(8).toString('hex')}`;
      jobs.set(id, { id, images, readyAt: Date.now() + (options.latencyMs ?? 0), polls: 0, failure: undefined, urls: undefined });
      return sendJson(res, 202, { id, status: 'queued' });
    }
    const useUrl = mode === 'url' || v.value.responseFormat === 'url';
    const data = images.map((img) => (useUrl ? { url: storeFile(img.bytes), seed: img.seed } : { b64_json: img.bytes.toString('base64'), seed: img.seed }));
    answer(res, 200, { created: Math.floor(Date.now() / 1000), data }, costHeader(images.length), f);
  }

  function handlePoll(req: IncomingMessage, res: ServerResponse, id: string): void {
    const job = jobs.get(id);
    if (!job) return sendError(res, 404, { message: 'No such job.', code: 'job_not_found' });
    const f = faults.take('poll');
    if (f?.kind === 'drop') return void req.socket.destroy();
    if (f?.kind === 'status') return sendError(res, f.status, f);
    job.polls += 1;
    if (f?.kind === 'job-failed') job.failure = f.message ?? 'The provider could not render this image.';
    if (job.failure) return answer(res, 200, { id, status: 'failed', error: { message: job.failure, code: 'provider_error' } }, {}, f);
    if (job.polls <= (options.jobPendingPolls ?? 1) || Date.now() < job.readyAt) {
      return answer(res, 200, { id, status: job.polls === 1 ? 'queued' : 'running' }, {}, f);
    }
    job.urls ??= job.images.map((img) => storeFile(img.bytes));
    const data = job.urls.map((url, i) => ({ url, seed: job.images[i]?.seed }));
    answer(res, 200, { id, status: 'completed', data, result: { file_url: job.urls[0] } }, costHeader(data.length), f);
  }

  function handleDownload(req: IncomingMessage, res: ServerResponse, name: string): void {
    const f = faults.take('download');
    if (f?.kind === 'drop') return void req.socket.destroy();
    if (f?.kind === 'status') return sendError(res, f.status, f);
    if (f?.kind === 'expired-url') return sendError(res, f.status ?? 410, { message: 'This URL has expired.', code: 'url_expired' });
    const file = files.get(name);
    if (!file) return sendError(res, 404, { message: 'No such file.', code: 'file_not_found' });
    if (f?.kind === 'slow-body') return sendSlowly(res, 200, 'image/png', file, f.delayMs);
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': file.length });
    res.end(file);
  }

  function handleModel(res: ServerResponse, rawId: string): void {
    const id = decodeURIComponent(rawId);
    if (!(FAKE_MODELS as readonly string[]).includes(id)) {
      return sendError(res, 404, { message: `The model '${id}' does not exist.`, code: 'model_not_found' });
    }
    sendJson(res, 200, { id, object: 'model', created: 1_700_000_000, owned_by: 'ideogram' });
  }

  function handleBalance(res: ServerResponse): void {
    if (options.balanceEndpoint === false) return sendError(res, 404, { message: 'Not found.', code: 'not_found' });
    const unlimited = 100_000;
    sendJson(res, 200, { balance_cents: credits === undefined ? unlimited : credits * (costCents ?? 5), currency: 'usd' });
  }

  function authorized(req: IncomingMessage): boolean {
    const token = /^Bearer\s+(\S.*)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return false;
    return options.apiKey === undefined || token === options.apiKey;
  }

  async function routeApi(req: IncomingMessage, res: ServerResponse, rec: RecordedRequest, path: string): Promise<void> {
    if (!authorized(req)) return sendError(res, 401);
    const jobMatch = /^\/v1\/jobs\/([^/]+)$/.exec(path);
    const modelMatch = /^\/v1\/models\/(.+)$/.exec(path);
    if (req.method === 'POST' && path === '/v1/images/generations') return handleGenerate(req, res, rec);
    if (req.method === 'GET' && jobMatch?.[1]) return handlePoll(req, res, jobMatch[1]);
    if (req.method === 'GET' && modelMatch?.[1]) return handleModel(res, modelMatch[1]);
    if (req.method === 'GET' && path === '/v1/balance') return handleBalance(res);
    sendError(res, 404, { message: `No route for ${req.method} ${path}.`, code: 'not_found' });
  }

  function record(req: IncomingMessage): RecordedRequest {
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
    requests.push(rec);
    return rec;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rec = record(req);
    res.on('finish', () => (rec.status = res.statusCode));
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const fileMatch = /^\/files\/([A-Za-z0-9_.-]+)$/.exec(path);
    if (req.method === 'GET' && fileMatch?.[1]) return handleDownload(req, res, fileMatch[1]);
    if (!path.startsWith('/v1/')) return sendError(res, 404, { message: 'Not found.', code: 'not_found' });
    if (options.maxInFlight !== undefined && inFlight >= options.maxInFlight) {
      rejected += 1;
      return sendError(res, 429, { retryAfter: '1', message: 'Too many requests in flight.' });
    }
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
    let released = false;
    const release = (): void => {
      if (!released) inFlight -= 1;
      released = true;
    };
    res.on('finish', release);
    res.on('close', release);
    await routeApi(req, res, rec, path);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, { message: `Fake gateway error: ${String(error)}` });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/v1`,
    requests,
    get rejectedByInFlightLimit() {
      return rejected;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    get credits() {
      return credits;
    },
    script: (...list) => faults.push(...list),
    setCredits: (n) => {
      credits = n;
    },
    reset: () => {
      requests.length = 0;
      faults.clear();
      jobs.clear();
      files.clear();
      credits = options.credits;
      rejected = 0;
      peakInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export { fault, type Fault, type FaultTarget } from './fake-faults';
