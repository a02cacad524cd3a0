/**
 * The harness's Registrar: contract channels over `POST /ipc/<channel>` with a JSON body
 * `{ payload }`, push events over Server-Sent Events on `/events`. The sender check mirrors the
 * Electron one: only pages from the harness's own origin may call (the Origin header), and the
 * same dispatcher parses payloads and maps errors.
 */
import type { ServerResponse } from 'node:http';
import type { Dispatcher } from '../../electron/main/ipc/dispatcher';
import type { ChannelName } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { STARTUP_READS } from '../../shared/ipc/startup-reads';
import type { Registrar } from '../../electron/main/ipc/registrar';
import { json } from './node-http';

export interface HttpRegistrar extends Registrar {
  handleIpc(request: Request): Promise<Response>;
  /**
   * Main's answers to the start-up reads, for the bridge script to carry (bridge.ts): only for a
   * page of the harness's own origin (the browser's Sec-Fetch-Site), as every IPC call is.
   */
  startupAnswers(request: Request): Promise<Partial<Record<ChannelName, Envelope>> | null>;
  openEventStream(response: ServerResponse): void;
  closeEventStreams(): void;
}

export function createHttpRegistrar(dispatcher: Dispatcher, origin: string): HttpRegistrar {
  const streams = new Set<ServerResponse>();

  return {
    handle: (channel, handler) => dispatcher.register(channel, handler),
    push(event, payload) {
      const data = JSON.stringify(dispatcher.checkEvent(event, payload));
      for (const stream of streams) stream.write(`event: ${event}\ndata: ${data}\n\n`);
    },
    async handleIpc(request) {
      if (request.method !== 'POST') return json({ error: 'POST only' }, 405);
      if (request.headers.get('origin') !== origin) {
        return json({ ok: false, error: { code: 'UNKNOWN_SENDER', message: 'This window is not allowed to talk to Castboard.' } });
      }
      const channel = decodeURIComponent(new URL(request.url).pathname.slice('/ipc/'.length));
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return json({ ok: false, error: { code: 'INVALID_REQUEST', message: 'The request body is not JSON.' } });
      }
      const payload = body && typeof body === 'object' ? (body as { payload?: unknown }).payload : undefined;
      return json(await dispatcher.dispatch(channel, payload));
    },
    async startupAnswers(request) {
      if (request.headers.get('sec-fetch-site') !== 'same-origin') return null;
      const answers = await Promise.all(STARTUP_READS.map(async (channel) => [channel, await dispatcher.dispatch(channel, undefined)] as const));
      return Object.fromEntries(answers);
    },
    openEventStream(response) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      response.write(': connected\n\n');
      streams.add(response);
      response.on('close', () => streams.delete(response));
    },
    closeEventStreams() {
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
