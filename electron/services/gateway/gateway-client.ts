/**
 * The gateway client: generatePanel (Ideogram Character) and restylePanel (Character Remix),
 * plus resumeJob for async jobs accepted before a restart and resendRequest to send such a job's
 * request again as it was (Retry after it failed).
 *
 * Invariants:
 * - One Idempotency-Key per user action, sent on every attempt of it. A submit is resent only when
 *   it cannot have been received (connection refused) or the gateway answered 500/503 (made
 *   nothing); a reset after sending or a timeout ends as "outcome unknown" (paid: 'unknown'), never
 *   resent here. 429/401/402 go to the queue.
 * - A 200 whose images are unusable was paid for: its error carries paid: 'unusable' and the cost.
 * - A completed async job whose result cannot be downloaded is fetched again through its job
 *   record (a fresh signed URL) once before the image is given up. Polls or downloads of an
 *   accepted job that keep failing end as GATEWAY_JOB_KEPT: the job and its result are still at
 *   the gateway, so they are collected later, never counted lost or sent again.
 * - A 202 job id is handed to onJobAccepted and awaited before the first poll; if that callback
 *   throws, nothing is polled (the id could not be kept, so the caller decides).
 * - A result is returned only when every image passed verification; a failure or a cancellation
 *   returns no image at all. It holds at most the images asked for (extra ones are logged, not kept).
 * - A job id that is not a plain token (job-id.ts) is an unreadable answer, never polled; image links
 *   are fetched only over https or from the gateway's own origin (download-address.ts).
 */
import { randomUUID } from 'node:crypto';
import { CastboardError } from '../../../shared/errors';
import { DEFAULT_MAX_UPLOAD_BYTES, prepareReferenceImage } from '../image-safety/reference-image';
import { DEFAULT_MAX_PIXELS } from '../image-safety/verify-image';
import { readImagesAnswer, readJobAccepted, type ImageRef } from './answer-shapes';
import { realNow, realSleep, throwIfAborted, type Now, type Sleep } from './clock';
import { gatewayErrors, GatewayError, wordsOf } from './gateway-errors';
import { createGatewayHttp, type GatewayHttp, type JsonAnswer } from './gateway-http';
import { bodyFromParams, generateBody, paramsOf, remixBody, type IdeogramImageBody, type RequestImages } from '../../../shared/generation/ideogram-request';
import type { AcceptedJob, CharacterInput, GatewayPhase, GeneratePanelInput, GenerationResult, RequestParams, ResendInput, RestylePanelInput } from './gateway-types';
import { costOf, deliverImages, imagesToKeep } from './image-delivery';
import { DEFAULT_POLL_SETTINGS, isStrayClientError, isTransientRead, pollJob, type PollSettings } from './job-poller';
import type { ReleaseSlot } from './pacer';
import { UploadCache } from './upload-cache';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry-policy';
import { DEFAULT_PRICE_PER_IMAGE_CENTS } from '../../../shared/domain/image-price';
import { silentLogger, type Logger } from '../logger';
import { imagesAsked } from './images-asked';

export interface GatewayClientOptions {
  apiKey: string;
  baseURL: string;
  fetch?: typeof fetch;
  /** Deadline per request, headers and body (default 180 s: QUALITY renders are slow). */
  timeoutMs?: number;
  downloadTimeoutMs?: number;
  maxJsonBytes?: number;
  maxImageBytes?: number;
  maxImagePixels?: number;
  /** The gateway's upload cap for one image; larger references are downscaled first. */
  maxUploadBytes?: number;
  /** Used when the gateway sends no X-Cost-Cents (default 5). */
  pricePerImageCents?: number;
  retry?: Partial<RetryPolicy>;
  poll?: Partial<PollSettings>;
  now?: Now;
  sleep?: Sleep;
  random?: () => number;
  newIdempotencyKey?: () => string;
  /** Told about answers that were odd but usable (e.g. more images than asked). */
  logger?: Logger;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Reuse across re-runs of the same user action (e.g. after a pause). */
  idempotencyKey?: string;
  onJobAccepted?: (job: AcceptedJob) => Promise<void> | void;
  onPhase?: (phase: GatewayPhase) => void;
  /** Awaited before every HTTP request: the queue's pause gate. */
  beforeRequest?: (signal?: AbortSignal) => Promise<void>;
  /** Awaited before each submit (the queue's pacer); the returned function is told how it went. */
  acquireSubmitSlot?: (signal?: AbortSignal) => Promise<ReleaseSlot>;
  /**
   * Awaited last before each POST leaves: the caller records that this request may be at the
   * gateway, so a process killed before the answer is stored still counts it.
   */
  beforeSubmit?: () => Promise<void>;
  /** A submit attempt ended with an answer that charges nothing (500/503, refused connection). */
  onNotCharged?: () => void;
  /**
   * Told about a 429 met while polling or downloading (handled here by waiting, since the job is
   * already paid), so the queue can hold back every other request too. A 429 on submit is thrown.
   */
  onRateLimited?: (error: GatewayError) => void;
}

export interface GatewayClient {
  generatePanel(input: GeneratePanelInput, run?: RunOptions): Promise<GenerationResult>;
  restylePanel(input: RestylePanelInput, run?: RunOptions): Promise<GenerationResult>;
  resumeJob(job: AcceptedJob, run?: RunOptions): Promise<GenerationResult>;
  /** Sends a request made before again, with the same model, prompt and controls. */
  resendRequest(input: ResendInput, run?: RunOptions): Promise<GenerationResult>;
  /** Asks the gateway to cancel a queued async job; true when it did (nothing is charged then). */
  cancelJob(jobId: string): Promise<boolean>;
}

async function toDataUrl(bytes: Buffer, maxUploadBytes: number, what: string): Promise<string> {
  try {
    return (await prepareReferenceImage(bytes, { maxUploadBytes })).dataUrl;
  } catch (error) {
    if (error instanceof CastboardError && error.code === 'IMAGE_INVALID') {
      throw new CastboardError('IMAGE_INVALID', `The ${what} is not a readable PNG, JPEG or WebP image. Replace it, then try again.`, { cause: error });
    }
    throw error;
  }
}

function isJobAnswer(answer: JsonAnswer): boolean {
  if (answer.status === 202) return true;
  const json = answer.json as { id?: unknown; status?: unknown; data?: unknown } | null;
  return typeof json === 'object' && json !== null && typeof json.id === 'string' && typeof json.status === 'string' && json.data === undefined;
}

class Client implements GatewayClient {
  readonly #options: GatewayClientOptions;
  readonly #now: Now;
  readonly #sleep: Sleep;
  readonly #random: () => number;
  readonly #newKey: () => string;
  readonly #retry: RetryPolicy;
  readonly #poll: PollSettings;
  readonly #maxUpload: number;
  readonly #maxImageBytes: number;
  readonly #http: GatewayHttp;
  readonly #uploads = new UploadCache();

  constructor(options: GatewayClientOptions) {
    this.#options = options;
    this.#now = options.now ?? realNow;
    this.#sleep = options.sleep ?? realSleep;
    this.#random = options.random ?? Math.random;
    this.#newKey = options.newIdempotencyKey ?? (() => `castboard-${randomUUID()}`);
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#poll = { ...DEFAULT_POLL_SETTINGS, ...options.poll };
    this.#maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    this.#maxImageBytes = options.maxImageBytes ?? 40 * 1024 * 1024;
    this.#http = createGatewayHttp({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs ?? 180_000,
      downloadTimeoutMs: options.downloadTimeoutMs ?? 60_000,
      maxJsonBytes: options.maxJsonBytes ?? 200 * 1024 * 1024,
      maxDownloadBytes: this.#maxImageBytes,
      now: this.#now,
    });
  }

  async generatePanel(input: GeneratePanelInput, run: RunOptions = {}): Promise<GenerationResult> {
    // The same function builds the prompt preview and `generate --dry-run` (with placeholder images).
    const body = generateBody(input, await this.#referenceImages(input.character));
    return this.#submit(body, run);
  }

  async restylePanel(input: RestylePanelInput, run: RunOptions = {}): Promise<GenerationResult> {
    const images = await this.#referenceImages(input.character);
    images.source = await toDataUrl(input.sourcePng, this.#maxUpload, 'take to restyle');
    return this.#submit(remixBody(input, images), run);
  }

  resumeJob(job: AcceptedJob, run: RunOptions = {}): Promise<GenerationResult> {
    return this.#finishJob(job, run);
  }

  async resendRequest(input: ResendInput, run: RunOptions = {}): Promise<GenerationResult> {
    const images = await this.#referenceImages(input);
    if (input.sourcePng) images.source = await toDataUrl(input.sourcePng, this.#maxUpload, 'take to restyle');
    return this.#submit(bodyFromParams(input.params, images), run);
  }

  async cancelJob(jobId: string): Promise<boolean> {
    try {
      const answer = await this.#http.cancelJob(jobId);
      const status = (answer.json as { status?: unknown } | null)?.status;
      return typeof status === 'string' && /^cancell?ed$/i.test(status);
    } catch {
      return false; // running already (409) or unreachable: the job runs to its answer
    }
  }

  async #referenceImages(character: Pick<CharacterInput, 'referencePng' | 'referenceMaskPng'>): Promise<RequestImages> {
    const mask = character.referenceMaskPng;
    const images: RequestImages = { reference: await this.#cachedDataUrl(character.referencePng, "character's reference image") };
    if (mask) images.mask = await this.#cachedDataUrl(mask, "character's reference mask");
    return images;
  }

  /** References and masks repeat across a batch; the source take of a restyle rarely does. */
  #cachedDataUrl(bytes: Buffer, what: string): Promise<string> {
    return this.#uploads.get(bytes, () => toDataUrl(bytes, this.#maxUpload, what));
  }

  #retryDeps(run: RunOptions) {
    return {
      sleep: this.#sleep,
      random: this.#random,
      signal: run.signal,
      onRetry: (_attempt: number, error: unknown) => {
        if (error instanceof GatewayError && error.code === 'GATEWAY_RATE_LIMITED') run.onRateLimited?.(error);
        run.onPhase?.('waiting');
      },
    };
  }

  async #submit(body: IdeogramImageBody, run: RunOptions): Promise<GenerationResult> {
    const key = run.idempotencyKey ?? this.#newKey();
    const params = paramsOf(body);
    const submitDeps = this.#retryDeps(run);
    const answer = await withRetries(
      () => this.#submitOnce(body, key, run).catch(unknownIfUnreadable),
      this.#retry,
      {
        ...submitDeps,
        onRetry: (attempt: number, error: unknown) => {
          run.onNotCharged?.();
          submitDeps.onRetry(attempt, error);
        },
      },
    );
    if (!Array.isArray((answer.json as { data?: unknown } | null)?.data) && wordsOf(answer.json)) throw gatewayErrors.errorInAnswer(wordsOf(answer.json));
    if (isJobAnswer(answer)) {
      const job: AcceptedJob = { jobId: readOrUnknown(() => readJobAccepted(answer.json)), params };
      await run.onJobAccepted?.(job);
      throwIfAborted(run.signal);
      return this.#finishJob(job, run);
    }
    return this.#deliver({ images: readOrUnknown(() => readImagesAnswer(answer.json)), headers: answer.headers }, params, run);
  }

  /** One POST, through the queue's pacer; the pacer learns from the answer (headers, 429). */
  async #submitOnce(body: IdeogramImageBody, key: string, run: RunOptions): Promise<JsonAnswer> {
    await run.beforeRequest?.(run.signal);
    const release = await run.acquireSubmitSlot?.(run.signal);
    try {
      await run.beforeSubmit?.();
      throwIfAborted(run.signal);
    } catch (error) {
      release?.({ answered: false });
      throw error;
    }
    run.onPhase?.('sending');
    try {
      const answer = await this.#http.postImages(body, key, run.signal);
      release?.({ answered: true, headers: answer.headers });
      return answer;
    } catch (error) {
      const answered = error instanceof GatewayError && error.httpStatus !== undefined;
      release?.({ answered, rateLimited: error instanceof GatewayError && error.code === 'GATEWAY_RATE_LIMITED' });
      if (error instanceof GatewayError && error.code === 'GATEWAY_RATE_LIMITED') run.onNotCharged?.();
      throw error;
    }
  }

  async #finishJob(job: AcceptedJob, run: RunOptions): Promise<GenerationResult> {
    run.onPhase?.('polling');
    const deps = {
      http: this.#http,
      sleep: this.#sleep,
      now: this.#now,
      settings: this.#poll,
      signal: run.signal,
      beforeRequest: run.beforeRequest,
      onRateLimited: run.onRateLimited,
    };
    const done = await pollJob(job.jobId, deps);
    try {
      return await this.#deliver(done, job.params, run, job.jobId, true);
    } catch (error) {
      if (!(error instanceof GatewayError) || error.code !== 'GATEWAY_URL_EXPIRED' || run.signal?.aborted) throw error;
      // Signed result URLs last 24 h; the job record (kept 7 days) hands out a fresh one.
      const again = await pollJob(job.jobId, { ...deps, settings: { ...this.#poll, minIntervalMs: 0 } });
      return this.#deliver(again, job.params, run, job.jobId);
    }
  }

  /** `refetchable`: an expired URL is thrown as is, for the caller to fetch the job record again. */
  async #deliver(answer: { images: ImageRef[]; headers: Headers }, params: RequestParams, run: RunOptions, remoteJobId?: string, refetchable = false): Promise<GenerationResult> {
    const download = (url: string): Promise<Buffer> =>
      withRetries(async () => {
        await run.beforeRequest?.(run.signal);
        return this.#http.download(url, run.signal);
      }, this.#retry, this.#retryDeps(run));
    const price = this.#options.pricePerImageCents ?? DEFAULT_PRICE_PER_IMAGE_CENTS;
    // Cost below: X-Cost-Cents is what the gateway charged for this answer, extra images included,
    // so it is counted as sent (that money is spent); without it, the price covers the images kept
    // (at most those asked for: images nobody asked for are not priced).
    const { kept, extra } = imagesToKeep(answer.images, imagesAsked(params.n));
    if (extra > 0) (this.#options.logger ?? silentLogger).warn('The gateway answered with more images than asked; the extra ones are not stored', { asked: kept.length, extra, remoteJobId });
    let images;
    try {
      images = await deliverImages(kept, {
        download,
        maxImagePixels: this.#options.maxImagePixels ?? DEFAULT_MAX_PIXELS,
        maxImageBytes: this.#maxImageBytes,
        signal: run.signal,
        onDownloading: () => run.onPhase?.('downloading'),
      });
    } catch (error) {
      // The answer came, so it was paid: say so, with what it cost.
      if (!(error instanceof CastboardError) || error.code === 'CANCELLED') throw error;
      if (error.code === 'GATEWAY_URL_EXPIRED' && refetchable) throw error; // fetched again through the job record
      // An async job's result stays at the gateway: a download that could not get through is collected later.
      // So is one whose download met a stray 4xx; a URL that expired again after a fresh one was
      // fetched (401/403/404/410) means the result is gone: paid and unusable, below.
      const stray = isStrayClientError(error) && error.code !== 'GATEWAY_URL_EXPIRED';
      if (remoteJobId && (isTransientRead(error) || stray)) throw gatewayErrors.contactLost(error);
      const { costCents } = costOf(answer.headers, kept.length, price);
      throw new GatewayError(error.code, error.message, { paid: 'unusable', costCents, cause: error });
    }
    throwIfAborted(run.signal);
    const cost = costOf(answer.headers, images.length, price);
    const result: GenerationResult = { images, ...cost, model: params.model, prompt: params.prompt, params };
    if (remoteJobId) result.remoteJobId = remoteJobId;
    return result;
  }
}

/**
 * A submit the gateway answered but whose answer cannot be read (not JSON, no images, no job id)
 * reached it and may have been charged: an unknown outcome, counted as paid, and Retry sends the
 * same Idempotency-Key so the gateway can hand back what it already made.
 */
function unknownIfUnreadable(error: unknown): never {
  if (error instanceof GatewayError && error.code === 'GATEWAY_BAD_RESPONSE') throw gatewayErrors.unreadableAnswer(error);
  throw error;
}

/** Reads a submit's answer; an unreadable one is an unknown outcome (unknownIfUnreadable). */
function readOrUnknown<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    return unknownIfUnreadable(error);
  }
}

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  return new Client(options);
}
