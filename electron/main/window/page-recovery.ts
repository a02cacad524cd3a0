/**
 * Brings the window's page back when its renderer process dies (out of memory on a large board,
 * a GPU or renderer crash, killed by the OS). Without it the window stays blank and dead until
 * the artist closes it. Main still has the project open with every edit the page had handed it,
 * so loading the page again shows the board as main has it (the page's start-up reads).
 * Invariants:
 *  - a page that ended on purpose (`clean-exit`, the window closing) is not reloaded;
 *  - a page that keeps dying is not reloaded forever: at most `maxReloads` within `perMs`, then
 *    the window is left as it is and the failure is logged;
 *  - `onGone` runs for every death, reloaded or not: the page no longer listens for commands.
 * shouldReload() is pure; recoverCrashedPage() is the glue on a BrowserWindow.
 */
import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import type { Logger } from '../../services/logger';

export const MAX_RELOADS = 3;
export const RELOAD_PERIOD_MS = 60_000;

/** Whether to reload now, given when earlier reloads happened (ms). */
export function shouldReload(reason: RenderProcessGoneDetails['reason'], earlier: readonly number[], now: number, maxReloads = MAX_RELOADS, perMs = RELOAD_PERIOD_MS): boolean {
  if (reason === 'clean-exit') return false;
  return earlier.filter((at) => now - at < perMs).length < maxReloads;
}

type RecoverableWindow = Pick<BrowserWindow, 'isDestroyed' | 'loadURL'> & {
  webContents: Pick<BrowserWindow['webContents'], 'on'>;
};

export interface PageRecoveryOptions {
  url: string;
  logger: Logger;
  onGone?: () => void;
  now?: () => number;
}

export function recoverCrashedPage(window: RecoverableWindow, options: PageRecoveryOptions): void {
  const now = options.now ?? Date.now;
  const reloads: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    options.onGone?.();
    if (window.isDestroyed()) return;
    const at = now();
    if (!shouldReload(details.reason, reloads, at)) {
      if (details.reason !== 'clean-exit') options.logger.error('The window stopped working again; not reloading it', { reason: details.reason, exitCode: details.exitCode });
      return;
    }
    reloads.push(at);
    options.logger.error('The window stopped working; reloading it', { reason: details.reason, exitCode: details.exitCode });
    window.loadURL(options.url).catch((error: unknown) => options.logger.error('Could not reload the window', { error }));
  });
}
