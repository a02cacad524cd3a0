/**
 * `castboard export`: the contact sheet as PNG, with the export service the app uses. Starts from
 * the export settings saved in the project (so the sheet looks like the last one made in the
 * app) and applies the command-line options on top. Read-only on the project, lock-free.
 * Invariants: every option is checked before anything is drawn; an existing file is replaced
 * only with --overwrite; nothing is written under the final name unless the export succeeded.
 */
import { parseArgs } from 'node:util';
import { CastboardError } from '../../../shared/errors';
import { CAPTION_FIELDS } from '../../../shared/domain/project-export-fields';
import { exportContactSheet, type ExportProgress } from '../../services/export/contact-sheet';
import { warmUpExportFonts } from '../../services/export/font';
import { resolveContactSheetOptions } from '../../services/export/options-check';
import type { ContactSheetOptionsInput } from '../../services/export/options';
import type { SheetFlagValues } from './export-sheet-flags';
import { plural, projectDirArg } from '../cli-args';
import { UsageError, type CliIo } from '../cli-io';
import { readProject } from '../cli-project';
import { parsePanelList } from '../panel-list';
import { createProgressLine } from '../progress';
import { contactSheetInput, type ConsistencyCaptions } from '../../services/export/project-sheet-input';
import { FORMATS, reportImageGaps, type ExportFormatName } from './export-report';
import type { CaptionField, Project } from '../../../shared/domain/project';

const USAGE = 'castboard export <dir> --out <file.png> [--columns <n>] [--captions dialogue,shot]';

export const exportHelp = `Usage: castboard export <dir> --out <file.png> [options]
       castboard export <dir> --format <format> --out <path> [options]

Formats (--format, default png):
  png      the contact sheet (options below)
  pdf      printable boards: --page a4|letter, --orientation, --dpi 150|300,
           --layout grid|shooting, --per-page <n> (grid 1-24, shooting 1-3),
           --captions / --no-captions
  mp4      animatic, each panel held for its duration: --fps 24|25|30,
           --size 1280x720|1920x1080|project, --captions / --no-captions (burned-in
           strip), --srt / --no-srt (dialogue subtitles beside the video),
           --crossfade <seconds> (0 for none, else 0.1-2)
  gif      animated GIF, one frame per panel: --width <px> (160-1280)
  fcpxml   Final Cut Pro / DaVinci Resolve timeline, next to a folder of panel PNGs: --fps
  csv      shot list for spreadsheets
  panels   one PNG per panel into the folder --out (created, with its parents, when it
           does not exist yet), named like 007-scene-words.png
Options a format does not get on the command line come from the project's saved export
settings (the last ones used in the app). Every format takes --panels, --overwrite and --json;
Ctrl-C cancels and writes nothing.

Contact sheet (png): draws of the project in <dir>: each panel's take on the board in a grid,
with its number and captions, under a header (title, character, date). Options not given come
from the project's saved export settings (the last ones used in the app).

Options:
  --out <file.png>       where to write the sheet (required); with --page, one file per page:
                         <file>-p1.png, <file>-p2.png...
  --columns <n>          panels per row, 1-12
  --cell-width <px>      width of each panel in pixels, 64-2048 (ignored with --page)
  --captions <list>      caption fields under each panel, comma-separated, from:
                         ${CAPTION_FIELDS.join(', ')}; "none" for no captions
  --panels <list>        only these panels, e.g. 1,3-5 (numbers stay as in the project)
  --page <preset>        none (one image), a4 or letter (printable pages)
  --orientation <o>      portrait or landscape (with --page)
  --dpi <n>              150 or 300 (with --page)
  --overwrite            replace files that already exist
  --json                 print the result as JSON
  --help                 show this help`;

const options = {
  out: { type: 'string' },
  columns: { type: 'string' },
  'cell-width': { type: 'string' },
  captions: { type: 'string' },
  panels: { type: 'string' },
  page: { type: 'string' },
  orientation: { type: 'string' },
  dpi: { type: 'string' },
  overwrite: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

type Values = { [K in keyof typeof options]?: (typeof options)[K]['type'] extends 'boolean' ? boolean : string };

/** The options given on the command line that change the sheet (checked in export-sheet-flags.ts). */
const SHEET_FLAGS = ['columns', 'cell-width', 'captions', 'page', 'orientation', 'dpi'] as const satisfies ReadonlyArray<keyof SheetFlagValues>;

/** The command-line overrides; their checks (zod) load only when one is given. */
async function optionOverrides(values: Values): Promise<ContactSheetOptionsInput> {
  if (!SHEET_FLAGS.some((flag) => values[flag] !== undefined)) return {};
  return (await import('./export-sheet-flags')).sheetFlagOverrides(values);
}

function progressReporter(io: CliIo): { onProgress: (progress: ExportProgress) => void; end: () => void } {
  const line = createProgressLine(io);
  let lastPage = 0;
  return {
    onProgress(progress) {
      line.bar('Exporting', progress.done, progress.total, `panels${progress.pages > 1 ? `, page ${progress.page}/${progress.pages}` : ''}`);
      if (!line.interactive && progress.page !== lastPage) line.note(`exporting page ${progress.page} of ${progress.pages} (${progress.total} panels)`);
      lastPage = progress.page;
    },
    end: () => line.end(),
  };
}

/** Outcome labels when the `consistency` caption is chosen (the check runs locally; cached descriptors make it quick). */
async function consistencyForSheet(root: string, project: Project, captions: readonly CaptionField[]): Promise<ConsistencyCaptions | undefined> {
  if (!captions.includes('consistency')) return undefined;
  // Loaded only for this caption: the check's service and worker code are not part of a plain export's start.
  const [{ createConsistencyService }, { consistencyCaptions }] = await Promise.all([
    import('../../services/consistency/consistency-service'),
    import('../../services/consistency/sheet-captions'),
  ]);
  const service = createConsistencyService();
  try {
    return await consistencyCaptions(service, { root, project, captions });
  } finally {
    await service.close();
  }
}

/** The contact sheet's options: the project's saved ones (not the other formats'), then the command line's. */
export function sheetOptionsOf(project: Project, overrides: ContactSheetOptionsInput, selectedOnly: boolean): ContactSheetOptionsInput {
  const { selectedOnly: _saved, formats: _formats, ...saved } = project.exportSettings;
  return { ...saved, aspectRatio: project.aspectRatio, ...overrides, selectedOnly };
}

export async function runExport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  const dir = projectDirArg(positionals, USAGE);
  if (!values.out?.trim()) throw new UsageError(`--out is required: where to write the sheet, e.g. ${USAGE}`);
  const overrides = await optionOverrides(values);
  // The fonts load on sharp's threads while this thread reads and checks the project.
  warmUpExportFonts();
  const { root, project } = await readProject(dir);
  const selected = values.panels === undefined ? undefined : parsePanelList(values.panels, project.panels.length);
  const sheetOptions = await resolveContactSheetOptions(sheetOptionsOf(project, overrides, selected !== undefined));
  const input = contactSheetInput(root, project, selected, new Date(), await consistencyForSheet(root, project, sheetOptions.captions));
  const progress = progressReporter(io);
  const result = await exportContactSheet(input, sheetOptions, values.out, { onProgress: progress.onProgress, signal: io.signal, overwrite: values.overwrite }).finally(progress.end);

  const drawn = input.panels.filter((panel) => panel.selected ?? true);
  const { withoutImage } = result;
  if (values.json) {
    io.stdout(JSON.stringify({ ...result, panels: drawn.length, withoutImage }));
  } else {
    const size = `${result.width}x${result.height} px`;
    io.stdout(result.pages === 1 ? `Wrote ${result.files[0]} (${size}, ${plural(drawn.length, 'panel')}).` : `Wrote ${result.pages} pages (${size} each, ${plural(drawn.length, 'panel')}):`);
    if (result.pages > 1) for (const file of result.files) io.stdout(`  ${file}`);
  }
  reportImageGaps(io, dir, 'png', result);
  return 0;
}

/** The --format value (png when absent) and the arguments without it, for the contact sheet. */
function formatArg(args: readonly string[]): { name: ExportFormatName; rest: string[] } {
  const at = args.findIndex((arg) => arg === '--format' || arg.startsWith('--format='));
  if (at < 0) return { name: 'png', rest: [...args] };
  const arg = args[at] ?? '';
  const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1];
  const name = FORMATS.find((format) => format === raw?.trim().toLowerCase());
  if (!name) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (you gave "${raw ?? ''}").`);
  return { name, rest: args.filter((_, index) => index !== at && (arg.includes('=') || index !== at + 1)) };
}

/** Export problems caused by the options given are usage errors (exit 2); the rest are failures. */
export async function runExportCommand(args: string[], io: CliIo): Promise<number> {
  try {
    const format = formatArg(args);
    if (format.name === 'png') return await runExport(format.rest, io);
    const { runFormatExport } = await import('./export-formats');
    return await runFormatExport(format.name, args, io);
  } catch (error) {
    if (error instanceof CastboardError && error.code === 'EXPORT_INVALID_OPTIONS') throw new UsageError(error.message);
    throw error;
  }
}
