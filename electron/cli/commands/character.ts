/**
 * `castboard character set`: names, describes or gives a reference image to the project's
 * character (creating it when the project has none), so a project started without one can be
 * generated from the command line too. The image is verified before the project is opened.
 */
import { parseArgs } from 'node:util';
import { castFirstCharacter, createCharacter } from '../../../shared/domain/project-edit';
import { optionalText, projectDirArg } from '../cli-args';
import { UsageError, type CliIo } from '../cli-io';
import { withOpenProject } from '../cli-project';
import { readReferenceImage } from '../reference-file';

const USAGE = 'castboard character set <dir> [--name <name>] [--description <text>] [--image <file>]';

export const characterHelp = `Usage: castboard character set <dir> [options]

Sets the project's character: the one every panel features unless told otherwise. Creates it
when the project has none yet (then --name is required). Options not given stay as they are.

Options:
  --name <name>          the character's name
  --description <text>   what they look like, e.g. "red coat, short grey hair"
  --image <file>         their reference image (PNG, JPEG or WebP); generation needs it
  --json                 print the result as JSON
  --help                 show this help`;

const options = {
  name: { type: 'string' },
  description: { type: 'string' },
  image: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

async function setCharacter(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  const dir = projectDirArg(positionals, USAGE);
  const name = optionalText(values.name, '--name', 100);
  if (name === '') throw new UsageError('--name cannot be empty.');
  const description = optionalText(values.description, '--description', 2000);
  if (name === undefined && description === undefined && values.image === undefined) {
    throw new UsageError(`Give at least one of --name, --description, --image: ${USAGE}`);
  }
  const imageBytes = values.image === undefined ? null : await readReferenceImage(values.image, '--image');
  const character = await withOpenProject(io, dir, async (workspace) => {
    const project = workspace.project();
    const [current, ...others] = project.characters;
    if (!current && name === undefined) throw new UsageError('This project has no character yet: add --name <name> to create one.');
    const referenceImage = imageBytes ? (await workspace.importImageBytes(imageBytes)).image : (current?.referenceImage ?? null);
    const base = current ?? createCharacter({ name: name ?? '' });
    const next = { ...base, name: name ?? base.name, description: description ?? base.description, referenceImage };
    const panels = current ? project.panels : castFirstCharacter(project.panels, next.id);
    workspace.update({ ...project, characters: [next, ...others], panels });
    await workspace.save();
    return next;
  });
  if (values.json) io.stdout(JSON.stringify({ name: character.name, description: character.description, referenceImage: character.referenceImage }));
  else io.stdout(`Character: ${character.name}${character.referenceImage ? ' (with a reference image)' : ' (no reference image yet: add one with --image)'}.`);
  return 0;
}

export async function runCharacter(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'set') return setCharacter(rest, io);
  throw new UsageError(action ? `Unknown character action "${action}". Use: ${USAGE}` : `Say what to do: ${USAGE}`);
}
