/**
 * `castboard init`: creates a project in exactly <dir> (the folder that will hold project.json),
 * optionally with its character. Every option and the reference image are checked before the
 * folder is created, so a mistake leaves nothing behind.
 */
import { parseArgs } from 'node:util';
import { ASPECT_RATIOS, PROJECT_LIMITS } from '../../../shared/domain/project';
import { createCharacter } from '../../../shared/domain/project-edit';
import { choiceOption, optionalText, projectDirArg, requiredText } from '../cli-args';
import { UsageError, type CliIo } from '../cli-io';
import { withNewProject } from '../cli-project';
import { readReferenceImage } from '../reference-file';
import { shellWord } from '../shell-word';

const USAGE = 'castboard init <dir> --title <title> [--aspect 16:9] [--character-name <name>]';

export const initHelp = `Usage: castboard init <dir> --title <title> [options]

Creates a new Castboard project in <dir> (the folder is created; it becomes the folder that
holds project.json, images/ and backups/). Refuses if <dir> already holds a project.

Options:
  --title <title>                  the project's title (required)
  --aspect <ratio>                 panel shape: ${ASPECT_RATIOS.join(', ')} (default 16:9)
  --character-name <name>          the character who appears in the panels
  --character-description <text>   what they look like, e.g. "red coat, short grey hair"
  --character-image <file>         their reference image (PNG, JPEG or WebP); generation needs it
  --json                           print the result as JSON
  --help                           show this help

Next: castboard panel add <dir> --scene "..."`;

const options = {
  title: { type: 'string' },
  aspect: { type: 'string' },
  'character-name': { type: 'string' },
  'character-description': { type: 'string' },
  'character-image': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

interface CharacterOptions {
  name: string;
  description: string;
  imageFile: string | undefined;
}

function characterOptions(values: { 'character-name'?: string; 'character-description'?: string; 'character-image'?: string }): CharacterOptions | null {
  const name = optionalText(values['character-name'], '--character-name', 100);
  const description = optionalText(values['character-description'], '--character-description', 2000);
  const imageFile = values['character-image'];
  if (!name) {
    if (name === '') throw new UsageError('--character-name cannot be empty.');
    if (description !== undefined || imageFile !== undefined) {
      throw new UsageError('--character-description and --character-image describe a character: add --character-name <name> too.');
    }
    return null;
  }
  return { name, description: description ?? '', imageFile };
}

export async function runInit(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  const dir = projectDirArg(positionals, USAGE);
  const title = requiredText(values.title, '--title', PROJECT_LIMITS.maxTitleLength, '"The Lighthouse"');
  const aspectRatio = choiceOption(values.aspect, '--aspect', ASPECT_RATIOS, '16:9');
  const character = characterOptions(values);
  const imageBytes = character?.imageFile ? await readReferenceImage(character.imageFile, '--character-image') : null;

  const result = await withNewProject(io, dir, { title, aspectRatio }, async (workspace) => {
    let referenceImage: string | null = null;
    if (character) {
      if (imageBytes) referenceImage = (await workspace.importImageBytes(imageBytes)).image;
      const project = workspace.project();
      workspace.update({ ...project, characters: [createCharacter({ name: character.name, description: character.description, referenceImage })] });
    }
    await workspace.save();
    return { root: workspace.root() ?? dir, referenceImage };
  });

  if (values.json) {
    const summary = character ? { name: character.name, description: character.description, referenceImage: result.referenceImage } : null;
    io.stdout(JSON.stringify({ dir: result.root, title, aspectRatio, character: summary }));
    return 0;
  }
  const who = character ? `, character ${character.name}${result.referenceImage ? ' with a reference image' : ' (no reference image yet)'}` : '';
  io.stdout(`Created "${title}" in ${result.root} (${aspectRatio}${who}).`);
  io.stderr(`Next: castboard panel add ${shellWord(dir)} --scene "..."`);
  return 0;
}
