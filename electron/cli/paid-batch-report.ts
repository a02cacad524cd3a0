/**
 * The result of a paid batch: one row per panel (new takes with their absolute file paths, or
 * why it failed) and the spend, on stdout; what to do about failures on stderr. The exit code is
 * 0 only when every panel got its images, so scripts can tell a partial batch from a full one.
 * A panel whose accepted (paid) job the gateway still holds (GATEWAY_JOB_KEPT) is not a failure to
 * retry: sending it again would pay twice. It is reported as kept (`kept` in the JSON), with the
 * command that collects it, and left out of the retry command.
 */
import path from 'node:path';
import type { QueueSnapshot, Spend } from '../../shared/domain/jobs';
import type { Take } from '../../shared/domain/project';
import { formatCents, plural } from './cli-args';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './cli-io';
import { cliMessage } from './cli-messages';
import { shellWord } from './shell-word';

export interface BatchOutcome {
  snapshot: QueueSnapshot;
  /** Takes saved per panel id. */
  added: Map<string, Take[]>;
  /** Panels whose take on the board is one of this batch's (after a cancel: only panels that had none). */
  shown: ReadonlySet<string>;
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
  /** Finished after Ctrl-C: paid for and saved, on the board only if the panel had no take (then `shown`). */
  finishedAfterCancel?: boolean;
  shown?: boolean;
  /** Paid for without an image: an unusable answer, or a request whose outcome is unknown. */
  paidWithoutImage?: 'unusable' | 'unknown';
  /** Failed while the gateway still holds its accepted, paid job: kept in the project, collected later. */
  kept?: boolean;
}

/**
 * The gateway still holds the job's image: polling gave up (GATEWAY_JOB_KEPT), or the image came
 * but could not be written and the job stays pending in the project (RESULT_NOT_STORED).
 */
function isKept(job: QueueSnapshot['jobs'][number]): boolean {
  return job.error?.code === 'GATEWAY_JOB_KEPT' || (job.error?.code === 'RESULT_NOT_STORED' && job.remoteJobId !== undefined);
}

/**
 * The batch's spend once the results it could not write are given up (abandonHeldResults): they
 * were counted as stored when they came; they were not, and those with no job to collect them by
 * later are paid for without an image.
 */
export function withoutHeld(snapshot: QueueSnapshot, held: { images: number; cents: number; lostImages: number; lostCents: number }): QueueSnapshot {
  if (held.images === 0) return snapshot;
  const { spend } = snapshot;
  return {
    ...snapshot,
    spentCents: snapshot.spentCents - held.cents + held.lostCents,
    spend: {
      ...spend,
      storedImages: spend.storedImages - held.images,
      storedCents: spend.storedCents - held.cents,
      unusableImages: spend.unusableImages + held.lostImages,
      unusableCents: spend.unusableCents + held.lostCents,
    },
  };
}

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
    rows.set(panel, {
      panel,
      status,
      takes,
      ...(job.error ? { error: cliMessage(job.error.message), code: job.error.code } : {}),
      ...(job.finishedAfterCancel ? { finishedAfterCancel: true, shown: outcome.shown.has(job.panelId) } : {}),
      ...(job.paidWithoutImage ? { paidWithoutImage: job.paidWithoutImage } : {}),
      ...(job.state === 'failed' && isKept(job) ? { kept: true } : {}),
    });
  }
  return [...rows.values()].sort((a, b) => a.panel - b.panel);
}

function describeRow(row: PanelRow): string[] {
  if (row.status === 'done') {
    const note = row.finishedAfterCancel ? ` (finished after cancel: paid for, saved, ${row.shown ? 'on the board: the panel had no take' : 'not on the board: the panel keeps the take it showed'})` : '';
    return [`Panel ${row.panel}: ${plural(row.takes.length, 'new take')}${note}`, ...row.takes.map((take) => `  ${take.image}`)];
  }
  if (row.kept) return [`Panel ${row.panel}: not collected yet, job kept: ${row.error ?? ''}`];
  if (row.status === 'failed') return [`Panel ${row.panel}: failed: ${row.error ?? 'unknown error'}`];
  return [`Panel ${row.panel}: ${row.paidWithoutImage ? 'stopped while its request was in flight (may have been charged, no image)' : 'cancelled (not sent, not charged)'}`];
}

/** "spent $1.25: 24 images stored ($1.20), 1 image paid for but unusable ($0.05)". */
export function spendWords(spend: Spend): string {
  return `spent ${formatCents(spend.storedCents + spend.unusableCents + spend.unknownCents)}: ${spendBreakdown(spend)}`;
}

/** Where the money went: "24 images stored ($1.20), 1 image paid for but unusable ($0.05)". */
export function spendBreakdown(spend: Spend): string {
  const parts = [`${plural(spend.storedImages, 'image')} stored (${formatCents(spend.storedCents)})`];
  if (spend.unusableImages > 0) parts.push(`${plural(spend.unusableImages, 'image')} paid for but unusable (${formatCents(spend.unusableCents)})`);
  if (spend.unknownRequests > 0) parts.push(`${plural(spend.unknownRequests, 'request')} of unknown outcome, may have been charged (${formatCents(spend.unknownCents)})`);
  return parts.join(', ');
}

export function reportBatch(io: CliIo, batch: { kind: 'generate' | 'restyle'; json: boolean }, outcome: BatchOutcome): number {
  const rows = panelRows(outcome);
  const images = rows.reduce((sum, row) => sum + row.takes.length, 0);
  const unfinished = rows.filter((row) => row.status !== 'done').map((row) => row.panel);
  const kept = rows.filter((row) => row.kept).map((row) => row.panel);
  const { spentCents, spend } = outcome.snapshot;
  if (batch.json) {
    io.stdout(JSON.stringify({ kind: batch.kind, panels: rows, images, spentCents, spend, stopped: outcome.stopReason, kept }));
  } else {
    for (const row of rows) for (const line of describeRow(row)) io.stdout(line);
    io.stdout(`${batch.kind === 'generate' ? 'Generated' : 'Restyled'}: ${plural(images, 'image')} for ${plural(rows.length - unfinished.length, 'panel')}, ${spendWords(spend)}.`);
  }
  if (outcome.stopReason) io.stderr(outcome.stopReason);
  if (unfinished.length === 0) return EXIT_OK;
  const others = unfinished.length < rows.length ? ' The others are saved.' : '';
  const toRetry = unfinished.filter((panel) => !kept.includes(panel));
  const retry = toRetry.length > 0 ? ` To retry: castboard ${batch.kind} ${shellWord(outcome.root)} --panels ${toRetry.join(',')} ...` : '';
  io.stderr(`${plural(unfinished.length, 'panel')} did not finish.${others}${retry}`);
  if (kept.length > 0) io.stderr(keptWords(kept, outcome.root));
  return EXIT_FAILURE;
}

/** What to do about kept jobs: nothing to pay, only to collect (any generate or restyle of the project collects them too). */
function keptWords(kept: readonly number[], root: string): string {
  const one = kept.length === 1;
  const which = one ? `Panel ${kept[0] ?? ''}'s job is` : `The jobs of panels ${kept.join(', ')} are`;
  return `${which} paid for and kept in the project (the gateway still holds ${one ? 'it' : 'them'}). To collect ${one ? 'its image' : 'their images'} without sending anything new: castboard generate ${shellWord(root)} --collect (the next castboard generate or castboard restyle on this project collects ${one ? 'it' : 'them'} too).`;
}
