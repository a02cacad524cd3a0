/**
 * Scripted faults for the fake gateway. A test queues faults with `gateway.script(...)`; each
 * fault targets one kind of request (submit = POST /images/generations, poll = GET /jobs/{id},
 * download = GET /files/...) and is consumed by the next request of that kind, in order. Requests
 * with no fault waiting behave normally, so a script never leaks into unrelated endpoints.
 */

export type FaultTarget = 'submit' | 'poll' | 'download';

export type FaultKind =
  /** Let one request through untouched (to fault the second request, not the first). */
  | { kind: 'pass' }
  /** Any HTTP status with an OpenAI-shape error body and an optional Retry-After header. */
  | { kind: 'status'; status: number; message?: string; code?: string; retryAfter?: string }
  /** The socket is destroyed without an answer (a dropped connection). */
  | { kind: 'drop' }
  /** Headers and half the body are sent, then nothing for delayMs, then the rest. */
  | { kind: 'slow-body'; delayMs: number }
  /** The images of this request are cut in half (valid header, missing data). */
  | { kind: 'truncated-image' }
  /** The images of this request are replaced by HTML or SVG bytes. */
  | { kind: 'non-image'; content?: 'html' | 'svg' }
  /** A 200 with a JSON content type and a body that is not JSON. */
  | { kind: 'malformed-json' }
  /** A url-mode download answers 403/404/410 as an expired signed URL would. */
  | { kind: 'expired-url'; status?: 403 | 404 | 410 }
  /** An async job ends with status "failed". */
  | { kind: 'job-failed'; message?: string }
  /** One poll answers 200 with this job status and nothing else (e.g. a word Castboard does not know). */
  | { kind: 'job-status'; status: string }
  /** The body is read, then nothing is ever answered (the connection stays open). */
  | { kind: 'hang' }
  /** A 200 whose JSON body is an OpenAI-shape error instead of images. */
  | { kind: 'error-in-200'; message?: string; code?: string }
  /** Async mode: the 202 answer carries this job id (e.g. ".." or a 300-character one). */
  | { kind: 'job-id'; id: string }
  /** Every image link of the answer (data[].url, result.file_url) is this address instead of the fake's own. */
  | { kind: 'image-url'; url: string }
  /** The answer carries `count` more images than the request's n asked for. */
  | { kind: 'extra-images'; count: number }
  /** A download answers 302 with this Location. */
  | { kind: 'redirect'; to: string };

export type Fault = FaultKind & { on?: FaultTarget };

/** Convenience builders so tests read as sentences: `script(fault.status(503), fault.drop())`. */
export const fault = {
  pass: (on?: FaultTarget): Fault => ({ kind: 'pass', on }),
  status: (status: number, extra: { message?: string; code?: string; retryAfter?: string; on?: FaultTarget } = {}): Fault => ({
    kind: 'status',
    status,
    ...extra,
  }),
  drop: (on?: FaultTarget): Fault => ({ kind: 'drop', on }),
  slowBody: (delayMs: number, on?: FaultTarget): Fault => ({ kind: 'slow-body', delayMs, on }),
  truncatedImage: (): Fault => ({ kind: 'truncated-image' }),
  nonImage: (content: 'html' | 'svg' = 'html'): Fault => ({ kind: 'non-image', content }),
  malformedJson: (on?: FaultTarget): Fault => ({ kind: 'malformed-json', on }),
  expiredUrl: (status: 403 | 404 | 410 = 410): Fault => ({ kind: 'expired-url', status }),
  jobFailed: (message?: string): Fault => ({ kind: 'job-failed', message }),
  jobStatus: (status: string): Fault => ({ kind: 'job-status', status }),
  hang: (on?: FaultTarget): Fault => ({ kind: 'hang', on }),
  errorIn200: (message?: string, code?: string): Fault => ({ kind: 'error-in-200', message, code }),
  jobId: (id: string): Fault => ({ kind: 'job-id', id }),
  /** On a submit (url mode) or, with on: 'poll', on the first poll of an async job (its finished answer then links there). */
  imageUrl: (url: string, on?: FaultTarget): Fault => ({ kind: 'image-url', url, on }),
  extraImages: (count: number): Fault => ({ kind: 'extra-images', count }),
  redirect: (to: string): Fault => ({ kind: 'redirect', to }),
};

export function faultTarget(f: Fault): FaultTarget {
  if (f.on) return f.on;
  if (f.kind === 'expired-url' || f.kind === 'redirect') return 'download';
  if (f.kind === 'job-failed' || f.kind === 'job-status') return 'poll';
  return 'submit';
}

export class FaultScript {
  #queue: Fault[] = [];

  push(...faults: Fault[]): void {
    this.#queue.push(...faults);
  }

  /** The first queued fault aimed at this kind of request, removed from the script. */
  take(target: FaultTarget): Fault | undefined {
    const index = this.#queue.findIndex((f) => faultTarget(f) === target);
    if (index < 0) return undefined;
    return this.#queue.splice(index, 1)[0];
  }

  get pending(): number {
    return this.#queue.length;
  }

  clear(): void {
    this.#queue = [];
  }
}

/** Corrupts image bytes as a truncated-image / non-image fault asks. */
export function corruptImage(png: Buffer, f: Fault | undefined): Buffer {
  if (f?.kind === 'truncated-image') return png.subarray(0, Math.max(16, Math.floor(png.length / 2)));
  if (f?.kind === 'non-image') {
    const text =
      f.content === 'svg'
        ? '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="red"/></svg>'
        : '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>';
    return Buffer.from(text, 'utf8');
  }
  return png;
}
