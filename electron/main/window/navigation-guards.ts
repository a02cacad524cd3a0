/**
 * Keeps every web contents on the app's own page: navigation and redirects are cancelled (the UI is
 * a single page and never navigates; a dropped file or a clicked link must not replace it),
 * `window.open` is denied, and webviews can never be attached.
 */
import type { WebContents } from 'electron';
import type { Logger } from '../../services/logger';

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardWebContents(contents: GuardedContents, logger: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('Blocked window.open', { url });
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    logger.warn('Blocked navigation', { url: event.url });
    event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return; // main-frame navigation is already cancelled by will-navigate
    logger.warn('Blocked frame navigation', { url: event.url });
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    logger.warn('Blocked redirect', { url: event.url });
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    logger.warn('Blocked webview');
    event.preventDefault();
  });
}
