/**
 * The lists and ranges the production formats' saved options are described with, and the pixel
 * size of a video size option. Free of zod (production-export.ts builds its schemas from them and
 * re-exports them), so the project rules, the compiled project check and the export dialog can
 * use them without loading it.
 */
import { aspectValue } from './aspect-ratios';

export const PDF_PAGES = ['a4', 'letter'] as const;
export const PDF_LAYOUTS = ['grid', 'shooting'] as const;
export const ORIENTATIONS = ['portrait', 'landscape'] as const;
/** 'project' follows the project's aspect ratio at 1080 lines. */
export const VIDEO_SIZES = ['1280x720', '1920x1080', 'project'] as const;
export const FRAME_RATES = [24, 25, 30] as const;

export const PDF_PER_PAGE = { grid: { min: 1, max: 24, default: 6 }, shooting: { min: 1, max: 3, default: 3 } } as const;
export const GIF_WIDTH = { min: 160, max: 1280, default: 480 } as const;
export const CROSSFADE_SECONDS = { min: 0.1, max: 2, default: 0.5 } as const;

export type PdfLayout = (typeof PDF_LAYOUTS)[number];
export type VideoSize = (typeof VIDEO_SIZES)[number];
export type FrameRate = (typeof FRAME_RATES)[number];

/**
 * Pixel size of a video size option, even both ways (H.264 yuv420p needs it); 'project' is the
 * project's aspect ratio ('16:9', '2.39:1'...) at 1080 lines.
 */
export function videoPixels(size: VideoSize, aspectRatio: string): { width: number; height: number } {
  if (size !== 'project') {
    const [width, height] = size.split('x').map(Number) as [number, number];
    return { width, height };
  }
  return { width: Math.round((1080 * aspectValue(aspectRatio)) / 2) * 2, height: 1080 };
}
