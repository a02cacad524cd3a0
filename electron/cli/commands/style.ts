/**
 * `castboard style set`: the project's look and Ideogram's controls, shared by every panel (the
 * same fields the app edits). Every option is checked before the project is touched.
 */
import { parseArgs } from 'node:util';
import { isHexColor } from '../../../shared/domain/color-palette';
import { COLOR_PALETTE_PRESETS, MAGIC_PROMPT_OPTIONS, MAX_PALETTE_COLORS, RENDERING_SPEEDS, STYLE_TYPES } from '../../../shared/domain/ideogram-control-options';
import type { ColorPalette, ProjectStyle } from '../../../shared/domain/project';
import { choiceOption, intOption, optionalText, projectDirArg } from '../cli-args';
import { UsageError, type CliIo } from '../cli-io';
import { withOpenProject } from '../cli-project';

const USAGE = 'castboard style set <dir> [--style-type REALISTIC] [--rendering-speed QUALITY] [--magic-prompt OFF] [--palette EMBER|#hex,...]';

export const styleHelp = `Usage: castboard style set <dir> [options]

Sets how every panel of the project in <dir> is drawn. Options not given are left as they are.

Options:
  --prompt <text>           style words added to every panel's prompt, e.g. "ink and watercolour"
  --style-type <type>       ${STYLE_TYPES.join(', ')}
  --rendering-speed <s>     ${RENDERING_SPEEDS.join(', ')} (slower is finer)
  --magic-prompt <m>        OFF (send the prompt as written, the default), ON or AUTO (let Ideogram rewrite it)
  --negative <text>         what to keep out of every image, e.g. "text, watermark"
  --palette <p>             a preset (${COLOR_PALETTE_PRESETS.join(', ')}), up to ${MAX_PALETTE_COLORS} colours
                            such as "#1E3A5F,#F2C14E", or "none"
  --variations <n>          images per panel that generate asks for by default, 1-4
  --json                    print the project's style as JSON
  --help                    show this help`;

const options = {
  prompt: { type: 'string' },
  'style-type': { type: 'string' },
  'rendering-speed': { type: 'string' },
  'magic-prompt': { type: 'string' },
  negative: { type: 'string' },
  palette: { type: 'string' },
  variations: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function paletteOption(raw: string | undefined): ColorPalette | null | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text.toLowerCase() === 'none') return null;
  const preset = COLOR_PALETTE_PRESETS.find((name) => name === text.toUpperCase());
  if (preset) return { preset };
  const colors = text.split(',').map((part) => part.trim());
  if (colors.length > MAX_PALETTE_COLORS || colors.some((color) => !isHexColor(color))) {
    throw new UsageError(`--palette must be one of ${COLOR_PALETTE_PRESETS.join(', ')}, "none", or up to ${MAX_PALETTE_COLORS} colours like "#1E3A5F,#F2C14E" (you gave "${raw}").`);
  }
  return { colors };
}

function stylePatch(values: Partial<Record<keyof typeof options, string | boolean>>): Partial<ProjectStyle> {
  const text = (name: keyof typeof options) => (typeof values[name] === 'string' ? values[name] : undefined);
  const patch: Partial<ProjectStyle> = {};
  const prompt = optionalText(text('prompt'), '--prompt', 2000);
  if (prompt !== undefined) patch.stylePrompt = prompt;
  const negative = optionalText(text('negative'), '--negative', 2000);
  if (negative !== undefined) patch.negativePrompt = negative;
  if (text('style-type') !== undefined) patch.styleType = choiceOption(text('style-type'), '--style-type', STYLE_TYPES, 'AUTO');
  if (text('rendering-speed') !== undefined) patch.renderingSpeed = choiceOption(text('rendering-speed'), '--rendering-speed', RENDERING_SPEEDS, 'DEFAULT');
  if (text('magic-prompt') !== undefined) patch.magicPrompt = choiceOption(text('magic-prompt'), '--magic-prompt', MAGIC_PROMPT_OPTIONS, 'OFF');
  const palette = paletteOption(text('palette'));
  if (palette !== undefined) patch.colorPalette = palette;
  if (text('variations') !== undefined) patch.defaultVariations = intOption(text('variations'), '--variations', 1, 4, 1);
  return patch;
}

async function setStyle(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  const dir = projectDirArg(positionals, USAGE);
  const patch = stylePatch(values);
  if (Object.keys(patch).length === 0) throw new UsageError(`Give at least one option to change: ${USAGE}`);
  const style = await withOpenProject(io, dir, async (workspace) => {
    const project = workspace.project();
    const next = { ...project.style, ...patch };
    workspace.update({ ...project, style: next });
    await workspace.save();
    return next;
  });
  if (values.json) io.stdout(JSON.stringify(style));
  else io.stdout(`Style: ${style.styleType}, ${style.renderingSpeed}, magic prompt ${style.magicPrompt}, ${style.defaultVariations} per panel.`);
  return 0;
}

export async function runStyle(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'set') return setStyle(rest, io);
  throw new UsageError(action ? `Unknown style action "${action}". Use: ${USAGE}` : `Say what to do: ${USAGE}`);
}
