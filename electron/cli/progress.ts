/**
 * Progress on stderr, so stdout stays clean for results. On a terminal one line is redrawn in
 * place as a bar; anywhere else (logs, CI, pipes) the bar becomes plain lines, "Exporting: 5/25
 * panels (20%)", rate-limited (plainProgress.ts) so a long export shows it is alive without
 * flooding the log. Events (a failed job, a pause) are one plain line each, printed once.
 */
import type { QueueSnapshot } from '../../shared/domain/jobs';
import { isTerminalState } from '../../shared/domain/job-states';
import { formatCents } from './cli-args';
import type { CliIo } from './cli-io';
import { cliMessage } from './cli-messages';
import { createPlainProgress } from './plain-progress';

export interface ProgressLine {
  /** Redraws the bar (terminal only). */
  bar(label: string, done: number, total: number, detail: string): void;
  /** A line that is always shown (an event in the log, or a message above the bar). */
  note(text: string): void;
  /** Ends the bar's line so what follows starts on a fresh one. */
  end(): void;
  readonly interactive: boolean;
}

export interface ProgressLineOptions {
  /**
   * Off a terminal, print the bar as rate-limited plain lines (default). Off for reporters that
   * already log one line per event (generation jobs), which would only repeat them.
   */
  plainLines?: boolean;
}

export function createProgressLine(io: CliIo, options: ProgressLineOptions = {}): ProgressLine {
  const write = io.stderrWrite;
  const interactive = Boolean(io.isTTY?.stderr && write);
  const plain = !interactive && (options.plainLines ?? true) ? createPlainProgress() : null;
  let drawn = false;
  return {
    interactive,
    bar(label, done, total, detail) {
      const plainLine = plain?.line(label, done, total, detail);
      if (plainLine) io.stderr(plainLine);
      if (!interactive || !write || total === 0) return;
      // Some terminals (and pseudo-terminals) report 0 columns: treat that as unknown.
      const columns = io.columns || 80;
      const width = Math.max(10, Math.min(30, columns - 60));
      const filled = total > 0 ? Math.round((done / total) * width) : 0;
      const text = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${detail ? ` ${detail}` : ''}`;
      // \r + erase-line redraws in place; the text is cut to the terminal width so it never wraps.
      write(`\r\x1b[K${text.slice(0, columns - 1)}`);
      drawn = true;
    },
    note(text) {
      if (drawn && write) write('\r\x1b[K');
      io.stderr(text);
      drawn = false;
    },
    end() {
      if (drawn && write) write('\n');
      drawn = false;
    },
  };
}

function pauseText(snapshot: QueueSnapshot, now: number): string {
  const { pause } = snapshot;
  if (!pause) return '';
  if (pause.reason === 'rate-limit') return `rate limited, waiting ${Math.max(0, Math.ceil((pause.resumeAt - now) / 1000))}s`;
  return `paused: ${cliMessage(pause.message)}`;
}

/** What the queue learned about the gateway's limits, e.g. "60/min, 10 at once". */
function pacingText(snapshot: QueueSnapshot): string {
  const { pacing } = snapshot;
  if (pacing.learnedFrom === 'setting') return '';
  return [pacing.requestsPerMinute ? `${pacing.requestsPerMinute}/min` : '', `${pacing.inFlightLimit} at once`].filter(Boolean).join(', ');
}

/** Reports generation jobs: a bar on a terminal, otherwise one line per finished job and per pause. */
export function createJobProgress(io: CliIo, label: string, panelNumber: (panelId: string) => string, now: () => number = Date.now) {
  // One line per finished job is the plain log here; percentages would repeat it.
  const line = createProgressLine(io, { plainLines: false });
  const seen = new Map<string, string>();
  let lastPause: string | null = null;
  return {
    update(snapshot: QueueSnapshot): void {
      for (const job of snapshot.jobs) {
        if (!isTerminalState(job.state) || seen.get(job.id) === job.state) continue;
        seen.set(job.id, job.state);
        // A kept job is paid for and still at the gateway: not a failure to send again.
        const failed = job.error?.code === 'GATEWAY_JOB_KEPT' ? 'job kept' : 'failed';
        if (job.state === 'failed') line.note(`panel ${panelNumber(job.panelId)}: ${failed}: ${cliMessage(job.error?.message ?? 'unknown error')}`);
        else if (!line.interactive) line.note(`panel ${panelNumber(job.panelId)}: ${job.state}${job.images ? ` (${job.images} image${job.images === 1 ? '' : 's'})` : ''}`);
      }
      const pause = pauseText(snapshot, now());
      // A pause is logged once when it starts, not on every countdown tick.
      const pauseKey = snapshot.pause?.reason ?? null;
      if (pauseKey && pauseKey !== lastPause && !line.interactive) line.note(pause);
      lastPause = pauseKey;
      const { counts } = snapshot;
      const finished = counts.done + counts.failed + counts.cancelled;
      line.bar(label, finished, counts.total, [`panels, spent ${formatCents(snapshot.spentCents)}`, pacingText(snapshot), pause].filter(Boolean).join(' · '));
    },
    note: (text: string) => line.note(text),
    end: () => line.end(),
  };
}
