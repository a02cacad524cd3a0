/**
 * The fetch the harness gives its services: it records every outbound request and refuses any
 * host outside the loopback range, so a test run can prove no traffic left 127.0.0.1.
 */
export interface OutboundLog {
  readonly requests: Array<{ url: string; allowed: boolean }>;
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function createLoopbackFetch(): { fetch: typeof globalThis.fetch; log: OutboundLog } {
  const log: OutboundLog = { requests: [] };
  const loopbackFetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const allowed = isLoopbackHost(url.hostname);
    log.requests.push({ url: url.href, allowed });
    if (!allowed) throw new TypeError(`The test harness refused a request to ${url.host}: only 127.0.0.1 is reachable in tests.`);
    return globalThis.fetch(input, init);
  };
  return { fetch: loopbackFetch, log };
}
