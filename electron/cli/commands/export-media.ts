/**
 * The media formats of `castboard export` (PDF, GIF, MP4, FCPXML): maps checked options to the
 * export services. Loaded only when one of them runs, and each service only for its own format
 * (pdf-lib and ffmpeg stay out of the other runs).
 */
import { parseAspectRatio } from '../../services/export/options';
import { fcpxmlSettings, gifSettings, mp4Settings, pdfSettings } from './export-format-options';
import type { FormatRun, ProductionFormat } from './export-format-options';

const progressOf = (run: FormatRun) => ({
  overwrite: run.overwrite,
  onProgress: (progress: { done: number; total: number }) => run.onProgress(progress.done, progress.total),
  ...(run.signal ? { signal: run.signal } : {}),
});

const aspectOf = (run: FormatRun) => parseAspectRatio(run.project.aspectRatio) ?? 16 / 9;

async function pdf(run: FormatRun): Promise<string[]> {
  const { exportPdfBoard } = await import('../../services/export/pdf-board');
  const result = await exportPdfBoard(run.input, { ...pdfSettings(run.values, run.project), aspect: aspectOf(run) }, run.out, progressOf(run));
  return [result.file];
}

async function gif(run: FormatRun): Promise<string[]> {
  const { exportGif } = await import('../../services/export/gif-animatic');
  const result = await exportGif(run.input, { ...gifSettings(run.values), aspect: aspectOf(run) }, run.out, progressOf(run));
  return [result.file];
}

async function fcpxml(run: FormatRun): Promise<string[]> {
  const { exportFcpxml } = await import('../../services/export/fcpxml');
  const result = await exportFcpxml(run.input, fcpxmlSettings(run.values, run.project), run.out, progressOf(run));
  return [result.file, ...result.stills];
}

async function mp4(run: FormatRun): Promise<string[]> {
  const { exportMp4 } = await import('../../services/export/mp4-animatic');
  return (await exportMp4(run.input, mp4Settings(run.values, run.project), run.out, progressOf(run))).files;
}

export async function runMediaFormat(format: Exclude<ProductionFormat, 'csv' | 'panels'>, run: FormatRun): Promise<string[]> {
  switch (format) {
    case 'pdf':
      return pdf(run);
    case 'gif':
      return gif(run);
    case 'fcpxml':
      return fcpxml(run);
    case 'mp4':
      return mp4(run);
  }
}
