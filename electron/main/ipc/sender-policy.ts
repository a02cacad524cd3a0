/**
 * Which renderer frames may call into main: only documents served from the app's own origin
 * (`castboard://app`). Anything else (a frame that navigated away, an iframe of another origin,
 * a remote page) is refused before its payload is even parsed.
 */
import { APP_HOST, APP_SCHEME } from '../../../shared/app-urls';

export function isTrustedSenderUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}
