/**
 * The fetch the gateway client uses in the app: Chromium's network stack (Electron's net.fetch,
 * here as a session's fetch), which follows the system proxy settings and trusts the OS
 * certificate store, so the app works behind a corporate proxy or TLS inspection (Node's own fetch
 * ignores both, and the fuses turn off NODE_EXTRA_CA_CERTS). It runs in a session of its own, in
 * memory only: net.fetch "will trigger webRequest handlers" (Electron's net docs), and the default
 * session cancels every request that leaves the app (window/session-guards.ts), which must stay so
 * for the renderer. A call with `redirect: 'manual'` (an image download, whose redirects the gateway
 * client checks hop by hop) goes through a ClientRequest instead (manual-redirect.ts): Electron's
 * fetch would reject the redirect. The CLI and tests keep Node's fetch.
 */
import { net, session } from 'electron';
import { answerWithoutFollowing, type ReportedResponse } from './manual-redirect';

/** No `persist:` prefix: cookies and cache of gateway calls stay in memory. */
export const GATEWAY_PARTITION = 'castboard-gateway';

export function createGatewayFetch(): typeof globalThis.fetch {
  const gateway = session.fromPartition(GATEWAY_PARTITION);
  return (input, init) => {
    if (init?.redirect !== 'manual') return gateway.fetch(input instanceof URL ? input.href : input, init);
    // Only image downloads ask for this: a plain GET, no body, no headers of ours.
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const request = net.request({ url, method: init.method ?? 'GET', session: gateway, redirect: 'manual', useSessionCookies: false });
    return answerWithoutFollowing(
      {
        onRedirect: (listener) => void request.on('redirect', (statusCode, _method, redirectUrl) => listener(statusCode, redirectUrl)),
        // Electron's IncomingMessage is a Node Readable at run time; its typings only say NodeJS.ReadableStream.
        onResponse: (listener) => void request.on('response', (message) => listener(message as unknown as ReportedResponse)),
        onError: (listener) => void request.on('error', listener),
        abort: () => request.abort(),
        end: () => request.end(),
      },
      init.signal,
    );
  };
}
