/**
 * `castboard render`: draws the character into each chosen panel's own sketch or imported image
 * with Ideogram V3 Character Remix (the image as the source, the panel's scene, the character
 * reference). A dedicated verb rather than a restyle flag: restyle changes the look of a take the
 * gateway made; render turns a rough the artist made into a frame, follows it as closely as asked
 * (--follow) and shows the result on the panel. Same paid-batch rules: cost first, consent.
 */
import { parseArgs } from 'node:util';
import { activeTake } from '../../../shared/domain/project-edit';
import type { Project } from '../../../shared/domain/project';
import { bodyOrProblem, panelById, previewRestyle } from '../../../shared/generation/request-plan';
import { RENDER_FOLLOW, RENDER_IMAGE_WEIGHTS, renderStylePrompt } from '../../../shared/generation/render-plan';
import { restyleJobs } from '../../services/generation/panel-jobs';
import { choiceOption, intOption, optionalText, projectDirArg } from '../cli-args';
import { UsageError, type CliIo } from '../cli-io';
import { withBatchProject } from '../cli-project';
import { PAID_BATCH_OPTIONS, paidBatchHelp, paidBatchFlags, runPaidBatch } from '../paid-batch';
import { parsePanelList } from '../panel-list';
import { skipPanelsWithoutCharacter } from '../panel-skips';

const USAGE = 'castboard render <dir> --panels <list> [--follow loose|balanced|close] [--style <text>] [--yes]';

export const renderHelp = `Usage: ${USAGE}

Renders the character into each chosen panel's sketch or imported image (the take on the board,
added with \`castboard panel image\` or drawn in the app) with Ideogram V3 Character Remix: the
drawing gives the composition, the panel's scene and the character's reference image give the
rest. Each image costs money: the command states the count and the cost first and asks for
confirmation. The result is put on the board, linked to the sketch it came from.

Options:
  --panels <list>      panels to render, e.g. 1,3-5 (required)
  --follow <how>       how closely to follow the drawing (image weight): loose (${RENDER_IMAGE_WEIGHTS.loose}),
                       balanced (${RENDER_IMAGE_WEIGHTS.balanced}, default), close (${RENDER_IMAGE_WEIGHTS.close})
  --style <text>       the look of the finished frame (default: the project's style)
${paidBatchHelp('default 1', { activateOption: false })}`;

const options = { ...PAID_BATCH_OPTIONS, follow: { type: 'string' }, style: { type: 'string' } } as const;

/** Render starts from the artist's own image: a generated take is restyled, not rendered. */
function requireDrawnSources(project: Project, numbers: readonly number[]): void {
  for (const number of numbers) {
    const panel = project.panels[number - 1];
    const take = panel ? activeTake(panel) : undefined;
    if (!take) throw new UsageError(`Panel ${number} has no image to render from. Add one first: castboard panel image <dir> --panel ${number} --image <file>`);
    if (take.origin === undefined) throw new UsageError(`Panel ${number} shows a generated image, not a sketch or an imported one. Use castboard restyle to change its look.`);
  }
}

export async function runRender(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  const dir = projectDirArg(positionals, USAGE);
  if (values.panels === undefined) throw new UsageError(`--panels is required: say which panels to render, e.g. ${USAGE}`);
  const follow = choiceOption(values.follow, '--follow', RENDER_FOLLOW, 'balanced');
  const ownStyle = optionalText(values.style, '--style', 2000);
  const variations = intOption(values.variations, '--variations', 1, 4, 1);
  const concurrency = values.concurrency === undefined ? undefined : intOption(values.concurrency, '--concurrency', 1, 32, 10);
  const panelsOption = values.panels;
  return withBatchProject(io, dir, values['dry-run'], async (target) => {
    const project = target.project();
    const ready = skipPanelsWithoutCharacter(io, project, parsePanelList(panelsOption, project.panels.length));
    requireDrawnSources(project, ready.numbers);
    const request = { stylePrompt: renderStylePrompt(project, ownStyle), imageWeight: RENDER_IMAGE_WEIGHTS[follow], variations };
    return runPaidBatch(io, target, {
      kind: 'restyle',
      numbers: ready.numbers,
      skipped: ready.skipped,
      requestBodies: (current, panelIds) => panelIds.map((id) => bodyOrProblem(previewRestyle(current, panelById(current, id), request, 0))),
      variations,
      concurrency,
      // Showing the frame is what render is for: its result always goes on the board.
      ...paidBatchFlags(values, true),
      preflight: (context, panelIds) => restyleJobs(context, panelIds, request),
      start: (service, panelIds) => service.restyle({ panelIds, ...request }),
    });
  });
}
