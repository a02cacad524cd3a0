/**
 * `castboard info`: what is in a project — title, character, panels with their takes, what was
 * spent, jobs still pending, images missing on disk. Read-only and lock-free: it works while the
 * app has the project open, and never changes a byte.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { activeTake } from '../../../shared/domain/project-document';
import type { Project } from '../../../shared/domain/project';
import { createImageStore } from '../../services/project/image-store';
import { checkReferencedImages } from '../../services/project/project-reader';
import { formatCents, plural, projectDirArg } from '../cli-args';
import type { CliIo } from '../cli-io';
import { cliMessage } from '../cli-messages';
import { readProject } from '../cli-project';
import { spendBreakdown } from '../paid-batch-report';
import { projectSpend } from '../../services/generation/spend-record';
import { shellWord } from '../shell-word';

export const infoHelp = `Usage: castboard info <dir> [--json]

Shows the project in <dir>: title, aspect ratio, character, every panel (shot, scene, takes,
the file of its take on the board; with --json each take's origin and source), the money spent
so far (images stored, paid but unusable, of unknown outcome), jobs still pending and missing
images. In the JSON, a panel's "activeImage" is the file of its take on the board, and that take
has "active": true.
Reads only; works while the project is open in Castboard.

Options:
  --json    print everything as JSON (panel numbers are 1-based, paths absolute)
  --help    show this help`;

function describe(root: string, project: Project) {
  const spend = projectSpend(project);
  const numbers = new Map(project.panels.map((panel, index) => [panel.id, index + 1]));
  const abs = (image: string | null | undefined) => (image ? path.join(root, image) : null);
  const panels = project.panels.map((panel, index) => ({
    number: index + 1,
    id: panel.id,
    shot: panel.shotType,
    scene: panel.scenePrompt,
    dialogue: panel.dialogue,
    notes: panel.notes,
    durationSeconds: panel.durationSeconds,
    takes: panel.takes.length,
    activeImage: abs(activeTake(panel)?.image),
    /** Each take with where it came from: generated (model), imported (file name) or sketch. */
    takeList: panel.takes.map((take) => ({
      id: take.id,
      origin: take.origin ?? 'generated',
      ...(take.fileName ? { fileName: take.fileName } : {}),
      model: take.model,
      ...(take.sourceTakeId ? { sourceTakeId: take.sourceTakeId } : {}),
      costCents: take.costCents,
      image: abs(take.image),
      active: take.id === panel.activeTakeId,
    })),
  }));
  return {
    dir: root,
    title: project.title,
    aspectRatio: project.aspectRatio,
    createdAt: project.createdAt,
    characters: project.characters.map((character) => ({ name: character.name, description: character.description, referenceImage: abs(character.referenceImage) })),
    panels,
    spentCents: spend.totalCents,
    spend: { ...spend, unusable: spend.unusable.map((item) => ({ ...item, panel: numbers.get(item.panelId) ?? null })) },
    pendingJobs: project.pendingJobs.length,
  };
}

function printText(io: CliIo, info: ReturnType<typeof describe>, problems: string[]): void {
  const withImages = info.panels.filter((panel) => panel.activeImage).length;
  const characters = info.characters.map((c) => `${c.name}${c.referenceImage ? '' : ' (no reference image)'}`).join(', ');
  io.stdout(`${info.title}  (${info.aspectRatio})`);
  io.stdout(`Folder:     ${info.dir}`);
  io.stdout(`Character:  ${characters || 'none (add one with castboard character set)'}`);
  io.stdout(`Panels:     ${info.panels.length} (${withImages} with an image, ${info.panels.length - withImages} without)`);
  io.stdout(`Spent:      ${formatCents(info.spentCents)}: ${spendBreakdown(info.spend)}`);
  if (info.pendingJobs) io.stdout(`            ${plural(info.pendingJobs, 'job')} still pending, paid for (collect with castboard generate ${shellWord(info.dir)} --collect; any generate or restyle also collects them)`);
  for (const item of info.spend.unusable) io.stdout(`            ${plural(item.images, 'image')} paid for but unusable, panel ${item.panel ?? '(deleted)'}: ${cliMessage(item.reason)}`);
  for (const panel of info.panels) {
    const takes = panel.takes ? plural(panel.takes, 'take') : 'no image';
    io.stdout(`  ${String(panel.number).padStart(3)}  ${panel.shot.padEnd(6)} ${takes.padEnd(9)} ${panel.scene}`);
  }
  for (const problem of problems) io.stderr(`Warning: ${problem}`);
}

export async function runInfo(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  const dir = projectDirArg(positionals, 'castboard info <dir> [--json]');
  const { root, project } = await readProject(dir);
  const info = describe(root, project);
  const problems = (await checkReferencedImages(createImageStore(root), project)).map(
    (problem) => `${problem.image} is ${problem.problem} (used by ${problem.usedBy.join(', ')})`,
  );
  if (values.json) io.stdout(JSON.stringify({ ...info, imageProblems: problems }));
  else printText(io, info, problems);
  return 0;
}
