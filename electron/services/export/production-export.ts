/**
 * One entry point for the production formats with the app's defaults: the PDF follows the
 * project's saved page, orientation and dpi; the animatic is 1280x720 at 24 fps with the caption
 * strip and an SRT; the GIF is 480 px wide; the timeline is 24 fps at the project's shape. Used by
 * the export dialog's channel; the CLI maps its own flags onto the same services.
 */
import type { Project } from '../../../shared/domain/project';
import { parseAspectRatio } from './aspect-ratio';
import type { ProductionInput } from './production-input';

export const PRODUCTION_EXPORTS = ['pdf', 'mp4', 'gif', 'fcpxml', 'csv'] as const;
export type ProductionExport = (typeof PRODUCTION_EXPORTS)[number];

export const PRODUCTION_EXTENSIONS: Record<ProductionExport, string> = { pdf: 'pdf', mp4: 'mp4', gif: 'gif', fcpxml: 'fcpxml', csv: 'csv' };

export interface ProductionRun {
  overwrite: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

/** Writes `format` to `out`; returns the files written (the timeline's stills included). */
export async function exportProduction(format: ProductionExport, input: ProductionInput, project: Project, out: string, run: ProductionRun): Promise<string[]> {
  const aspect = parseAspectRatio(project.aspectRatio) ?? 16 / 9;
  const saved = project.exportSettings;
  switch (format) {
    case 'pdf': {
      const { exportPdfBoard } = await import('./pdf-board');
      const page = saved.page === 'letter' ? 'letter' : 'a4';
      return [(await exportPdfBoard(input, { page, orientation: saved.orientation, dpi: saved.dpi, layout: 'grid', perPage: 6, aspect }, out, run)).file];
    }
    case 'mp4': {
      const { exportMp4 } = await import('./mp4-animatic');
      return (await exportMp4(input, { fps: 24, width: 1280, height: 720, captions: true, srt: true, crossfadeSeconds: 0 }, out, run)).files;
    }
    case 'gif': {
      const { exportGif } = await import('./gif-animatic');
      return [(await exportGif(input, { width: 480, aspect }, out, run)).file];
    }
    case 'fcpxml': {
      const { exportFcpxml } = await import('./fcpxml');
      const result = await exportFcpxml(input, { fps: 24, width: Math.round((1080 * aspect) / 2) * 2, height: 1080 }, out, run);
      return [result.file, ...result.stills];
    }
    case 'csv': {
      const { exportShotList } = await import('./shot-list');
      return [await exportShotList(input.panels, out, run)];
    }
  }
}
