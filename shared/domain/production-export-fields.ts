/**
 * The lists and ranges the production formats' saved options are described with. Free of zod
 * (production-export.ts builds its schemas from them and re-exports them), so the project rules
 * and the compiled project check can use them without loading it.
 */

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
