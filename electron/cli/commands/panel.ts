/**
 * `castboard panel add`: appends a panel to the project. Like the app, a new panel features the
 * character of the panel before it (or the project's first character), so a sequence keeps its
 * character without repeating it on every line.
 */
import { parseArgs } from 'node:util';
import {
  CAMERA_ANGLES,
  CAMERA_ANGLE_LABELS,
  CAMERA_MOVEMENTS,
  CAMERA_MOVEMENT_LABELS,
  PANEL_LIMITS,
  SHOT_TYPE_LABELS,
  SHOT_TYPES,
  type Project,
} from '../../../shared/domain/project';
import { createPanel } from '../../../shared/domain/project-edit';
import { choiceOption, numberOption, optionalText, projectDirArg, requiredText } from '../cli-args';
import { UsageError, type CliIo } from '../cli-io';
import { withOpenProject } from '../cli-project';
import { PANEL_IMAGE_USAGE, panelImageHelp, printImported, putImageInPanel, readImageFileArg, runPanelImage } from './panel-image';

const USAGE = 'castboard panel add <dir> --scene <text> [--image <file>] [--shot CU] [--angle LOW] [--movement HANDHELD] [--dialogue <text>] [--notes <text>]';

/** "    CU      Close-up" lines for the help text. */
function choices<T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>): string {
  return values.map((value) => `                         ${value.padEnd(9)} ${labels[value]}`).join('\n');
}

const panelAddHelp = `Usage: castboard panel add <dir> --scene <text> [options]

Adds a panel at the end of the project in <dir>.

Options:
  --scene <text>       what happens in the panel; this is the image prompt (required unless
                       --image is given; rendering the character into an image needs it)
  --image <file>       start the panel with this image (PNG, JPEG or WebP) as its take
  --shot <type>        shot type (default MS):
${choices(SHOT_TYPES, SHOT_TYPE_LABELS)}
  --angle <angle>      camera angle (default EYE_LEVEL):
${choices(CAMERA_ANGLES, CAMERA_ANGLE_LABELS)}
  --movement <move>    camera movement (default STATIC):
${choices(CAMERA_MOVEMENTS, CAMERA_MOVEMENT_LABELS)}
  --dialogue <text>    spoken lines, shown under the panel on the contact sheet
  --action <text>      stage directions
  --notes <text>       notes for the team
  --duration <sec>     how long the shot lasts, in seconds (default 3)
  --json               print the result as JSON
  --help               show this help`;

/** Both actions' help, for `castboard panel --help`. */
export const panelHelp = `Usage: castboard panel add <dir> --scene <text> [options]
       ${PANEL_IMAGE_USAGE}

${panelAddHelp}

${panelImageHelp}`;

/** `panel add --help` and `panel image --help` show only that action's help. */
export function panelHelpFor(args: readonly string[]): string {
  if (args[0] === 'add') return panelAddHelp;
  if (args[0] === 'image') return panelImageHelp;
  return panelHelp;
}

const options = {
  scene: { type: 'string' },
  image: { type: 'string' },
  shot: { type: 'string' },
  angle: { type: 'string' },
  movement: { type: 'string' },
  dialogue: { type: 'string' },
  action: { type: 'string' },
  notes: { type: 'string' },
  duration: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function featuredCharacter(project: Project): string | null {
  return project.panels.at(-1)?.characterId ?? project.characters[0]?.id ?? null;
}

async function addPanel(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  const dir = projectDirArg(positionals, USAGE);
  const fields = {
    scenePrompt:
      values.image !== undefined && values.scene === undefined
        ? ''
        : requiredText(values.scene, '--scene', PANEL_LIMITS.maxPromptLength, '"Mara climbs the lighthouse stairs"'),
    shotType: choiceOption(values.shot, '--shot', SHOT_TYPES, 'MS'),
    cameraAngle: choiceOption(values.angle, '--angle', CAMERA_ANGLES, 'EYE_LEVEL'),
    cameraMovement: choiceOption(values.movement, '--movement', CAMERA_MOVEMENTS, 'STATIC'),
    dialogue: optionalText(values.dialogue, '--dialogue', PANEL_LIMITS.maxTextLength) ?? '',
    action: optionalText(values.action, '--action', PANEL_LIMITS.maxTextLength) ?? '',
    notes: optionalText(values.notes, '--notes', PANEL_LIMITS.maxTextLength) ?? '',
    durationSeconds: numberOption(values.duration, '--duration', 0, PANEL_LIMITS.maxDurationSeconds) ?? 3,
  };
  const image = values.image === undefined ? null : await readImageFileArg(values.image);
  const added = await withOpenProject(io, dir, async (workspace) => {
    const project = workspace.project();
    const panel = createPanel({ ...fields, characterId: featuredCharacter(project) });
    workspace.update({ ...project, panels: [...project.panels, panel] });
    await workspace.save();
    const take = image ? await putImageInPanel(workspace, panel.id, image) : null;
    return { number: project.panels.length + 1, id: panel.id, take };
  });
  if (added.take) printImported(io, values.json, added, added.take);
  else if (values.json) io.stdout(JSON.stringify({ panel: added.number, id: added.id, shot: fields.shotType, angle: fields.cameraAngle, movement: fields.cameraMovement }));
  else io.stdout(`Added panel ${added.number} (${SHOT_TYPE_LABELS[fields.shotType]}): ${fields.scenePrompt}`);
  return 0;
}

export async function runPanel(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'add') return addPanel(rest, io);
  if (action === 'image') return runPanelImage(rest, io);
  const usage = `${USAGE}\n   or: ${PANEL_IMAGE_USAGE}`;
  throw new UsageError(action ? `Unknown panel action "${action}". Use: ${usage}` : `Say what to do with panels: ${usage}`);
}
