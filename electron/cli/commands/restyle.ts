/** `castboard restyle`: redraws panels' active takes in a new style with Ideogram V3 Character Remix. */
import { parseArgs } from 'node:util';
import { STYLE_PRESETS } from '../../../shared/domain/jobs';
import { restyleJobs } from '../../services/generation/panel-jobs';
import { intOption, projectDirArg, requiredText } from '../cli-args';
import { UsageError, type CliIo } from '../cli-io';
import { withOpenProject } from '../cli-project';
import { runPaidBatch } from '../paid-batch';
import { parsePanelList } from '../panel-list';

const USAGE = 'castboard restyle <dir> --panels <list> --style <text> [--strength 1-100] [--yes]';

export const restyleHelp = `Usage: castboard restyle <dir> --panels <list> --style <text> [options]

Restyles the active take of each chosen panel with Ideogram V3 Character Remix, keeping the
character consistent. Each image costs money: the command states the count and the cost first
and asks for confirmation on the terminal. Results become new takes; the original is kept and
stays the panel's active take unless you pass --activate.

Options:
  --panels <list>      panels to restyle, e.g. 1,3-5 (required; each needs an image)
  --style <text>       the target style, e.g. "loose ink sketch, cross-hatching", or a preset:
                       ${STYLE_PRESETS.map((preset) => preset.id).join(', ')}
  --strength <n>       how much of the current image to keep, 1-100 (default 50)
  --variations <n>     images per panel, 1-4 (default 1)
  --concurrency <n>    images requested at once, 1-8 (default 4)
  --activate           show the new image on each panel (make it the active take)
  --yes                confirm the cost without asking (needed when not on a terminal)
  --dry-run            only print the image count and the cost; send nothing
  --json               print the result as JSON
  --help               show this help

Reads AIGATEWAY_API_KEY and AIGATEWAY_BASE_URL. Exit codes: 0 all panels done, 1 some failed
(the finished ones are saved), 2 usage error.`;

const options = {
  panels: { type: 'string' },
  style: { type: 'string' },
  strength: { type: 'string' },
  variations: { type: 'string' },
  concurrency: { type: 'string' },
  activate: { type: 'boolean', default: false },
  yes: { type: 'boolean', short: 'y', default: false },
  'dry-run': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

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
  const concurrency = values.concurrency === undefined ? undefined : intOption(values.concurrency, '--concurrency', 1, 8, 4);
  const panelsOption = values.panels;
  return withOpenProject(io, dir, async (workspace) => {
    const numbers = parsePanelList(panelsOption, workspace.project().panels.length);
    const request = { stylePrompt: prompt, imageWeight, variations };
    return runPaidBatch(io, workspace, {
      kind: 'restyle',
      numbers,
      variations,
      concurrency,
      yes: values.yes,
      dryRun: values['dry-run'],
      json: values.json,
      activate: values.activate,
      preflight: (context, panelIds) => restyleJobs(context, panelIds, request),
      start: (service, panelIds) => service.restyle({ panelIds, ...request }),
    });
  });
}
