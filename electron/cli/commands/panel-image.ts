/**
 * `castboard panel image`: puts an image file (a rough, a photo, a layout) into an existing panel
 * as a new take, on the board, with provenance `imported` (the file name, no cost). The file passes
 * the same image gate as gateway answers before the project is opened, so a wrong file changes
 * nothing.
 * Also used by `panel add --image` for a new panel.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Take } from '../../../shared/domain/project';
import { importPanelImage } from '../../services/workspace/panel-image-import';
import type { ProjectWorkspace } from '../../services/workspace/project-workspace';
import { intOption, projectDirArg } from '../cli-args';
import { UsageError, type CliIo } from '../cli-io';
import { withOpenProject } from '../cli-project';
import { readReferenceImage } from '../reference-file';

export const PANEL_IMAGE_USAGE = 'castboard panel image <dir> --panel <n> --image <file>';

export const panelImageHelp = `Usage: ${PANEL_IMAGE_USAGE}

Puts an image file (PNG, JPEG or WebP: a sketch, a photo, a layout) into panel <n> as a new take
and puts it on the board (earlier takes are kept). It costs nothing; \`castboard render\` can
then draw the character into it.

Options:
  --panel <n>      the panel number (1-based, as castboard info shows it)
  --image <file>   the image file
  --json           print the result as JSON
  --help           show this help`;

/** A verified image file named on the command line, read before any project is opened. */
export interface ImageFileArg {
  bytes: Buffer;
  fileName: string;
}

export async function readImageFileArg(file: string): Promise<ImageFileArg> {
  return { bytes: await readReferenceImage(file, '--image'), fileName: path.basename(file) };
}

/** Adds the image to the panel and saves; returns the new take. */
export async function putImageInPanel(workspace: ProjectWorkspace, panelId: string, image: ImageFileArg): Promise<Take> {
  const added = await importPanelImage(workspace, panelId, { ...image, origin: 'imported' });
  await workspace.save();
  const [take] = added.takes;
  if (!take) throw new Error('The image was not added.');
  return take;
}

export function printImported(io: CliIo, json: boolean, panel: { number: number; id: string }, take: Take): void {
  if (json) io.stdout(JSON.stringify({ panel: panel.number, id: panel.id, takeId: take.id, image: take.image, origin: take.origin, fileName: take.fileName }));
  else io.stdout(`Panel ${panel.number}: "${take.fileName ?? ''}" is its take on the board now (${take.width ?? '?'}x${take.height ?? '?'}, free).`);
}

export async function runPanelImage(args: string[], io: CliIo): Promise<number> {
  const options = { panel: { type: 'string' }, image: { type: 'string' }, json: { type: 'boolean', default: false } } as const;
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  const dir = projectDirArg(positionals, PANEL_IMAGE_USAGE);
  if (values.panel === undefined) throw new UsageError(`--panel is required: ${PANEL_IMAGE_USAGE}`);
  if (values.image === undefined) throw new UsageError(`--image is required: ${PANEL_IMAGE_USAGE}`);
  const number = intOption(values.panel, '--panel', 1, 5000, 1);
  const image = await readImageFileArg(values.image);
  const result = await withOpenProject(io, dir, async (workspace) => {
    const panel = workspace.project().panels[number - 1];
    if (!panel) throw new UsageError(`--panel ${number}: this project has ${workspace.project().panels.length} panels.`);
    return { id: panel.id, take: await putImageInPanel(workspace, panel.id, image) };
  });
  printImported(io, values.json, { number, id: result.id }, result.take);
  return 0;
}
