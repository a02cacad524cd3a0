/**
 * Command-line options of the production export formats, checked before anything is drawn.
 * Defaults come from the project's saved export settings (page, orientation, dpi) and its aspect
 * ratio; each format accepts only the flags listed in FORMAT_FLAGS.
 */
import { choiceOption, intOption, numberOption } from '../cli-args';
import type { Project } from '../../../shared/domain/project';
import type { Mp4Options } from '../../services/export/mp4-animatic';
import type { PdfBoardOptions } from '../../services/export/pdf-board';
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
  srt?: boolean | undefined;
  crossfade?: string | undefined;
}

export const FORMAT_FLAGS: Record<ProductionFormat, readonly string[]> = {
  pdf: ['page', 'orientation', 'dpi', 'layout', 'per-page'],
  mp4: ['fps', 'size', 'captions', 'srt', 'crossfade'],
  gif: ['width'],
  fcpxml: ['fps'],
  csv: [],
  panels: [],
};

/** The board's options that come from the command line (the aspect comes from the project). */
export type PdfSettings = Omit<PdfBoardOptions, 'aspect' | 'fonts'>;

export function pdfSettings(values: FormatValues, project: Project): PdfSettings {
  const saved = project.exportSettings;
  const layout = choiceOption(values.layout, '--layout', ['grid', 'shooting'] as const, 'grid');
  const perPage = layout === 'shooting' ? intOption(values['per-page'], '--per-page', 1, 3, 3) : intOption(values['per-page'], '--per-page', 1, 24, 6);
  return {
    page: choiceOption(values.page, '--page', ['a4', 'letter'] as const, saved.page === 'letter' ? 'letter' : 'a4'),
    orientation: choiceOption(values.orientation, '--orientation', ['portrait', 'landscape'] as const, saved.orientation),
    dpi: Number(choiceOption(values.dpi, '--dpi', ['150', '300'] as const, String(saved.dpi) as '150' | '300')) as 150 | 300,
    layout,
    perPage,
  };
}

/** Even pixel sizes (H.264 yuv420p needs them); 'project' follows the project's aspect ratio at 1080 lines. */
export function videoSize(raw: string | undefined, project: Project): { width: number; height: number } {
  const choice = choiceOption(raw, '--size', ['1280x720', '1920x1080', 'project'] as const, '1280x720');
  if (choice !== 'project') {
    const [width, height] = choice.split('x').map(Number) as [number, number];
    return { width, height };
  }
  const [w, h] = project.aspectRatio.split(':').map(Number) as [number, number];
  const height = 1080;
  return { width: Math.round((height * w) / h / 2) * 2, height };
}

export type Mp4Settings = Omit<Mp4Options, 'fonts' | 'ffmpeg'>;

const fpsOption = (raw: string | undefined) => Number(choiceOption(raw, '--fps', ['24', '25', '30'] as const, '24')) as 24 | 25 | 30;

export function mp4Settings(values: FormatValues, project: Project): Mp4Settings {
  return {
    fps: fpsOption(values.fps),
    ...videoSize(values.size, project),
    captions: values.captions ?? false,
    srt: values.srt ?? false,
    crossfadeSeconds: numberOption(values.crossfade, '--crossfade', 0, 2) ?? 0,
  };
}

export const gifSettings = (values: FormatValues) => ({ width: intOption(values.width, '--width', 160, 1280, 480) });
export const fcpxmlSettings = (values: FormatValues, project: Project) => ({ fps: fpsOption(values.fps), ...videoSize('project', project) });

/** Checks the options of `format` (usage errors name the flag). */
export function formatSettings(format: ProductionFormat, values: FormatValues, project: Project): unknown {
  if (format === 'pdf') return pdfSettings(values, project);
  if (format === 'mp4') return mp4Settings(values, project);
  if (format === 'gif') return gifSettings(values);
  if (format === 'fcpxml') return fcpxmlSettings(values, project);
  return null;
}

export interface FormatRun {
  input: ProductionInput;
  project: Project;
  out: string;
  values: FormatValues;
  overwrite: boolean;
  signal?: AbortSignal;
  onProgress: (done: number, total: number) => void;
}

/** What a format wrote: files, and panels it had to draw as placeholders or leave out. */
export interface FormatResult {
  files: string[];
  withoutImage: number[];
}
