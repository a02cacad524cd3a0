/** `castboard restyle`: redraws the takes on the board of panels in a new style with Ideogram V3 Character Remix. */
import { parseArgs } from 'node:util';
import { STYLE_PRESETS } from '../../../shared/domain/style-presets';
import { bodyOrProblem, panelById, previewRestyle } from '../../../shared/generation/request-plan';
import { restyleJobs } from '../../services/generation/panel-jobs';
import { intOption, projectDirArg, requiredText } from '../cli-args';
import { EXIT_FAILURE, UsageError, type CliIo } from '../cli-io';
import { withBatchProject } from '../cli-project';
import { ACTIVATE_OPTION, PAID_BATCH_OPTIONS, paidBatchHelp, paidBatchFlags, runPaidBatch } from '../paid-batch';
import { parsePanelList } from '../panel-list';
import { skipPanelsWithoutCharacter } from '../panel-skips';

const USAGE = 'castboard restyle <dir> --panels <list> --style <text> [--strength 1-100] [--yes]';

export const restyleHelp = `Usage: castboard restyle <dir> --panels <list> --style <text> [options]

Restyles the take on the board of each chosen panel with Ideogram V3 Character Remix, keeping
the character consistent. Each image costs money: the command states the count and the cost
first and asks for confirmation on the terminal. Results become new takes; the original is kept
and stays on the board unless you pass --activate.

Options:
  --panels <list>      panels to restyle, e.g. 1,3-5 (required; each needs an image)
  --style <text>       the target style, e.g. "loose ink sketch, cross-hatching", or a preset:
                       ${STYLE_PRESETS.map((preset) => preset.id).join(', ')}
  --strength <n>       how much of the current image to keep, 1-100 (default 50)
${paidBatchHelp('default 1', { activateOption: true })}`;

const options = { ...PAID_BATCH_OPTIONS, ...ACTIVATE_OPTION, style: { type: 'string' }, strength: { type: 'string' } } as const;

/** A preset id stands for its full prompt; anything else is the prompt itself. */
function stylePrompt(raw: string | undefined): string {
  const text = requiredText(raw, '--style', 2000, '"watercolor, muted palette"');
  return STYLE_PRESETS.find((preset) => preset.id === text.toLowerCase())?.prompt ?? text;
}

export async function runRestyle(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  const dir = projectDirArg(positionals, USAGE);
  if (values.panels === undefined) throw new UsageError(`--panels is required: say which panels to restyle, e.g. ${USAGE}`);
  const prompt = stylePrompt(values.style);
  const imageWeight = intOption(values.strength, '--strength', 1, 100, 50);
  const variations = intOption(values.variations, '--variations', 1, 4, 1);
  const concurrency = values.concurrency === undefined ? undefined : intOption(values.concurrency, '--concurrency', 1, 32, 10);
  const panelsOption = values.panels;
  return withBatchProject(io, dir, values['dry-run'], async (target) => {
    const ready = skipPanelsWithoutCharacter(io, target.project(), parsePanelList(panelsOption, target.project().panels.length));
    if (ready.numbers.length === 0 && target.project().pendingJobs.length === 0) {
      io.stderr('None of the chosen panels can be restyled: nothing was sent and nothing was charged.');
      return EXIT_FAILURE;
    }
    const request = { stylePrompt: prompt, imageWeight, variations };
    return runPaidBatch(io, target, {
      kind: 'restyle',
      numbers: ready.numbers,
      skipped: ready.skipped,
      requestBodies: (project, panelIds) => panelIds.map((id) => bodyOrProblem(previewRestyle(project, panelById(project, id), request, 0))),
      variations,
      concurrency,
      ...paidBatchFlags(values, values.activate),
      preflight: (context, panelIds) => restyleJobs(context, panelIds, request),
      start: (service, panelIds) => service.restyle({ panelIds, ...request }),
    });
  });
}
