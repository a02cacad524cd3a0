/**
 * Geometry of the PDF board, in PDF points (1/72 inch, origin bottom-left). Pure: no I/O.
 * Invariants: every cell lies inside the page margins below the header; an image box has the
 * project's aspect ratio; the grid picks the column count that gives the largest images.
 */
export type PdfPagePreset = 'a4' | 'letter';
export type PdfOrientation = 'portrait' | 'landscape';

const SIZES: Record<PdfPagePreset, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };
export const PAGE_MARGIN = 36;
export const HEADER_HEIGHT = 44;
const GUTTER = 14;
/** Caption lines under a grid cell, and their line height. */
export const GRID_CAPTION_LINES = 4;
export const GRID_CAPTION_SIZE = 7.5;
export const SHOOTING_CAPTION_SIZE = 11;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfCell {
  image: Box;
  caption: Box;
}

export function pageSizePt(page: PdfPagePreset, orientation: PdfOrientation): { width: number; height: number } {
  const [short, long] = SIZES[page];
  return orientation === 'portrait' ? { width: short, height: long } : { width: long, height: short };
}

/** The area under the header, inside the margins. */
function body(page: { width: number; height: number }): Box {
  return { x: PAGE_MARGIN, y: PAGE_MARGIN, width: page.width - 2 * PAGE_MARGIN, height: page.height - 2 * PAGE_MARGIN - HEADER_HEIGHT };
}

/**
 * N cells in the grid whose column count gives the largest image, with `captionLines` caption
 * lines under each (0: no captions, and the images take their room).
 */
export function gridCells(page: { width: number; height: number }, perPage: number, aspect: number, captionLines = GRID_CAPTION_LINES): PdfCell[] {
  const area = body(page);
  const captionHeight = captionLines > 0 ? captionLines * GRID_CAPTION_SIZE * 1.25 + 4 : 0;
  let best = { columns: 1, imageWidth: 0 };
  for (let columns = 1; columns <= perPage; columns += 1) {
    const rows = Math.ceil(perPage / columns);
    const byWidth = (area.width - (columns - 1) * GUTTER) / columns;
    const byHeight = ((area.height - (rows - 1) * GUTTER) / rows - captionHeight) * aspect;
    const imageWidth = Math.min(byWidth, byHeight);
    if (imageWidth > best.imageWidth) best = { columns, imageWidth };
  }
  const { columns, imageWidth } = best;
  const imageHeight = imageWidth / aspect;
  const rows = Math.ceil(perPage / columns);
  const cellHeight = imageHeight + captionHeight;
  const used = { width: columns * imageWidth + (columns - 1) * GUTTER, height: rows * cellHeight + (rows - 1) * GUTTER };
  const left = area.x + (area.width - used.width) / 2;
  const top = area.y + area.height;
  return Array.from({ length: perPage }, (_, index) => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const x = left + column * (imageWidth + GUTTER);
    const imageTop = top - row * (cellHeight + GUTTER);
    return {
      image: { x, y: imageTop - imageHeight, width: imageWidth, height: imageHeight },
      caption: { x, y: imageTop - cellHeight, width: imageWidth, height: captionHeight },
    };
  });
}

/** The shooting board: 1-3 rows, each a large image with its captions beside it (or the whole width without). */
export function shootingCells(page: { width: number; height: number }, perPage: number, aspect: number, captions = true): PdfCell[] {
  const area = body(page);
  const rowHeight = (area.height - (perPage - 1) * GUTTER) / perPage;
  const imageWidth = Math.min(area.width * (captions ? 0.6 : 1), rowHeight * aspect);
  const imageHeight = imageWidth / aspect;
  return Array.from({ length: perPage }, (_, index) => {
    const rowTop = area.y + area.height - index * (rowHeight + GUTTER);
    const image = { x: area.x, y: rowTop - imageHeight, width: imageWidth, height: imageHeight };
    const captionX = area.x + imageWidth + GUTTER;
    return { image, caption: { x: captionX, y: rowTop - rowHeight, width: area.x + area.width - captionX, height: rowHeight } };
  });
}

/** Pixel size an image is resampled to so it prints at `dpi` in `box`. */
export function pixelsFor(box: Box, dpi: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round((box.width * dpi) / 72)), height: Math.max(1, Math.round((box.height * dpi) / 72)) };
}
