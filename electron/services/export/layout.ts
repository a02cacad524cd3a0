/**
 * Contact sheet geometry, pure and synchronous (text metrics are measured by the caller and
 * passed in). Invariants:
 *  - every cell has the same block: the image area (cell width x width / aspect ratio) over a
 *    caption band whose height depends only on the options (the caller leaves out the caption
 *    fields no exported panel has, see captionsWithText), never on one panel's text;
 *  - with a page preset every page has exactly the preset's pixel size (A4 at 150 dpi portrait is
 *    1240 x 1754) and holds `rowsPerPage` full rows; without one there is a single page tall
 *    enough for all rows;
 *  - options that cannot produce a usable sheet throw EXPORT_INVALID_OPTIONS saying what to change.
 */
import { CastboardError } from '../../../shared/errors';
import { parseAspectRatio } from '../../../shared/domain/aspect-ratios';
import type { CaptionField, ContactSheetOptions } from './options';

const MM_PER_INCH = 25.4;
const PAGE_MM = { a4: [210, 297], letter: [215.9, 279.4] } as const;
/** Below this a panel is a smudge; refuse rather than export something useless. */
export const MIN_CELL_WIDTH = 48;

export interface FontSizes {
  caption: number;
  number: number;
  title: number;
  meta: number;
}

/** Vertical metrics of one font size, measured: a box of n lines is first + (n - 1) * pitch. */
export interface LineMetrics {
  /** Distance between the tops of two consecutive lines. */
  pitch: number;
  /** Height of a one-line box. */
  first: number;
}

export type LineHeights = Record<keyof FontSizes, LineMetrics>;

export const linesHeight = (metrics: LineMetrics, lines: number): number => metrics.first + (lines - 1) * metrics.pitch;

export interface BaseGeometry {
  columns: number;
  cellWidth: number;
  imageHeight: number;
  pageWidth: number;
  /** Fixed page height for presets; null when the page grows with its rows. */
  presetHeight: number | null;
  fonts: FontSizes;
}

export type BandItem =
  | { kind: 'number'; top: number; height: number }
  | { kind: 'field'; field: CaptionField; maxLines: number; top: number; height: number };

/** Fields that are a word or two: one line each, so they do not waste a band of empty lines. */
const ONE_LINE_FIELDS: ReadonlySet<CaptionField> = new Set(['shot', 'angle', 'movement', 'duration', 'consistency']);

export interface HeaderBox {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Top of the details line, relative to the header's top. */
  metaTop: number;
}

export interface SheetLayout extends BaseGeometry {
  pageHeight: number;
  margin: number;
  padding: number;
  bandHeight: number;
  blockHeight: number;
  /** Caption band contents, `top` relative to the cell's top edge. */
  band: BandItem[];
  header: HeaderBox | null;
  gridLeft: number;
  gridTop: number;
  gutter: number;
  rowsPerPage: number;
  panelsPerPage: number;
  pages: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function pageSizePx(preset: 'a4' | 'letter', orientation: 'portrait' | 'landscape', dpi: number): { width: number; height: number } {
  const [w, h] = PAGE_MM[preset].map((mm) => Math.round((mm / MM_PER_INCH) * dpi)) as [number, number];
  return orientation === 'portrait' ? { width: w, height: h } : { width: h, height: w };
}

/** Text scales with the cells and the page so a 300 dpi sheet is the 150 dpi one, sharper. */
export function fontSizesFor(cellWidth: number, pageWidth: number): FontSizes {
  const caption = clamp(Math.round(cellWidth / 24), 9, 48);
  const title = clamp(Math.round(pageWidth / 40), 14, 96);
  return { caption, number: Math.round(caption * 1.1), title, meta: clamp(Math.round(title * 0.5), 10, 48) };
}

const invalid = (message: string) => new CastboardError('EXPORT_INVALID_OPTIONS', message);

/** Cell width, columns and page width: everything that does not need text metrics. */
export function baseGeometry(options: ContactSheetOptions): BaseGeometry {
  const aspect = parseAspectRatio(options.aspectRatio);
  if (aspect === null) throw invalid(`Aspect ratio "${options.aspectRatio}" is not valid. Use a ratio like 16:9.`);
  const { columns, margin, gutter } = options;
  let cellWidth = options.cellWidth;
  let pageWidth = 2 * margin + columns * cellWidth + (columns - 1) * gutter;
  let presetHeight: number | null = null;
  if (options.page !== 'none') {
    const page = pageSizePx(options.page, options.orientation, options.dpi);
    cellWidth = Math.floor((page.width - 2 * margin - (columns - 1) * gutter) / columns);
    if (cellWidth < MIN_CELL_WIDTH) {
      throw invalid(
        `${columns} columns do not fit on a ${options.page.toUpperCase()} ${options.orientation} page at ${options.dpi} dpi ` +
          `with margin ${margin} px and gutter ${gutter} px (panels would be ${Math.max(cellWidth, 0)} px wide). ` +
          'Use fewer columns, smaller margins, landscape or 300 dpi.',
      );
    }
    pageWidth = page.width;
    presetHeight = page.height;
  }
  const imageHeight = Math.max(1, Math.round(cellWidth / aspect));
  return { columns, cellWidth, imageHeight, pageWidth, presetHeight, fonts: fontSizesFor(cellWidth, pageWidth) };
}

function captionBand(options: ContactSheetOptions, padding: number, lines: LineHeights, imageHeight: number) {
  const band: BandItem[] = [];
  let top = imageHeight + padding;
  if (options.panelNumbers) {
    const height = linesHeight(lines.number, 1);
    band.push({ kind: 'number', top, height });
    top += height + padding;
  }
  for (const field of options.captions) {
    const maxLines = ONE_LINE_FIELDS.has(field) ? 1 : options.captionLines;
    const height = linesHeight(lines.caption, maxLines);
    band.push({ kind: 'field', field, maxLines, top, height });
    top += height + padding;
  }
  // No band at all when there is nothing to write: the grid is then images only.
  const bandHeight = band.length === 0 ? 0 : top - padding - imageHeight;
  return { band, bandHeight };
}

function headerBox(options: ContactSheetOptions, base: BaseGeometry, lines: LineHeights): HeaderBox | null {
  if (!options.header) return null;
  const gap = Math.max(2, Math.round(base.fonts.meta * 0.35));
  return {
    left: options.margin,
    top: options.margin,
    width: base.pageWidth - 2 * options.margin,
    height: linesHeight(lines.title, 1) + gap + linesHeight(lines.meta, 1),
    metaTop: linesHeight(lines.title, 1) + gap,
  };
}

/** The full layout for `panelCount` panels (after any "selected only" filtering). */
export function computeLayout(options: ContactSheetOptions, panelCount: number, base: BaseGeometry, lines: LineHeights): SheetLayout {
  const { margin, gutter } = options;
  const padding = Math.max(2, Math.round(base.fonts.caption * 0.4));
  const { band, bandHeight } = captionBand(options, padding, lines, base.imageHeight);
  const blockHeight = base.imageHeight + bandHeight;
  const header = headerBox(options, base, lines);
  const gridTop = margin + (header ? header.height + Math.max(gutter, Math.round(base.fonts.title * 0.6)) : 0);
  const gridWidth = base.columns * base.cellWidth + (base.columns - 1) * gutter;
  const gridLeft = margin + Math.max(0, Math.floor((base.pageWidth - 2 * margin - gridWidth) / 2));
  const totalRows = Math.max(1, Math.ceil(panelCount / base.columns));

  let rowsPerPage = totalRows;
  let pageHeight = gridTop + totalRows * blockHeight + (totalRows - 1) * gutter + margin;
  if (base.presetHeight !== null) {
    pageHeight = base.presetHeight;
    rowsPerPage = Math.floor((pageHeight - margin - gridTop + gutter) / (blockHeight + gutter));
    if (rowsPerPage < 1) {
      throw invalid(
        `One row of panels (${blockHeight} px with captions) does not fit on the page. ` +
          'Use more columns, fewer caption fields or lines, smaller margins, or the other orientation.',
      );
    }
  }
  const panelsPerPage = rowsPerPage * base.columns;
  const pages = Math.max(1, Math.ceil(panelCount / panelsPerPage));
  return { ...base, pageHeight, margin, padding, bandHeight, blockHeight, band, header, gridLeft, gridTop, gutter, rowsPerPage, panelsPerPage, pages };
}

/** Top-left corner of the cell at `index` on its page (row-major). */
export function cellOrigin(layout: SheetLayout, index: number): { left: number; top: number } {
  const column = index % layout.columns;
  const row = Math.floor(index / layout.columns);
  return {
    left: layout.gridLeft + column * (layout.cellWidth + layout.gutter),
    top: layout.gridTop + row * (layout.blockHeight + layout.gutter),
  };
}
