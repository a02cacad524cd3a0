/**
 * Which image addresses from a gateway answer (data[].url, result.file_url / result_url, and every
 * redirect on the way) Castboard downloads from. Invariant: only https, or the gateway's own
 * origin (a gateway on a local http address, as the fake gateway in tests is, hands out links on
 * itself). Anything else (plain http to another host, data:, file:, ftp:, javascript:) is never
 * fetched: a hostile or broken answer must not make the app read local files or call into the
 * artist's network. The API key is never sent with a download in any case.
 */
import { GatewayError } from './gateway-errors';

export function mayDownloadFrom(address: string, gatewayOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && url.origin === gatewayOrigin;
}

/** The scheme and host of an address, short enough to quote (never its path or query: signed URLs carry tokens). */
function whereTo(address: string): string {
  try {
    const url = new URL(address);
    return url.host ? `${url.protocol}//${url.host}` : url.protocol;
  } catch {
    return 'not a web address';
  }
}

/** A paid image whose address Castboard refuses: not retryable (the answer will not change), so counted as paid and unusable. */
export function refusedAddress(address: string): GatewayError {
  return new GatewayError(
    'GATEWAY_BAD_IMAGE',
    `The image service gave an address Castboard will not download from (${whereTo(address).slice(0, 80)}): Castboard downloads images only over https or from the gateway itself. This image was paid for but cannot be used. Generate the panel again, and tell your gateway provider if it keeps happening.`,
  );
}

/** A link that keeps redirecting: the answer will not change, so the paid image is unusable (not retried). */
export function tooManyRedirects(most: number): GatewayError {
  return new GatewayError(
    'GATEWAY_BAD_IMAGE',
    `The image service's link to the image redirected more than ${most} times, so Castboard stopped following it. This image was paid for but cannot be used. Generate the panel again.`,
  );
}
