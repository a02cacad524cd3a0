/**
 * Which renderer frames may call into main: only the top-level document of one of the app's own
 * windows, served from the app's own origin (`castboard://app`). Anything else (a frame that
 * navigated away, an iframe of any origin, even the app's own, a remote page, a web contents that
 * is not one of the app's windows) is refused before its payload is even parsed.
 */
import { APP_HOST, APP_SCHEME } from '../../../shared/app-urls';

/** What main is told about the frame that sent a call (Electron's WebFrameMain, narrowed). */
export interface SenderFrame {
  url: string;
  /** Null for a window's top-level document. */
  parent: unknown;
}

/**
 * `frame` may call into main: a top-level document at the app's origin. An iframe never may: the
 * app has none, so one is content that got into the page, and the CSP's frame rules are not the
 * only line of defence.
 */
export function isTrustedSenderFrame(frame: SenderFrame | null | undefined): boolean {
  return !!frame && frame.parent === null && isTrustedSenderUrl(frame.url);
}

export function isTrustedSenderUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}
