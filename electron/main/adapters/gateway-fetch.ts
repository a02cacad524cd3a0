/**
 * The fetch the gateway client uses in the app: Chromium's network stack (Electron's net.fetch,
 * here as a session's fetch), which follows the system proxy settings and trusts the OS
 * certificate store, so the app works behind a corporate proxy or TLS inspection (Node's own fetch
 * ignores both, and the fuses turn off NODE_EXTRA_CA_CERTS). It runs in a session of its own, in
 * memory only: net.fetch "will trigger webRequest handlers" (Electron's net docs), and the default
 * session cancels every request that leaves the app (window/session-guards.ts), which must stay so
 * for the renderer. The CLI and tests keep Node's fetch.
 */
import { session } from 'electron';

/** No `persist:` prefix: cookies and cache of gateway calls stay in memory. */
export const GATEWAY_PARTITION = 'castboard-gateway';

export function createGatewayFetch(): typeof globalThis.fetch {
  const gateway = session.fromPartition(GATEWAY_PARTITION);
  return (input, init) => gateway.fetch(input instanceof URL ? input.href : input, init);
}
