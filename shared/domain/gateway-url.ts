/**
 * The gateway's address: its default and the rules a configured one must meet, in a module with
 * no dependencies, so the CLI's help can name the default and the compiled answer checks
 * (shared/ipc/answer-checks/) can apply the rules without loading zod.
 */
export const DEFAULT_GATEWAY_BASE_URL = 'https://api.aigateway.sh/v1';

export const MAX_GATEWAY_URL_LENGTH = 2048;

/** Plain http only to this computer (a local gateway or a test server); anything else carries the key, so https. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isAllowedGatewayUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}

/** A gateway URL as stored: without trailing slashes, so paths join with exactly one. */
export function withoutTrailingSlashes(value: string): string {
  return value.replace(/\/+$/, '');
}
