/**
 * What a production export would write, for the export dialog, without writing anything: one page
 * of the PDF board (pdf-preview.ts; page 1 unless another is asked for), the first frame of the
 * MP4 (with its caption strip) or of the GIF, the first rows of the shot list, and the counts a
 * one-line summary needs (pages, running time, frame size, files). The timeline has no picture of
 * its own: its summary says what it holds. Options go through the same mapping as the export
 * (production-options.ts), so the preview and the file agree. Never returns a path.
 */
import type { ProductionSettings } from '../../../shared/domain/production-export';
import { CastboardError } from '../../../shared/errors';
import sharp from '../image-safety/sharp-gate';
import { assertHasStills } from './fcpxml';
import { defaultFontFiles } from './font';
import { gifFrameSize } from './gif-animatic';
import { panelFrame } from './panel-frames';
import type { ProductionExport } from './production-export';
import { cutFrames, type ProductionInput } from './production-input';
import { fcpxmlOptions, gifOptions, mp4Options, pdfBoardOptions } from './production-options';
import { shotListCells } from './shot-list';

/** Rows of the shot list shown under its header. */
export const PREVIEW_ROWS = 5;

export interface ProductionPreview {
  image: { png: Buffer; width: number; height: number } | null;
  table: { columns: string[]; rows: string[][] } | null;
  panels: number;
  pages: number | null;
  /** The page shown (0-based), for a format with pages. */
  page: number | null;
  /** Running time of an animatic or timeline, in seconds (frame-exact at its rate). */
  seconds: number | null;
  /** Frame size of a video, GIF or timeline. */
  frame: { width: number; height: number } | null;
  /** Files the export writes (the video and its subtitles; the timeline and its stills). */
  files: number;
}

/** The first panel's frame as a PNG at most `maxWidth` wide. */
async function firstFrame(input: ProductionInput, size: { width: number; height: number }, captions: boolean, maxWidth: number): Promise<ProductionPreview['image']> {
  const panel = input.panels[0];
  if (!panel) return null;
  const raw = await panelFrame(input, panel, { size, ...(captions ? { captions: { fonts: defaultFontFiles() } } : {}) });
  const width = Math.min(maxWidth, size.width);
  const { data, info } = await sharp(raw, { raw: { ...size, channels: 3 } }).resize({ width }).png().toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

const runningSeconds = (input: ProductionInput, fps: number) => (cutFrames(input.panels, fps).at(-1) ?? 0) / fps;

export async function previewProduction(
  format: ProductionExport,
  input: ProductionInput,
  settings: ProductionSettings,
  aspectRatio: string,
  view: { maxWidth: number; page?: number },
): Promise<ProductionPreview> {
  if (input.panels.length === 0) throw new CastboardError('EXPORT_EMPTY', 'There are no panels to export. Add panels, or turn off "Selected panels only".');
  const { maxWidth } = view;
  const base: ProductionPreview = { image: null, table: null, panels: input.panels.length, pages: null, page: null, seconds: null, frame: null, files: 1 };
  switch (format) {
    case 'pdf': {
      const { renderPdfPreview } = await import('./pdf-preview');
      const page = await renderPdfPreview(input, pdfBoardOptions(settings.pdf, aspectRatio), view);
      return { ...base, image: { png: page.png, width: page.width, height: page.height }, pages: page.pages, page: page.page };
    }
    case 'mp4': {
      const options = mp4Options(settings.mp4, aspectRatio);
      const frame = { width: options.width, height: options.height };
      return { ...base, image: await firstFrame(input, frame, options.captions, maxWidth), seconds: runningSeconds(input, options.fps), frame, files: options.srt ? 2 : 1 };
    }
    case 'gif': {
      const frame = gifFrameSize(gifOptions(settings.gif, aspectRatio));
      const seconds = input.panels.reduce((sum, panel) => sum + panel.durationSeconds, 0);
      return { ...base, image: await firstFrame(input, frame, false, maxWidth), seconds, frame };
    }
    case 'fcpxml': {
      const options = fcpxmlOptions(settings.fcpxml, aspectRatio);
      assertHasStills(input);
      const stills = input.panels.filter((panel) => panel.imagePath !== null).length;
      return { ...base, seconds: runningSeconds(input, options.fps), frame: { width: options.width, height: options.height }, files: 1 + stills };
    }
    case 'csv': {
      const [columns = [], ...rows] = shotListCells(input.panels);
      return { ...base, table: { columns, rows: rows.slice(0, PREVIEW_ROWS) } };
    }
  }
}
