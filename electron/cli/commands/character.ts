/**
 * `castboard character set`: names, describes or gives a reference image to one of the project's
 * characters (creating one when the project has none), so a project started without one can be
 * generated from the command line too. `--character <name>` picks which character (its current
 * name, case-insensitive); without it, the project's first. The image is verified before the
 * project is opened. When the character has a reference image, the command then says whether the
 * consistency check can use it (reference-face-report), in the app's character card's words.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Character, Project } from '../../../shared/domain/project';
import { castFirstCharacter, createCharacter } from '../../../shared/domain/project-edit';
import { optionalText, projectDirArg } from '../cli-args';
import { UsageError, type CliIo } from '../cli-io';
import { withOpenProject } from '../cli-project';
import { readReferenceImage } from '../reference-file';
import { referenceFaceReport } from '../reference-face-report';

const USAGE = 'castboard character set <dir> [--character <name>] [--name <name>] [--description <text>] [--image <file>]';

export const characterHelp = `Usage: castboard character set <dir> [options]

Sets one of the project's characters: by default the first one (the one every new panel
features). Creates it when the project has none yet (then --name is required). Options not
given stay as they are.

Options:
  --character <name>     which character to change, by its current name (not case-sensitive);
                         default: the project's first character
  --name <name>          the character's (new) name
  --description <text>   what they look like, e.g. "red coat, short grey hair"
  --image <file>         their reference image (PNG, JPEG or WebP); generation needs it.
                         Says whether the consistency check can use it (one face found,
                         none, several and which one is used, or unreadable), as the app does
  --json                 print the result as JSON
  --help                 show this help`;

const options = {
  character: { type: 'string' },
  name: { type: 'string' },
  description: { type: 'string' },
  image: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "Mara, Ivo and Tess", each as it is written in the project. */
function namesList(characters: readonly Character[]): string {
  const names = characters.map((character) => `"${character.name}"`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** The index of the character `--character` names (-1: the project has none, so one is created). */
function chosenIndex(project: Project, wanted: string | undefined): number {
  const { characters } = project;
  if (wanted === undefined) return characters.length > 0 ? 0 : -1;
  if (characters.length === 0) throw new UsageError(`This project has no character yet, so there is no "${wanted}" to change. Leave out --character and add --name <name> to create one.`);
  const matches = characters.flatMap((character, index) => (sameName(character.name, wanted) ? [index] : []));
  if (matches.length === 0) throw new UsageError(`This project has no character named "${wanted}". Its characters: ${namesList(characters)}.`);
  if (matches.length > 1) {
    throw new UsageError(`${matches.length} characters are named "${wanted}", so --character cannot tell them apart. Rename one in Castboard's cast panel first.`);
  }
  return matches[0] ?? -1;
}

async function setCharacter(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  const dir = projectDirArg(positionals, USAGE);
  const wanted = optionalText(values.character, '--character', 100);
  if (wanted === '') throw new UsageError('--character needs the name of the character to change.');
  const name = optionalText(values.name, '--name', 100);
  if (name === '') throw new UsageError('--name cannot be empty.');
  const description = optionalText(values.description, '--description', 2000);
  if (name === undefined && description === undefined && values.image === undefined) {
    throw new UsageError(`Give at least one of --name, --description, --image: ${USAGE}`);
  }
  const imageBytes = values.image === undefined ? null : await readReferenceImage(values.image, '--image');
  const { character, root } = await withOpenProject(io, dir, async (workspace) => {
    const project = workspace.project();
    const index = chosenIndex(project, wanted);
    const current = project.characters[index];
    if (!current && name === undefined) throw new UsageError('This project has no character yet: add --name <name> to create one.');
    const referenceImage = imageBytes ? (await workspace.importImageBytes(imageBytes)).image : (current?.referenceImage ?? null);
    const base = current ?? createCharacter({ name: name ?? '' });
    const next = { ...base, name: name ?? base.name, description: description ?? base.description, referenceImage };
    const characters = current ? project.characters.map((character, at) => (at === index ? next : character)) : [next];
    const panels = current ? project.panels : castFirstCharacter(project.panels, next.id);
    workspace.update({ ...project, characters, panels });
    await workspace.save();
    return { character: next, root: workspace.root() ?? path.resolve(dir) };
  });
  const { referenceImage } = character;
  const face = referenceImage ? await referenceFaceReport(io, { root, dir, name: character.name, image: referenceImage }) : null;
  if (values.json) {
    const referenceFace = face?.check ? { ...face.check, message: face.message } : null;
    io.stdout(JSON.stringify({ name: character.name, description: character.description, referenceImage, referenceFace, ...(face?.error ? { referenceFaceError: face.message } : {}) }));
    return 0;
  }
  io.stdout(`Character: ${character.name}${referenceImage ? ' (with a reference image)' : ' (no reference image yet: add one with --image)'}.`);
  if (face?.check) io.stdout(face.message);
  else if (face) io.stderr(face.message);
  return 0;
}

export async function runCharacter(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'set') return setCharacter(rest, io);
  throw new UsageError(action ? `Unknown character action "${action}". Use: ${USAGE}` : `Say what to do: ${USAGE}`);
}
