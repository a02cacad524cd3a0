/** Converts between node:http and the fetch API, so the app's `(Request) => Response` handlers mount unchanged. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The largest request body the harness reads: the biggest contract payload (40 MB of base64 for an
 * imported image) plus JSON framing. Like Electron's IPC, anything larger is refused by its size
 * (Content-Length, or the bytes counted as they arrive) before it is buffered or parsed.
 */
export const MAX_REQUEST_BODY_BYTES = 41 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

export async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    if (Number(incoming.headers['content-length'] ?? 0) > MAX_REQUEST_BODY_BYTES) throw new BodyTooLargeError();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of incoming) {
      size += (chunk as Buffer).length;
      if (size > MAX_REQUEST_BODY_BYTES) throw new BodyTooLargeError();
      chunks.push(chunk as Buffer);
    }
    body = new Uint8Array(Buffer.concat(chunks));
  }
  return new Request(new URL(incoming.url ?? '/', origin), { method, headers, body });
}

/**
 * The page went away (closed, reloaded or navigated) before its request body arrived in full, so
 * no handler ran: a tab closing during an autosave, not a harness failure.
 */
export function leftBeforeRead(incoming: IncomingMessage): boolean {
  return incoming.destroyed && !incoming.complete;
}

export async function sendResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => outgoing.setHeader(name, value));
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  outgoing.end(body);
}

export function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
}
