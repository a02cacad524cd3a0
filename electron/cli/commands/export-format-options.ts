/**
 * Command-line options of the production export formats, checked before anything is drawn.
 * Defaults are the project's saved options of each format (shared/domain/production-export.ts,
 * the same ones the app's export dialog edits and saves); a flag overrides one of them for this
 * run. Each format accepts only the flags listed in FORMAT_FLAGS.
 */
import { choiceOption, intOption, numberOption } from '../cli-args';
import { UsageError } from '../cli-io';
import type { Project } from '../../../shared/domain/project';
import {
  CROSSFADE_SECONDS,
  FRAME_RATES,
  GIF_WIDTH,
  ORIENTATIONS,
  PDF_LAYOUTS,
  PDF_PAGES,
  PDF_PER_PAGE,
  VIDEO_SIZES,
  type FrameRate,
  type Mp4ExportSettings,
  type PdfExportSettings,
  type ProductionSettings,
} from '../../../shared/domain/production-export';
import { productionSettings } from '../../../shared/domain/production-settings';
import type { ProductionInput } from '../../services/export/production-input';

export const PRODUCTION_FORMATS = ['pdf', 'mp4', 'gif', 'fcpxml', 'csv', 'panels'] as const;
export type ProductionFormat = (typeof PRODUCTION_FORMATS)[number];

export interface FormatValues {
  page?: string | undefined;
  orientation?: string | undefined;
  dpi?: string | undefined;
  layout?: string | undefined;
  'per-page'?: string | undefined;
  fps?: string | undefined;
  size?: string | undefined;
  width?: string | undefined;
  captions?: boolean | undefined;
  'no-captions'?: boolean | undefined;
  srt?: boolean | undefined;
  'no-srt'?: boolean | undefined;
  crossfade?: string | undefined;
}

export const FORMAT_FLAGS: Record<ProductionFormat, readonly string[]> = {
  pdf: ['page', 'orientation', 'dpi', 'layout', 'per-page', 'captions', 'no-captions'],
  mp4: ['fps', 'size', 'captions', 'no-captions', 'srt', 'no-srt', 'crossfade'],
  gif: ['width'],
  fcpxml: ['fps'],
  csv: [],
  panels: [],
};

/** `--x` turns a saved option on, `--no-x` off; neither keeps the saved one. */
function toggle(on: boolean | undefined, off: boolean | undefined, flag: string, saved: boolean): boolean {
  if (on && off) throw new UsageError(`Give --${flag} or --no-${flag}, not both.`);
  return on ? true : off ? false : saved;
}

const fpsOption = (raw: string | undefined, saved: FrameRate) =>
  Number(choiceOption(raw, '--fps', FRAME_RATES.map(String), String(saved))) as FrameRate;

function pdfSettings(values: FormatValues, saved: PdfExportSettings): PdfExportSettings {
  const layout = choiceOption(values.layout, '--layout', PDF_LAYOUTS, saved.layout);
  const range = PDF_PER_PAGE[layout];
  // The saved count belongs to the saved layout: another layout starts from its own default.
  const perPage = intOption(values['per-page'], '--per-page', range.min, range.max, layout === saved.layout ? saved.perPage : range.default);
  return {
    page: choiceOption(values.page, '--page', PDF_PAGES, saved.page),
    orientation: choiceOption(values.orientation, '--orientation', ORIENTATIONS, saved.orientation),
    dpi: Number(choiceOption(values.dpi, '--dpi', ['150', '300'] as const, String(saved.dpi) as '150' | '300')) as 150 | 300,
    layout,
    perPage,
    captions: toggle(values.captions, values['no-captions'], 'captions', saved.captions),
  };
}

function mp4Settings(values: FormatValues, saved: Mp4ExportSettings): Mp4ExportSettings {
  const crossfade = numberOption(values.crossfade, '--crossfade', 0, CROSSFADE_SECONDS.max);
  if (crossfade !== undefined && crossfade > 0 && crossfade < CROSSFADE_SECONDS.min) {
    throw new UsageError(`--crossfade must be 0 (none) or from ${CROSSFADE_SECONDS.min} to ${CROSSFADE_SECONDS.max} seconds (you gave "${values.crossfade}").`);
  }
  return {
    size: choiceOption(values.size, '--size', VIDEO_SIZES, saved.size),
    fps: fpsOption(values.fps, saved.fps),
    captions: toggle(values.captions, values['no-captions'], 'captions', saved.captions),
    srt: toggle(values.srt, values['no-srt'], 'srt', saved.srt),
    crossfade: crossfade === undefined ? saved.crossfade : crossfade > 0,
    crossfadeSeconds: crossfade ? crossfade : saved.crossfadeSeconds,
  };
}

/** Every format's options for this run: the project's saved ones, with the flags of `format` applied (usage errors name the flag). */
export function formatSettings(format: ProductionFormat, values: FormatValues, project: Project): ProductionSettings {
  const saved = productionSettings(project.exportSettings);
  if (format === 'pdf') return { ...saved, pdf: pdfSettings(values, saved.pdf) };
  if (format === 'mp4') return { ...saved, mp4: mp4Settings(values, saved.mp4) };
  if (format === 'gif') return { ...saved, gif: { width: intOption(values.width, '--width', GIF_WIDTH.min, GIF_WIDTH.max, saved.gif.width) } };
  if (format === 'fcpxml') return { ...saved, fcpxml: { fps: fpsOption(values.fps, saved.fcpxml.fps) } };
  return saved;
}

export interface FormatRun {
  input: ProductionInput;
  project: Project;
  out: string;
  settings: ProductionSettings;
  overwrite: boolean;
  signal?: AbortSignal;
  onProgress: (done: number, total: number) => void;
}

/** What a format wrote: files, and panels it had to draw as placeholders or leave out. */
export interface FormatResult {
  files: string[];
  withoutImage: number[];
}
