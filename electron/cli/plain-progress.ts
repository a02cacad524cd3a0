/**
 * The progress bar's stand-in off a terminal (CI logs, pipes): plain lines such as
 * "Exporting: 5/25 panels (20%)". A line is printed for the first update, then each time another
 * tenth of the work is done or PLAIN_PROGRESS_INTERVAL_MS have passed with some progress, and for
 * the last update: at most about one line per 10% or per 10 seconds, whatever the length of the run.
 */

export const PLAIN_PROGRESS_INTERVAL_MS = 10_000;

export interface PlainProgress {
  /** The line to print for this update, or null when it would come too soon after the last one. */
  line(label: string, done: number, total: number, detail: string): string | null;
}

export function createPlainProgress(now: () => number = Date.now): PlainProgress {
  let last: { done: number; tenth: number; at: number } | null = null;
  return {
    line(label, done, total, detail) {
      if (total <= 0) return null;
      const tenth = Math.floor((done / total) * 10);
      const at = now();
      const due =
        last === null ||
        (done === total && last.done !== total) ||
        tenth > last.tenth ||
        (done > last.done && at - last.at >= PLAIN_PROGRESS_INTERVAL_MS);
      if (!due) return null;
      last = { done, tenth, at };
      return `${label}: ${done}/${total}${detail ? ` ${detail}` : ''} (${Math.round((done / total) * 100)}%)`;
    },
  };
}
