/**
 * A fake AIgateway (docs/architecture.md, "Testing"): a real HTTP server on 127.0.0.1 speaking the
 * OpenAI-shape image API with the two Ideogram character models. It validates requests, renders
 * real PNGs with sharp, answers in b64 / url / async-job mode, enforces an in-flight limit and a
 * credit wallet, plays scripted faults, and records every request it receives.
 *
 * Invariants: it listens on 127.0.0.1 only; a request over the in-flight limit is answered 429
 * (Retry-After: 1) and counted; a scripted fault is consumed by exactly one request; nothing is
 * charged for a request that fails before rendering, or for an async job that fails or is
 * cancelled while queued. Fault kinds are listed in fake-faults.ts; the RPM limit in
 * fake-rate-limit.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { corruptImage, FaultScript, type Fault } from './fake-faults';
import { readBody, recordRequest, sendError, sendJson, sendSlowly, sleep, type RecordedRequest } from './fake-http';
import { renderPanel } from './fake-images';
import { RpmBucket } from './fake-rate-limit';
import type { FakeGateway, FakeGatewayOptions } from './fake-types';
import { FAKE_MODELS, validateGeneration, type ValidGeneration } from './fake-validation';

export type { FakeGateway, FakeGatewayOptions } from './fake-types';

interface RenderedImage {
  bytes: Buffer;
  seed: number;
}

interface Job {
  images: RenderedImage[];
  readyAt: number;
  polls: number;
  failure: string | undefined;
  urls: string[] | undefined;
  lastPollAt: number;
  cancelled: boolean;
  n: number;
  /** A scripted image-url fault: the finished job links there. */
  linkTo?: string;
}

const DEFAULT_MAX_UPLOAD = 10 * 1024 * 1024;
const UNLIMITED_BALANCE_CENTS = 100_000;

class FakeGatewayServer implements FakeGateway {
  readonly requests: RecordedRequest[] = [];
  readonly #faults = new FaultScript();
  readonly #jobs = new Map<string, Job>();
  readonly #files = new Map<string, Buffer>();
  readonly #server: Server;
  #credits: number | undefined;
  #inFlight = 0;
  #peak = 0;
  #rejected = 0;
  #origin = '';
  #posts = 0;
  #rpm: RpmBucket | undefined;
  readonly #hanging = new Set<ServerResponse>();
  readonly #rpmHeaders = new WeakMap<IncomingMessage, Record<string, string>>();

  constructor(private readonly options: FakeGatewayOptions) {
    this.#credits = options.credits;
    this.#rpm = options.rpmLimit ? new RpmBucket(options.rpmLimit) : undefined;
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendError(res, 500, { message: `Fake gateway error: ${String(error)}` });
        else res.destroy();
      });
    });
  }

  get url(): string {
    return `${this.#origin}/v1`;
  }
  get rejectedByInFlightLimit(): number {
    return this.#rejected;
  }
  get peakInFlight(): number {
    return this.#peak;
  }
  get posts(): number {
    return this.#posts;
  }
  get rejectedByRpmLimit(): number {
    return this.#rpm?.rejected ?? 0;
  }
  get credits(): number | undefined {
    return this.#credits;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.options.port ?? 0, '127.0.0.1', () => resolve());
    });
    this.#origin = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  script(...faults: Fault[]): void {
    this.#faults.push(...faults);
  }

  setCredits(n: number | undefined): void {
    this.#credits = n;
  }

  reset(): void {
    this.requests.length = 0;
    this.#faults.clear();
    this.#jobs.clear();
    this.#files.clear();
    this.#credits = this.options.credits;
    this.#rejected = 0;
    this.#posts = 0;
    this.#rpm = this.options.rpmLimit ? new RpmBucket(this.options.rpmLimit) : undefined;
    this.#peak = this.#inFlight;
  }

  close(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      for (const res of this.#hanging) res.destroy();
      this.#server.closeAllConnections();
      this.#server.close((error) => (error ? reject(error) : resolve()));
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rec = recordRequest(req, res);
    this.requests.push(rec);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = /^\/files\/([A-Za-z0-9_.-]+)$/.exec(path)?.[1];
    if (req.method === 'GET' && file) return this.#download(req, res, file);
    if (!path.startsWith('/v1/')) return sendError(res, 404, { message: 'Not found.', code: 'not_found' });
    const isPost = req.method === 'POST' && path === '/v1/images/generations';
    if (isPost) {
      this.#posts += 1;
      this.options.onPost?.(rec);
    }
    const limit = this.options.maxInFlight;
    if (limit !== undefined && this.#inFlight >= limit) {
      this.#rejected += 1;
      return sendError(res, 429, { retryAfter: this.options.inFlightRetryAfter ?? '1', message: 'Too many requests in flight.' });
    }
    if (isPost && this.#rpm) {
      if (!this.#rpm.take()) return sendError(res, 429, { retryAfter: String(this.#rpm.retryAfterSeconds()), message: 'Rate limit reached for requests per minute.' });
      // As a real gateway does, the headers describe the limit when this request was counted.
      this.#rpmHeaders.set(req, this.#rpm.headers());
    }
    this.#inFlight += 1;
    this.#peak = Math.max(this.#peak, this.#inFlight);
    let released = false;
    const release = (): void => {
      if (!released) this.#inFlight -= 1;
      released = true;
    };
    res.on('finish', release);
    res.on('close', release);
    await this.#route(req, res, rec, path);
  }

  async #route(req: IncomingMessage, res: ServerResponse, rec: RecordedRequest, path: string): Promise<void> {
    if (!this.#authorized(req)) return sendError(res, 401);
    const job = /^\/v1\/jobs\/([^/]+)$/.exec(path)?.[1];
    const model = /^\/v1\/models\/(.+)$/.exec(path)?.[1];
    if (req.method === 'POST' && path === '/v1/images/generations') return this.#generate(req, res, rec);
    if (req.method === 'GET' && job) return this.#poll(req, res, job);
    const cancel = /^\/v1\/jobs\/([^/]+)\/cancel$/.exec(path)?.[1];
    if (req.method === 'POST' && cancel) return this.#cancel(res, cancel);
    if (req.method === 'GET' && model) return this.#model(res, model);
    if (req.method === 'GET' && path === '/v1/balance') return this.#balance(res);
    sendError(res, 404, { message: `No route for ${req.method} ${path}.`, code: 'not_found' });
  }

  #authorized(req: IncomingMessage): boolean {
    const token = /^Bearer\s+(\S.*)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return false;
    return this.options.apiKey === undefined || token === this.options.apiKey;
  }

  async #generate(req: IncomingMessage, res: ServerResponse, rec: RecordedRequest): Promise<void> {
    const f = this.#faults.take('submit');
    const raw = await readBody(req);
    try {
      rec.body = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendError(res, 400, { message: 'The body is not valid JSON.' });
    }
    if (f?.kind === 'drop') return void req.socket.destroy();
    if (f?.kind === 'hang') return void this.#hanging.add(res);
    if (f?.kind === 'status') return sendError(res, f.status, f);
    if (f?.kind === 'error-in-200') return sendJson(res, 200, { error: { message: f.message ?? 'Upstream provider error.', type: 'server_error', code: f.code ?? 'provider_error' } });
    const v = validateGeneration(rec.body);
    if (!v.ok) return sendError(res, v.status, v);
    const maxUpload = this.options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
    if (v.value.reference.length > maxUpload || (v.value.source?.length ?? 0) > maxUpload) return sendError(res, 413);
    if (this.#credits !== undefined && this.#credits < v.value.n) return sendError(res, 402);
    if (this.#credits !== undefined) this.#credits -= v.value.n;
    const mode = this.options.mode ?? 'b64';
    // Rendering overlaps the simulated latency: the latency stands for the provider's work, and
    // the fake's own sharp time should not add to it (the benchmark measures the client).
    const [images] = await Promise.all([this.#render(v.value, f), sleep(mode === 'async' ? 0 : (this.options.latencyMs ?? 0))]);
    if (mode === 'async') {
      const id = f?.kind === 'job-id' ? f.id : `job_${randomBytes(8).toString('hex')}`;
      const readyAt = Date.now() + (this.options.latencyMs ?? 0);
      this.#jobs.set(id, { images, readyAt, polls: 0, failure: undefined, urls: undefined, lastPollAt: 0, cancelled: false, n: v.value.n });
      return sendJson(res, 202, { id, status: 'queued' });
    }
    const useUrl = mode === 'url' || v.value.responseFormat === 'url' || f?.kind === 'image-url';
    const data = images.map((img) =>
      useUrl ? { url: f?.kind === 'image-url' ? f.url : this.#store(img.bytes), seed: img.seed } : { b64_json: img.bytes.toString('base64'), seed: img.seed },
    );
    this.#answer(res, 200, { created: Math.floor(Date.now() / 1000), data }, { ...this.#costHeader(images.length), ...this.#rpmHeaders.get(req) }, f);
  }

  /** A job still queued (not ready) is cancelled and refunded; a running or finished one answers 409. */
  #cancel(res: ServerResponse, id: string): void {
    const job = this.#jobs.get(id);
    if (!job) return sendError(res, 404, { message: 'No such job.', code: 'job_not_found' });
    if (job.failure || job.cancelled || Date.now() >= job.readyAt) return sendError(res, 409, { message: 'The job can no longer be cancelled.', code: 'job_not_cancellable' });
    job.cancelled = true;
    if (this.#credits !== undefined) this.#credits += job.n;
    sendJson(res, 200, { id, status: 'cancelled' });
  }

  #poll(req: IncomingMessage, res: ServerResponse, id: string): void {
    const job = this.#jobs.get(id);
    if (!job) return sendError(res, 404, { message: 'No such job.', code: 'job_not_found' });
    const f = this.#faults.take('poll');
    if (f?.kind === 'drop') return void req.socket.destroy();
    if (f?.kind === 'status') return sendError(res, f.status, f);
    // Measured from the last poll that was answered: polling faster only earns more 304s.
    if (this.options.minPollIntervalMs !== undefined && Date.now() - job.lastPollAt < this.options.minPollIntervalMs) return void res.writeHead(304).end();
    job.lastPollAt = Date.now();
    if (job.cancelled) return sendJson(res, 200, { id, status: 'cancelled' });
    if (f?.kind === 'job-status') return sendJson(res, 200, { id, status: f.status });
    job.polls += 1;
    if (f?.kind === 'image-url') job.linkTo = f.url;
    if (f?.kind === 'job-failed' && !job.failure && this.#credits !== undefined) this.#credits += job.n; // failed jobs are not charged
    if (f?.kind === 'job-failed') job.failure = f.message ?? 'The provider could not render this image.';
    if (job.failure) return this.#answer(res, 200, { id, status: 'failed', error: { message: job.failure, code: 'provider_error' } }, {}, f);
    if (job.polls <= (this.options.jobPendingPolls ?? 1) || Date.now() < job.readyAt) {
      return this.#answer(res, 200, { id, status: job.polls === 1 ? 'queued' : 'running' }, {}, f);
    }
    job.urls ??= job.images.map((img) => job.linkTo ?? this.#store(img.bytes));
    const data = job.urls.map((url, i) => ({ url, seed: job.images[i]?.seed }));
    this.#answer(res, 200, { id, status: 'completed', data, result: { file_url: job.urls[0] } }, this.#costHeader(data.length), f);
  }

  #download(req: IncomingMessage, res: ServerResponse, name: string): void {
    const f = this.#faults.take('download');
    if (f?.kind === 'drop') return void req.socket.destroy();
    if (f?.kind === 'status') return sendError(res, f.status, f);
    if (f?.kind === 'expired-url') return sendError(res, f.status ?? 410, { message: 'This URL has expired.', code: 'url_expired' });
    if (f?.kind === 'redirect') return void res.writeHead(302, { location: f.to }).end();
    const file = this.#files.get(name);
    if (!file) return sendError(res, 404, { message: 'No such file.', code: 'file_not_found' });
    if (f?.kind === 'slow-body') return sendSlowly(res, 200, 'image/png', file, f.delayMs);
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': file.length });
    res.end(file);
  }

  #model(res: ServerResponse, rawId: string): void {
    const id = decodeURIComponent(rawId);
    if (!(FAKE_MODELS as readonly string[]).includes(id)) {
      return sendError(res, 404, { message: `The model '${id}' does not exist.`, code: 'model_not_found' });
    }
    sendJson(res, 200, { id, object: 'model', created: 1_700_000_000, owned_by: 'ideogram' });
  }

  #balance(res: ServerResponse): void {
    if (this.options.balanceEndpoint === false) return sendError(res, 404, { message: 'Not found.', code: 'not_found' });
    const credits = this.#credits;
    const balance = credits === undefined ? UNLIMITED_BALANCE_CENTS : credits * (this.options.costCents ?? 5);
    sendJson(res, 200, { balance_cents: balance, currency: 'usd' });
  }

  async #render(v: ValidGeneration, f: Fault | undefined): Promise<RenderedImage[]> {
    const baseSeed = v.seed ?? randomBytes(4).readUInt32BE() % 1_000_000;
    const images: RenderedImage[] = [];
    const count = v.n + (f?.kind === 'extra-images' ? f.count : 0);
    for (let i = 0; i < count; i += 1) {
      const seed = baseSeed + i;
      const png = await renderPanel({ ...v, seed });
      images.push({ bytes: corruptImage(png, f), seed });
    }
    return images;
  }

  #store(bytes: Buffer): string {
    const name = `img_${randomBytes(6).toString('hex')}.png`;
    this.#files.set(name, bytes);
    return `${this.#origin}/files/${name}`;
  }

  #costHeader(images: number): Record<string, string> {
    const cost = this.options.costCents === undefined ? 5 : this.options.costCents;
    return cost === null ? {} : { 'x-cost-cents': String(cost * images) };
  }

  /** A JSON answer, unless a fault asks for a malformed or slow one. */
  #answer(res: ServerResponse, status: number, value: unknown, headers: Record<string, string>, f: Fault | undefined): void {
    if (f?.kind === 'malformed-json') {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end('{"created": 1700000000, "data": [{"b64_json": "iVBORw0KGgo');
    } else if (f?.kind === 'slow-body') {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      sendSlowly(res, status, 'application/json', Buffer.from(JSON.stringify(value)), f.delayMs);
    } else {
      sendJson(res, status, value, headers);
    }
  }
}

export async function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const server = new FakeGatewayServer(options);
  await server.listen();
  return server;
}

export { fault, type Fault, type FaultTarget } from './fake-faults';
export type { RecordedRequest } from './fake-http';
