/**
 * From the saved options of a production format (shared/domain/production-export.ts, the same
 * shape the app's dialog edits and the CLI's flags override) to what each export service takes.
 * One mapping, so the app and `castboard export --format` draw the same file from the same
 * settings. Pure: no I/O.
 */
import { videoPixels, type FcpxmlExportSettings, type GifExportSettings, type Mp4ExportSettings, type PdfExportSettings } from '../../../shared/domain/production-export';
import { aspectValue } from '../../../shared/domain/aspect-ratios';
import type { FcpxmlOptions } from './fcpxml';
import type { GifOptions } from './gif-animatic';
import type { Mp4Options } from './mp4-animatic';
import type { PdfBoardOptions } from './pdf-board';

export function pdfBoardOptions(pdf: PdfExportSettings, aspectRatio: string): PdfBoardOptions {
  return { page: pdf.page, orientation: pdf.orientation, dpi: pdf.dpi, layout: pdf.layout, perPage: pdf.perPage, captions: pdf.captions, aspect: aspectValue(aspectRatio) };
}

export function mp4Options(mp4: Mp4ExportSettings, aspectRatio: string): Mp4Options {
  return { fps: mp4.fps, ...videoPixels(mp4.size, aspectRatio), captions: mp4.captions, srt: mp4.srt, crossfadeSeconds: mp4.crossfade ? mp4.crossfadeSeconds : 0 };
}

export function gifOptions(gif: GifExportSettings, aspectRatio: string): GifOptions {
  return { width: gif.width, aspect: aspectValue(aspectRatio) };
}

export function fcpxmlOptions(fcpxml: FcpxmlExportSettings, aspectRatio: string): FcpxmlOptions {
  return { fps: fcpxml.fps, ...videoPixels('project', aspectRatio) };
}
