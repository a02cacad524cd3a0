/**
 * The media formats of `castboard export` (PDF, GIF, MP4, FCPXML): maps checked options to the
 * export services. Loaded only when one of them runs, and each service only for its own format
 * (pdf-lib and ffmpeg stay out of the other runs).
 */
import { parseAspectRatio } from '../../services/export/options';
import { pdfSettings } from './export-format-options';
import type { FormatResult, FormatRun, ProductionFormat } from './export-formats';

const progressOf = (run: FormatRun) => ({
  overwrite: run.overwrite,
  onProgress: (progress: { done: number; total: number }) => run.onProgress(progress.done, progress.total),
  ...(run.signal ? { signal: run.signal } : {}),
});

async function pdf(run: FormatRun): Promise<FormatResult> {
  const { exportPdfBoard } = await import('../../services/export/pdf-board');
  const aspect = parseAspectRatio(run.project.aspectRatio) ?? 16 / 9;
  const result = await exportPdfBoard(run.input, { ...pdfSettings(run.values, run.project), aspect }, run.out, progressOf(run));
  return { files: [result.file], withoutImage: result.withoutImage };
}

export async function runMediaFormat(format: Exclude<ProductionFormat, 'csv' | 'panels'>, run: FormatRun): Promise<FormatResult> {
  switch (format) {
    case 'pdf':
      return pdf(run);
    default:
      throw new Error(`${format} export is not built yet`);
  }
}
