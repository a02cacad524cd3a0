/**
 * How the banner and the status bar tell a batch's progress, in one place so they never disagree.
 * "Done" counts only panels that finished with their images; failed and cancelled panels are named
 * on their own (after Cancel all, cancelled panels once read as done: "4 of 6 panels done"). The
 * bar measures the work still meant to happen: cancelled panels leave it, finished or failed ones
 * fill it.
 */
import { plural } from '../lib/format';
import type { BatchProgress } from './use-batch-progress';

export interface BatchProgressWords {
  /** The banner's line: "0 of 6 panels done · 4 cancelled". */
  summary: string;
  /** The status bar's: "0/6 · 4 cancelled". */
  short: string;
  /** For a <progress>: settled panels out of those not cancelled (max is at least 1 while running). */
  value: number;
  max: number;
}

export function batchProgressWords(progress: BatchProgress): BatchProgressWords {
  const { total, done, failed, cancelled } = progress;
  const outcomes = [failed > 0 ? ` · ${failed} failed` : '', cancelled > 0 ? ` · ${cancelled} cancelled` : ''].join('');
  return {
    summary: `${done} of ${plural(total, 'panel')} done${outcomes}`,
    short: `${done}/${total}${outcomes}`,
    value: done + failed,
    max: Math.max(1, total - cancelled),
  };
}
