/**
 * One entry point for the production formats from their saved options (production-options.ts maps
 * them to each service, the same mapping the CLI uses). Used by the export dialog's channel. Each
 * format's service is imported only when that format runs, so a shot list never loads pdf-lib or
 * ffmpeg.
 */
import type { ProductionSettings } from '../../../shared/domain/production-export';
import type { ImageReport } from './image-problems';
import type { ProductionInput } from './production-input';
import { fcpxmlOptions, gifOptions, mp4Options, pdfBoardOptions } from './production-options';

export const PRODUCTION_EXPORTS = ['pdf', 'mp4', 'gif', 'fcpxml', 'csv'] as const;
export type ProductionExport = (typeof PRODUCTION_EXPORTS)[number];

export const PRODUCTION_EXTENSIONS: Record<ProductionExport, string> = { pdf: 'pdf', mp4: 'mp4', gif: 'gif', fcpxml: 'fcpxml', csv: 'csv' };

export interface ProductionRun {
  overwrite: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

/** What a production export wrote, and the panels whose image file it could not read. */
export interface ProductionResult extends ImageReport {
  /** The files written (the timeline's stills included). */
  files: string[];
}

const report = ({ missingImages, imageProblems }: ImageReport): ImageReport => ({ missingImages, imageProblems });

/** Writes `format` to `out`. */
export async function exportProduction(format: ProductionExport, input: ProductionInput, settings: ProductionSettings, aspectRatio: string, out: string, run: ProductionRun): Promise<ProductionResult> {
  switch (format) {
    case 'pdf': {
      const { exportPdfBoard } = await import('./pdf-board');
      const result = await exportPdfBoard(input, pdfBoardOptions(settings.pdf, aspectRatio), out, run);
      return { files: [result.file], ...report(result) };
    }
    case 'mp4': {
      const { exportMp4 } = await import('./mp4-animatic');
      const result = await exportMp4(input, mp4Options(settings.mp4, aspectRatio), out, run);
      return { files: result.files, ...report(result) };
    }
    case 'gif': {
      const { exportGif } = await import('./gif-animatic');
      const result = await exportGif(input, gifOptions(settings.gif, aspectRatio), out, run);
      return { files: [result.file], ...report(result) };
    }
    case 'fcpxml': {
      const { exportFcpxml } = await import('./fcpxml');
      const result = await exportFcpxml(input, fcpxmlOptions(settings.fcpxml, aspectRatio), out, run);
      return { files: [result.file, ...result.stills], ...report(result) };
    }
    case 'csv': {
      const { exportShotList } = await import('./shot-list');
      const result = await exportShotList(input, out, run);
      return { files: [result.file], ...report(result) };
    }
  }
}
