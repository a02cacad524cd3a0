/**
 * The result of a paid batch: one row per panel (new takes with their absolute file paths, or
 * why it failed) and the spend, on stdout; what to do about failures on stderr. The exit code is
 * 0 only when every panel got its images, so scripts can tell a partial batch from a full one.
 */
import path from 'node:path';
import type { QueueSnapshot } from '../../shared/domain/jobs';
import type { Take } from '../../shared/domain/project';
import { formatCents, plural } from './cli-args';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './cli-io';

export interface BatchOutcome {
  snapshot: QueueSnapshot;
  /** Takes saved per panel id. */
  added: Map<string, Take[]>;
  stopReason: string | null;
  /** Panel id -> 1-based number, as the project was when the batch started. */
  numbers: Map<string, number>;
  root: string;
}

interface PanelRow {
  panel: number;
  status: 'done' | 'failed' | 'cancelled';
  takes: Array<{ id: string; image: string }>;
  error?: string;
  code?: string;
}

/** The services' messages speak of the app's Settings; on the command line the fix is elsewhere. */
const CLI_HINTS: Partial<Record<string, string>> = {
  GATEWAY_UNREACHABLE: 'On the command line the gateway URL is AIGATEWAY_BASE_URL: test it with `castboard check`.',
  GATEWAY_TIMEOUT: 'On the command line the gateway URL is AIGATEWAY_BASE_URL: test it with `castboard check`.',
  GATEWAY_BAD_KEY: 'On the command line the key is AIGATEWAY_API_KEY: test it with `castboard check`.',
};

function panelRows(outcome: BatchOutcome): PanelRow[] {
  const rows = new Map<number, PanelRow>();
  for (const job of outcome.snapshot.jobs) {
    const panel = outcome.numbers.get(job.panelId);
    if (panel === undefined) continue; // a resumed job for a panel deleted since: its images stay in images/
    const takes = (outcome.added.get(job.panelId) ?? []).map((take) => ({ id: take.id, image: path.join(outcome.root, take.image) }));
    const status = job.state === 'done' ? 'done' : job.state === 'failed' ? 'failed' : 'cancelled';
    const previous = rows.get(panel);
    // A panel with a resumed job and a new one is done when either finished.
    if (previous?.status === 'done') continue;
    rows.set(panel, { panel, status, takes, ...(job.error ? { error: job.error.message, code: job.error.code } : {}) });
  }
  return [...rows.values()].sort((a, b) => a.panel - b.panel);
}

function describeRow(row: PanelRow): string[] {
  if (row.status === 'done') return [`Panel ${row.panel}: ${plural(row.takes.length, 'new take')}`, ...row.takes.map((take) => `  ${take.image}`)];
  if (row.status === 'failed') return [`Panel ${row.panel}: failed: ${row.error ?? 'unknown error'}`];
  return [`Panel ${row.panel}: cancelled`];
}

export function reportBatch(io: CliIo, batch: { kind: 'generate' | 'restyle'; json: boolean }, outcome: BatchOutcome): number {
  const rows = panelRows(outcome);
  const images = rows.reduce((sum, row) => sum + row.takes.length, 0);
  const unfinished = rows.filter((row) => row.status !== 'done').map((row) => row.panel);
  const spentCents = outcome.snapshot.spentCents;
  if (batch.json) {
    io.stdout(JSON.stringify({ kind: batch.kind, panels: rows, images, spentCents, stopped: outcome.stopReason }));
  } else {
    for (const row of rows) for (const line of describeRow(row)) io.stdout(line);
    io.stdout(`${batch.kind === 'generate' ? 'Generated' : 'Restyled'}: ${plural(images, 'image')} for ${plural(rows.length - unfinished.length, 'panel')}, spent ${formatCents(spentCents)}.`);
  }
  if (outcome.stopReason) io.stderr(outcome.stopReason);
  const hints = new Set(rows.map((row) => (row.code ? CLI_HINTS[row.code] : undefined)).filter((hint) => hint !== undefined));
  for (const hint of hints) io.stderr(hint);
  if (unfinished.length === 0) return EXIT_OK;
  const others = unfinished.length < rows.length ? ' The others are saved.' : '';
  io.stderr(`${plural(unfinished.length, 'panel')} did not finish.${others} To retry: castboard ${batch.kind} ${outcome.root} --panels ${unfinished.join(',')} ...`);
  return EXIT_FAILURE;
}
