/**
 * A redirect answered, not followed, as Node's fetch answers `redirect: 'manual'`: the 3xx status
 * and its Location, no body. The gateway client follows an image link's redirects itself so it can
 * check every hop before asking for it (services/gateway/download-address.ts), but Electron's
 * fetch cancels a request that redirects under 'manual' and rejects ("Redirect was cancelled":
 * its net-fetch never answers ClientRequest's redirect event), which would lose every paid image
 * behind a redirecting link. Electron's own ClientRequest does report the redirect: this turns
 * its events into the Response Node's fetch would give. Pure of Electron, so tests drive it with
 * any request of the same shape.
 */
import { Readable } from 'node:stream';

/** What is read of Electron's IncomingMessage (a Readable of the body). */
export interface ReportedResponse extends Readable {
  statusCode: number;
  statusMessage: string;
  headers: Record<string, string | string[]>;
}

/** What is used of Electron's ClientRequest, created with `redirect: 'manual'` (its events as callbacks). */
export interface RedirectReportingRequest {
  onRedirect(listener: (statusCode: number, redirectUrl: string) => void): void;
  onResponse(listener: (response: ReportedResponse) => void): void;
  onError(listener: (error: Error) => void): void;
  abort(): void;
  end(): void;
}

/** Statuses whose Response may not have a body (Fetch standard). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function responseOf(message: ReportedResponse): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const body = NULL_BODY_STATUSES.has(message.statusCode) ? null : (Readable.toWeb(message) as ReadableStream<Uint8Array>);
  return new Response(body, { status: message.statusCode, statusText: message.statusMessage, headers });
}

/** Sends `request` and answers its first response, or its first redirect without following it. */
export function answerWithoutFollowing(request: RedirectReportingRequest, signal?: AbortSignal | null): Promise<Response> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      request.abort();
      reject(signal?.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted.', 'AbortError'));
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    request.onRedirect((statusCode, redirectUrl) => {
      // Not followed (left unanswered, ClientRequest would cancel it anyway): the caller decides.
      request.abort();
      resolve(new Response(null, { status: statusCode, headers: { location: redirectUrl } }));
    });
    request.onResponse((message) => resolve(responseOf(message)));
    request.onError(reject);
    request.end();
  });
}
