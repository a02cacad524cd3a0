/** `castboard generate`: draws panels with Ideogram V3 Character, after stating the cost. */
import { parseArgs } from 'node:util';
import { SEED_MAX } from '../../../shared/domain/ideogram-models';
import { CastboardError } from '../../../shared/errors';
import { bodyOrProblem, panelById, previewGenerate } from '../../../shared/generation/request-plan';
import { generateJobs } from '../../services/generation/panel-jobs';
import { intOption, projectDirArg } from '../cli-args';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from '../cli-io';
import { withBatchProject, type BatchProject } from '../cli-project';
import { ACTIVATE_OPTION, PAID_BATCH_OPTIONS, paidBatchHelp, paidBatchFlags, runPaidBatch } from '../paid-batch';
import { parsePanelList } from '../panel-list';
import { requireReady, skipPanelsNotReady, skipPanelsWithoutCharacter } from '../panel-skips';
import { shellWord } from '../shell-word';

const USAGE = 'castboard generate <dir> [--panels 1,3-5 | --missing | --collect] [--variations <n>] [--yes]';

export const generateHelp = `Usage: castboard generate <dir> [options]

Generates panels of the project in <dir> with Ideogram V3 Character, featuring the panel's
character (its reference image keeps it consistent). Each image costs money: the command states
the image count and the cost first and asks for confirmation on the terminal. New images become
new takes; earlier takes are kept, and a panel that already had an image keeps that take on the
board unless you pass --activate. Jobs the gateway accepted in an earlier run and still holds (an
interrupted run, or a job kept when Castboard lost contact with it) are collected too (already
paid: they are never sent again).

Options:
  --panels <list>      panels to generate, e.g. 1,3-5 (default: every panel that has a scene
                       and a character with a reference image; the others are named and left out)
  --missing            only panels that have no take yet (and no job still pending)
  --collect            only collect the jobs accepted in an earlier run (already paid):
                       sends nothing new, costs nothing, needs no --yes
  --seed <n>           fixed seed, for repeatable results
${paidBatchHelp("default: the project's, set with castboard style set --variations", { activateOption: true })}`;

const options = { ...PAID_BATCH_OPTIONS, ...ACTIVATE_OPTION, missing: { type: 'boolean', default: false }, collect: { type: 'boolean', default: false }, seed: { type: 'string' } } as const;

/** `--collect`: a batch of no panels, which only collects the project's pending jobs (nothing is sent, nothing asked). */
function collectOnly(io: CliIo, target: BatchProject, concurrency: number | undefined, flags: ReturnType<typeof paidBatchFlags>): Promise<number> | number {
  if (target.project().pendingJobs.length === 0) {
    io.stderr('No job is waiting to be collected: nothing was sent and nothing was charged.');
    return EXIT_OK;
  }
  return runPaidBatch(io, target, {
    kind: 'generate',
    numbers: [],
    variations: 1,
    concurrency,
    ...flags,
    preflight: () => Promise.resolve(),
    start: () => Promise.resolve(),
  });
}

/**
 * Panels named with --panels whose generate job the gateway still holds (paid, pending in the
 * project): that job is collected by this run, so a new request would pay twice for one ask, as
 * the app's Generate also collects instead. They are left out, with a line saying so.
 */
function withoutPendingGenerate(io: CliIo, target: BatchProject, numbers: readonly number[]): number[] {
  const { panels, pendingJobs } = target.project();
  const waiting = new Set(pendingJobs.filter((job) => job.kind !== 'restyle').map((job) => job.panelId));
  const held = numbers.filter((number) => waiting.has(panels[number - 1]?.id ?? ''));
  if (held.length === 0) return [...numbers];
  const which = held.length === 1 ? `Panel ${held[0] ?? ''} has a paid job` : `Panels ${held.join(', ')} have paid jobs`;
  io.stderr(`${which} still at the gateway: collected by this run, not paid for again. Run the command again once ${held.length === 1 ? 'it has' : 'they have'} arrived for another take.`);
  return numbers.filter((number) => !held.includes(number));
}

export async function runGenerate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  const dir = projectDirArg(positionals, USAGE);
  if (values.panels !== undefined && values.missing) throw new UsageError('Use either --panels or --missing, not both.');
  if (values.collect && (values.panels !== undefined || values.missing || values.variations !== undefined || values.seed !== undefined)) {
    throw new UsageError('--collect only collects jobs accepted earlier and sends nothing new: leave out --panels, --missing, --variations and --seed.');
  }
  const concurrency = values.concurrency === undefined ? undefined : intOption(values.concurrency, '--concurrency', 1, 32, 10);
  const variationsOption = values.variations === undefined ? undefined : intOption(values.variations, '--variations', 1, 4, 1);
  const seed = values.seed === undefined ? null : intOption(values.seed, '--seed', 0, SEED_MAX, 0);
  return withBatchProject(io, dir, values['dry-run'], async (target) => {
    const { panels, style } = target.project();
    const variations = variationsOption ?? style.defaultVariations;
    if (values.collect) return collectOnly(io, target, concurrency, paidBatchFlags(values, values.activate));
    if (panels.length === 0) {
      throw new CastboardError('INVALID_REQUEST', `This project has no panels yet. Add one first: castboard panel add ${shellWord(dir)} --scene "..."`);
    }
    let numbers = values.panels === undefined ? panels.map((_, index) => index + 1) : parsePanelList(values.panels, panels.length);
    if (values.missing) {
      // A panel whose paid job is still pending gets that job's images: requesting it again would pay twice.
      const pending = new Set(target.project().pendingJobs.map((job) => job.panelId));
      // A take that finished after a cancel is not on the board, but it is an image that was paid for.
      numbers = numbers.filter((number) => panels[number - 1]?.takes.length === 0 && !pending.has(panels[number - 1]?.id ?? ''));
      if (numbers.length === 0 && pending.size === 0) {
        io.stderr('Every panel already has an image: nothing to generate. Use --panels to make new takes of chosen panels.');
        return 0;
      }
    }
    // Panels the artist named must all be generated (one without a scene or a reference image is
    // an error naming it); panels the command chose itself leave those out, as the app's batch does.
    const named = values.panels !== undefined;
    const ready = named ? skipPanelsWithoutCharacter(io, target.project(), numbers) : skipPanelsNotReady(io, target.project(), numbers, dir);
    if (named) requireReady(target.project(), ready.numbers, dir);
    if (ready.numbers.length === 0 && ready.skipped.length > 0 && target.project().pendingJobs.length === 0) {
      io.stderr('None of the chosen panels can be generated: nothing was sent and nothing was charged.');
      return EXIT_FAILURE;
    }
    const numbersToSend = withoutPendingGenerate(io, target, ready.numbers);
    const choice = { variations, seed };
    return runPaidBatch(io, target, {
      kind: 'generate',
      numbers: numbersToSend,
      skipped: ready.skipped,
      requestBodies: (project, panelIds) => panelIds.map((id) => bodyOrProblem(previewGenerate(project, panelById(project, id), choice, 0))),
      variations,
      concurrency,
      ...paidBatchFlags(values, values.activate),
      preflight: (context, panelIds) => generateJobs(context, panelIds, { variations, seed }),
      start: (service, panelIds) => service.generate({ panelIds, variations, seed }),
    });
  });
}
