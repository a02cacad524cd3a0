/**
 * `castboard export --format pdf|mp4|gif|fcpxml|csv|panels`: the production exports (the
 * contact sheet PNG stays in export.ts). Options not given come from the project's saved export
 * settings (the ones the app's export dialog saves). Each format's service is imported only when
 * that format runs (production-export.ts), so a shot list never loads pdf-lib or ffmpeg.
 * Read-only on the project; nothing is written under a final name unless the export completed;
 * an existing file is replaced only with --overwrite.
 */
import { parseArgs } from 'node:util';
import { plural, projectDirArg } from '../cli-args';
import { UsageError, type CliIo } from '../cli-io';
import { readProject } from '../cli-project';
import { parsePanelList } from '../panel-list';
import { createProgressLine } from '../progress';
import type { ImageReport } from '../../services/export/image-problems';
import { productionInput } from '../../services/export/production-input';
import { reportImageGaps } from './export-report';
import { FORMAT_FLAGS, formatSettings, type FormatResult, type FormatRun, type ProductionFormat } from './export-format-options';

const options = {
  format: { type: 'string' },
  out: { type: 'string' },
  panels: { type: 'string' },
  overwrite: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  page: { type: 'string' },
  orientation: { type: 'string' },
  dpi: { type: 'string' },
  layout: { type: 'string' },
  'per-page': { type: 'string' },
  fps: { type: 'string' },
  size: { type: 'string' },
  width: { type: 'string' },
  captions: { type: 'boolean' },
  'no-captions': { type: 'boolean' },
  srt: { type: 'boolean' },
  'no-srt': { type: 'boolean' },
  crossfade: { type: 'string' },
} as const;

async function runFormat(format: ProductionFormat, run: FormatRun): Promise<FormatResult & ImageReport> {
  const withoutImage = run.input.panels.filter((panel) => panel.imagePath === null).map((panel) => panel.number);
  const progress = { onProgress: (p: { done: number; total: number }) => run.onProgress(p.done, p.total), ...(run.signal ? { signal: run.signal } : {}) };
  if (format === 'panels') {
    const { exportSlugPanels } = await import('../../services/export/slug-panels');
    const result = await exportSlugPanels(run.input, run.out, { overwrite: run.overwrite, ...progress });
    return { files: result.files, withoutImage: result.withoutImage, missingImages: result.missingImages, imageProblems: result.imageProblems };
  }
  const { exportProduction } = await import('../../services/export/production-export');
  return { ...(await exportProduction(format, run.input, run.settings, run.project.aspectRatio, run.out, { overwrite: run.overwrite, ...progress })), withoutImage };
}

function checkFlags(format: ProductionFormat, args: readonly string[]): void {
  const allowed = new Set(['format', 'out', 'panels', 'overwrite', 'json', ...FORMAT_FLAGS[format]]);
  for (const arg of args) {
    const flag = /^--([a-z-]+)/.exec(arg)?.[1];
    if (flag && !allowed.has(flag)) throw new UsageError(`--${flag} does not apply to --format ${format}.`);
  }
}

export async function runFormatExport(format: ProductionFormat, args: string[], io: CliIo): Promise<number> {
  checkFlags(format, args);
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
  const dir = projectDirArg(positionals, `castboard export <dir> --format ${format} --out <path>`);
  if (!values.out?.trim()) throw new UsageError(`--out is required: where to write the ${format} export.`);
  const { root, project } = await readProject(dir);
  const selected = values.panels === undefined ? undefined : parsePanelList(values.panels, project.panels.length);
  const settings = formatSettings(format, values, project); // checks every option before anything is drawn
  const input = productionInput(root, project, selected, new Date());
  const line = createProgressLine(io);
  const run: FormatRun = {
    input, project, out: values.out, settings, overwrite: values.overwrite ?? false,
    ...(io.signal ? { signal: io.signal } : {}),
    onProgress: (done, total) => line.bar('Exporting', done, total, 'panels'),
  };
  const result = await runFormat(format, run).finally(() => line.end());
  if (values.json) io.stdout(JSON.stringify({ format, files: result.files, panels: input.panels.length, withoutImage: result.withoutImage, missingImages: result.missingImages, imageProblems: result.imageProblems }));
  else {
    io.stdout(`Wrote ${plural(result.files.length, 'file')} (${format}, ${plural(input.panels.length, 'panel')}):`);
    for (const file of result.files) io.stdout(`  ${file}`);
  }
  reportImageGaps(io, dir, format, result);
  return 0;
}
