/**
 * A paid batch (generate or restyle) from the command line, on the app's generation service:
 * check every panel, state the image count and the cost, get consent, run the queue, report.
 * Invariants:
 *  - every panel is checked (scene, character, reference image, source take) before the cost is
 *    stated or anything is sent, so a batch starts whole or not at all;
 *  - nothing is sent without consent (consent.ts); `--dry-run` never needs a key or a network,
 *    and takes no lock (withBatchProject reads the project), so it works while it is open elsewhere;
 *  - the service saves each result into the project as it arrives; jobs the gateway accepted in
 *    an earlier, interrupted run are collected (polled, never resubmitted, not charged again);
 *  - a bad key or an empty wallet stops the batch (nobody is there to fix it and resume), a rate
 *    limit only waits (up to the Retry-After cap); the first Ctrl-C sends nothing new and waits
 *    for the requests already sent (paid for) to be stored; a second one quits at once and names
 *    the panels that may have been paid for without an image.
 */
import type { QueueSnapshot } from '../../shared/domain/jobs';
import type { Project, Take } from '../../shared/domain/project';
import { setActiveTake } from '../../shared/domain/project-edit';
import type { Settings } from '../../shared/domain/settings';
import { createGenerationService, FINISHED_AFTER_CANCEL, type GenerationService } from '../services/generation/generation-service';
import { uniquePendingJobs, type PanelJobContext } from '../services/generation/panel-jobs';
import type { ProjectWorkspace } from '../services/workspace/project-workspace';
import type { BatchProject } from './cli-project';
import { formatCents, plural } from './cli-args';
import { cliSettings, requireApiKey } from './cli-gateway';
import { cliLogger } from './cli-logger';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './cli-io';
import { cliMessage } from './cli-messages';
import { confirmSpend } from './consent';
import { reportBatch, withoutHeld, type BatchOutcome } from './paid-batch-report';
import type { SkippedPanel } from './panel-skips';
import { createJobProgress } from './progress';
import { shellWord } from './shell-word';

export interface PaidBatch {
  kind: 'generate' | 'restyle';
  /** 1-based panel numbers, already checked against the project. */
  numbers: number[];
  variations: number;
  concurrency?: number;
  yes: boolean;
  dryRun: boolean;
  json: boolean;
  /** Put each panel's first new take on the board (by default a panel keeps the take it shows). */
  activate: boolean;
  /** Builds the jobs once without sending them: throws the message naming the panel to fix. */
  preflight(context: PanelJobContext, panelIds: string[]): Promise<unknown>;
  /** Panels left out before the batch (e.g. "No character"), listed by `--dry-run --json`. */
  skipped?: SkippedPanel[];
  /** Each panel's request body, images elided (shared/generation/request-plan), for `--dry-run --json`. */
  requestBodies?(project: Project, panelIds: string[]): unknown[];
  start(service: GenerationService, panelIds: string[]): Promise<unknown>;
}

const isSettled = (snapshot: QueueSnapshot): boolean => {
  const { counts } = snapshot;
  return counts.total > 0 && counts.done + counts.failed + counts.cancelled === counts.total;
};

function stopMessage(pause: NonNullable<QueueSnapshot['pause']>): string {
  const after = ' Requests already sent were finished and saved.';
  if (pause.reason === 'bad-key') return `The gateway rejected AIGATEWAY_API_KEY, so nothing more was sent. Check the key with \`castboard check\`, then run the command again.${after}`;
  if (pause.reason === 'rate-limit-long') return `${cliMessage(pause.message)}${after}`;
  return `Your AIgateway account is out of credits, so nothing more was sent. Top up your balance, then run the command again.${after}`;
}

/** Jobs whose request is at the gateway now (paid for, or possibly paid for). */
function inFlight(snapshot: QueueSnapshot): QueueSnapshot['jobs'] {
  return snapshot.jobs.filter((job) => job.state === 'sending' || job.state === 'polling' || job.state === 'downloading' || (job.cancelRequested && job.state === 'waiting'));
}

function panelList(jobs: QueueSnapshot['jobs'], numbers: Map<string, number>): string {
  return [...new Set(jobs.map((job) => numbers.get(job.panelId) ?? 0))].sort((a, b) => a - b).join(', ');
}

async function runQueue(io: CliIo, workspace: ProjectWorkspace, settings: Settings, apiKey: string, batch: PaidBatch, panelIds: string[]): Promise<BatchOutcome> {
  const numbers = new Map(workspace.project().panels.map((panel, index) => [panel.id, index + 1]));
  const added = new Map<string, Take[]>();
  const shown = new Set<string>();
  const progress = createJobProgress(io, batch.kind === 'generate' ? 'Generating' : 'Restyling', (id) => String(numbers.get(id) ?? '?'));
  let stopReason: string | null = null;
  let started = false;
  let settle: (snapshot: QueueSnapshot) => void = () => undefined;
  const finished = new Promise<QueueSnapshot>((resolve) => (settle = resolve));
  const logger = cliLogger(io); // CASTBOARD_DEBUG=1: redacted lines on stderr
  const service = createGenerationService({
    workspace,
    settings: () => settings,
    apiKey: () => apiKey,
    logger,
    fetch: io.fetch,
    onProgress: (snapshot) => {
      progress.update(snapshot);
      if (snapshot.pause && snapshot.pause.reason !== 'rate-limit' && !stopReason) {
        stopReason = stopMessage(snapshot.pause);
        // Not from inside the queue's own progress callback: cancel once it has returned.
        queueMicrotask(() => service.cancelAll());
      }
      if (started && isSettled(snapshot)) settle(snapshot);
    },
    onTakesAdded: (event) => {
      added.set(event.panelId, [...(added.get(event.panelId) ?? []), ...event.takes]);
      if (event.takes.some((take) => take.id === event.activeTakeId)) shown.add(event.panelId);
    },
  });
  const onAbort = (): void => {
    stopReason ??= 'Stopped by Ctrl-C: nothing was sent after it. Requests already sent were finished and saved (paid for; put on the board only where a panel had no take).';
    const sent = inFlight(service.snapshot());
    service.cancelAll();
    if (sent.length > 0) {
      progress.note(`Waiting for ${plural(sent.length, 'request')} already sent and paid for (panels ${panelList(sent, numbers)}): their images will be saved. Press Ctrl-C again to quit now and lose them.`);
    }
  };
  const onQuit = (): void => {
    const accepted = inFlight(service.snapshot()).filter((job) => job.remoteJobId !== undefined);
    const lost = service.stopNow();
    progress.end();
    const collected = accepted.length > 0 ? ` Jobs the gateway had accepted (panels ${panelList(accepted, numbers)}) are collected by castboard generate ${shellWord(workspace.root() ?? '<dir>')} --collect (or the next generate or restyle), never sent again.` : '';
    if (lost.length === 0) io.stderr(`Quit at once. No image was paid for and lost.${collected}`);
    else io.stderr(`Quit at once. Panels that may have been paid for without an image: ${panelList(lost, numbers)}.${collected}`);
  };
  io.signal?.addEventListener('abort', onAbort, { once: true });
  io.quit?.addEventListener('abort', onQuit, { once: true });
  try {
    service.resumePending(); // announced by runPaidBatch before consent
    logger.info(`${batch.kind} batch started`, { panels: panelIds.length, baseUrl: settings.gatewayBaseUrl });
    await batch.start(service, panelIds);
    started = true;
    const now = service.snapshot();
    if (isSettled(now) || now.counts.total === 0) settle(now);
    // A command cannot wait for disk space as the app does: what it could not write is given up
    // (an accepted job stays pending and is collected by the next run; the rest is counted as paid).
    const snapshot = withoutHeld(await finished, await service.abandonHeldResults());
    for (const job of snapshot.jobs) logger.info(`job ${job.state}`, { panel: numbers.get(job.panelId), error: job.error });
    return { snapshot, added, shown, stopReason, numbers, root: workspace.root() ?? '' };
  } finally {
    progress.end();
    io.signal?.removeEventListener('abort', onAbort);
    io.quit?.removeEventListener('abort', onQuit);
    service.dispose();
  }
}

/**
 * --activate (always on for render): each panel's first new take goes on the board. Not a take
 * that finished after Ctrl-C: the artist stopped the batch, so it is kept beside the take on the
 * board, as the stop line and the report say (the service already showed it where a panel had none).
 */
function activateNewTakes(workspace: ProjectWorkspace, added: Map<string, Take[]>): void {
  const project = workspace.project();
  const panels = project.panels.map((panel) => {
    const first = added.get(panel.id)?.find((take) => take.note !== FINISHED_AFTER_CANCEL);
    return first ? setActiveTake(panel, first.id) : panel;
  });
  workspace.update({ ...project, panels });
}

/** What the batch will request and cost, in words, e.g. "6 images (3 panels, 2 variations each) for $0.30". */
function costWords(batch: PaidBatch, settings: Settings): { images: number; cents: number; what: string } {
  const images = batch.numbers.length * batch.variations;
  const cents = images * settings.pricePerImageCents;
  const each = batch.variations === 1 ? 'one per panel' : `${plural(batch.numbers.length, 'panel')}, ${batch.variations} variations each`;
  return { images, cents, what: `${plural(images, 'image')} (${each}) for ${formatCents(cents)}` };
}

/**
 * Runs `batch` on the open project; returns the exit code. A batch with no panels is allowed
 * when the project has pending jobs: it only collects them (nothing new is paid, nothing asked).
 */
export async function runPaidBatch(io: CliIo, target: BatchProject, batch: PaidBatch): Promise<number> {
  const project = target.project();
  const panelIds = batch.numbers.map((number) => project.panels[number - 1]?.id ?? '');
  const pending = uniquePendingJobs(project).length;
  const settings = cliSettings(io.env, batch.concurrency);
  if (panelIds.length > 0) await batch.preflight({ project, readImage: target.readImage }, panelIds);
  const { images, cents, what } = costWords(batch, settings);
  const collect = pending > 0 ? ` ${plural(pending, 'job')} accepted in an earlier run will be collected (already paid).` : '';
  if (batch.dryRun) {
    if (batch.json) {
      const requests = batch.requestBodies?.(project, panelIds).map((body, index) => ({ panel: batch.numbers[index], body }));
      io.stdout(JSON.stringify({ dryRun: true, kind: batch.kind, panels: batch.numbers, images, cents, pendingJobs: pending, skipped: batch.skipped ?? [], requests: requests ?? [] }));
    }
    else if (images === 0) io.stdout(`Nothing new to ${batch.kind}.${collect}`);
    else io.stdout(`Would ${batch.kind} ${what} at ${formatCents(settings.pricePerImageCents)} per image. Nothing was sent.${collect}`);
    return EXIT_OK;
  }
  const workspace = target.writable;
  if (!workspace) throw new Error('A paid batch that sends requests needs the project opened for writing (withBatchProject without dryRun).');
  const apiKey = requireApiKey(io.env);
  if (collect) io.stderr(collect.trim());
  const verb = batch.kind === 'generate' ? 'Generate' : 'Restyle';
  if (panelIds.length > 0 && !(await confirmSpend(io, { yes: batch.yes, what, question: `${verb} ${what}?` }))) {
    io.stderr('Nothing was sent and nothing was charged.');
    return EXIT_FAILURE;
  }
  const outcome = await runQueue(io, workspace, settings, apiKey, batch, panelIds);
  if (batch.activate) activateNewTakes(workspace, outcome.added);
  await workspace.save();
  return reportBatch(io, batch, outcome);
}

/** parseArgs options every paid command takes (generate, restyle, render). */
export const PAID_BATCH_OPTIONS = {
  panels: { type: 'string' },
  variations: { type: 'string' },
  concurrency: { type: 'string' },
  yes: { type: 'boolean', short: 'y', default: false },
  'dry-run': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

/**
 * --activate, for the commands whose result stays beside the take on the board unless asked
 * (generate, restyle). Render always puts its result on the board, so it does not take the flag:
 * listed there it would promise a choice render does not offer.
 */
export const ACTIVATE_OPTION = { activate: { type: 'boolean', default: false } } as const;

const ACTIVATE_HELP = `  --activate           put the new image on the board (with --variations, each panel's first)\n`;

/**
 * Help lines for PAID_BATCH_OPTIONS (after each command's own options), and for ACTIVATE_OPTION
 * where the command takes it. `variationsDefault` is that command's own default (generate uses
 * the project's; restyle and render make one image per panel).
 */
export const paidBatchHelp = (variationsDefault: string, { activateOption }: { activateOption: boolean }): string => `  --variations <n>     images per panel, 1-4 (${variationsDefault})
  --concurrency <n>    most requests at once, 1-32 (default 10; fewer when the gateway asks)
${activateOption ? ACTIVATE_HELP : ''}  --yes                confirm the cost without asking (needed when not on a terminal)
  --dry-run            only print the image count and the cost; send nothing
  --json               print the result as JSON (with --dry-run: each request body, images elided)
  --help               show this help

Reads AIGATEWAY_API_KEY and AIGATEWAY_BASE_URL. Exit codes: 0 all panels done, 1 some failed
(the finished ones are saved), 2 usage error.`;

/** The consent and output flags of PAID_BATCH_OPTIONS and whether to activate, as PaidBatch wants them. */
export function paidBatchFlags(values: { yes: boolean; 'dry-run': boolean; json: boolean }, activate: boolean): Pick<PaidBatch, 'yes' | 'dryRun' | 'json' | 'activate'> {
  return { yes: values.yes, dryRun: values['dry-run'], json: values.json, activate };
}
