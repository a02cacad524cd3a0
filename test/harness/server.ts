/**
 * The browser harness (docs/architecture.md, "The IPC contract and the bridge"): serves the built renderer over HTTP with the app's
 * CSP, mounts the same registrar (as HTTP) and media handler as the app, with temp-folder
 * adapters, a fake cipher, scripted dialogs and a loopback-only fetch. The gateway is
 * AIGATEWAY_BASE_URL/AIGATEWAY_API_KEY when given, else a fake gateway started here.
 *
 *   /                 built renderer (dist/renderer), index.html gets the harness bridge script
 *   /harness/bridge.js  window.castboard over HTTP (dist/harness/bridge.js)
 *   /ipc/<channel>    contract calls          /events   push events (SSE)
 *   /media/<path>     project media           /__harness/*  test controls (dialogs, logs, in-page prompts)
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices } from '../../electron/main/app-services';
import { createDispatcher } from '../../electron/main/ipc/dispatcher';
import { registerAll } from '../../electron/main/ipc/register-all';
import { consoleLogger, type Logger } from '../../electron/services/logger';
import { createMediaHandler } from '../../electron/services/serving/media-handler';
import { createStaticHandler } from '../../electron/services/serving/static-handler';
import { startFakeGateway, type FakeGateway } from '../fakes/gateway/fake-gateway';
import { createFakeCipher, createMemorySecret, createRecordingShell, createScriptedDialogs, createTempSettingsStore, type KeyProtection, type ShellRequest } from './harness-adapters';
import { createHttpRegistrar } from './http-registrar';
import { createPromptDialogs } from './prompt-dialogs';
import { createLoopbackFetch, type OutboundLog } from './loopback-fetch';
import { BodyTooLargeError, json, leftBeforeRead, sendResponse, toRequest } from './node-http';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface HarnessOptions {
  port?: number;
  projectDir?: string;
  /** How the fake cipher reports itself (default 'encrypted'); 'plain-text-fallback' mimics Linux without a keyring. */
  keyProtection?: KeyProtection;
  logger?: Logger;
  /**
   * For a person trying the app (`npm run harness`): a file dialog with no scripted answer shows
   * an in-page prompt instead of answering "cancelled".
   */
  interactiveDialogs?: boolean;
}

export interface Harness {
  readonly url: string;
  readonly services: AppServices;
  readonly gateway: FakeGateway | null;
  readonly outbound: OutboundLog;
  /** What the app asked the shell to show (Show in folder, Open). */
  readonly shellRequests: readonly ShellRequest[];
  close(): Promise<void>;
}

async function readBridge(): Promise<string> {
  try {
    return await readFile(path.join(repoRoot, 'dist/harness/bridge.js'), 'utf8');
  } catch {
    throw new Error('dist/harness/bridge.js is missing: run `npm run build:harness` first.');
  }
}

/**
 * The bridge script, carrying main's answers to the start-up reads when the page may have them.
 * In the app the preload's start-up reads are answered over IPC within milliseconds, before the
 * page has parsed; over HTTP they would cost the page a round trip through the browser's network
 * stack after the bridge runs, which the app does not pay.
 */
function bridgeScript(bridge: string, answers: object | null): Response {
  const prelude = answers ? `globalThis.castboardHarnessStartupAnswers = JSON.parse(${JSON.stringify(JSON.stringify(answers))});\n` : '';
  return new Response(prelude + bridge, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const logger = options.logger ?? consoleLogger;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'castboard-harness-'));
  const bridge = await readBridge();
  const gateway = process.env.AIGATEWAY_BASE_URL ? null : await startFakeGateway();
  const outbound = createLoopbackFetch();
  const dialogs = createScriptedDialogs();
  const prompts = options.interactiveDialogs ? createPromptDialogs(dialogs) : null;
  const shell = createRecordingShell();

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const registrar = createHttpRegistrar(createDispatcher(logger), origin);

  const services = createAppServices(
    {
      settingsStore: createTempSettingsStore(dataDir),
      cipher: createFakeCipher(options.keyProtection ?? 'encrypted'),
      secretPersistence: createMemorySecret(),
      dialogs: prompts ?? dialogs,
      shell,
      logger,
      appInfo: { version: 'harness', platform: process.platform },
      fetch: outbound.fetch,
    },
    registrar,
  );
  services.settings.update({ gatewayBaseUrl: process.env.AIGATEWAY_BASE_URL ?? gateway?.url });
  if (process.env.AIGATEWAY_API_KEY) await services.keyVault.set(process.env.AIGATEWAY_API_KEY, { sessionOnly: true });
  registerAll(registrar, services);
  if (options.projectDir) {
    await services.workspace.openPath(options.projectDir);
    services.generation.resumePending();
  }

  const media = createMediaHandler({ getProjectRoot: () => services.workspace.root(), mountPath: '/media/', prepare: (ref) => services.workspace.prepareMedia(ref) });
  const renderer = createStaticHandler({
    root: path.join(repoRoot, 'dist/renderer'),
    transformIndexHtml: (html) => html.replace('<head>', '<head>\n    <script defer src="/harness/bridge.js"></script>'),
  });

  async function route(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const pathname = new URL(incoming.url ?? '/', origin).pathname;
    if (pathname === '/events') return registrar.openEventStream(outgoing);
    const request = await toRequest(incoming, origin);
    let response: Response;
    if (pathname.startsWith('/ipc/')) response = await registrar.handleIpc(request);
    else if (pathname.startsWith('/media/')) response = await media(request);
    else if (pathname === '/harness/bridge.js') {
      // A page is loading: prompts still waiting were asked for by a page that is gone (closed or
      // reloaded with the prompt open). Left waiting, the new page would show and answer them
      // first, and its own choice would go to a dialog nobody waits for.
      prompts?.cancelAll();
      response = bridgeScript(bridge, await registrar.startupAnswers(request));
    }
    else if (pathname === '/__harness/dialogs' && request.method === 'POST') {
      const { kind, answer } = (await request.json()) as { kind: Parameters<typeof dialogs.script>[0]; answer: string | null };
      dialogs.script(kind, answer);
      response = json({ ok: true });
    } else if (pathname === '/__harness/prompt' && request.method === 'GET') response = json({ prompt: prompts?.pending() ?? null });
    else if (pathname === '/__harness/prompt' && request.method === 'POST') {
      const { id, answer } = (await request.json()) as { id: number; answer: string | null };
      response = json({ ok: prompts?.answer(id, answer) ?? false });
    } else if (pathname === '/__harness/outbound') response = json(outbound.log.requests);
    else response = await renderer(request);
    await sendResponse(response, outgoing);
  }

  server.on('request', (incoming, outgoing) => {
    route(incoming, outgoing).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        incoming.resume(); // drain without keeping it
        const refusal = { ok: false, error: { code: 'INVALID_REQUEST', message: 'The request is too large. Images must be under 30 MB.' } };
        return void sendResponse(json(refusal, 413), outgoing);
      }
      if (leftBeforeRead(incoming)) return void logger.info('Harness request dropped: the page went away before sending it in full', { url: incoming.url });
      logger.error('Harness request failed', { url: incoming.url, error: String(error) });
      if (!outgoing.headersSent) outgoing.statusCode = 500;
      outgoing.end();
    });
  });

  return {
    url: `${origin}/`,
    services,
    gateway,
    outbound: outbound.log,
    shellRequests: shell.requests,
    async close() {
      registrar.closeEventStreams();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      services.generation.dispose();
      await services.workspace.close().catch(() => undefined);
      // Cards ask for their reference's face on open: stop the face worker (~600 MB) now, not a minute later.
      await services.consistency.close();
      await gateway?.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
