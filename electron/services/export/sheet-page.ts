/**
 * One page of a contact sheet as a PageSpec for compose.ts: the header, then the panels' cells
 * row by row. Rows are rendered when the first band touching them is drawn (all rows of a band
 * at once, with bounded concurrency; each cell is drawn as soon as it is decoded) and dropped
 * once the band below them is done, so a tall page never holds all its cells.
 */
import { renderCell } from './cell';
import { DEFAULT_BAND_BUDGET_BYTES, intersects, planBands, type Band, type DrawPieces, type PageSpec, type Piece } from './compose';
import type { ContactSheetPanel } from './input';
import { cellOrigin } from './layout';
import { EXPORT_CONCURRENCY, mapLimit } from './map-limit';
import type { PreparedSheet } from './sheet-plan';

export type HeaderPieces = (page: number, pages: number) => Promise<Piece[]>;
export type OnCell = (panel: ContactSheetPanel, problem: string | null) => void;

export interface PageRun {
  signal?: AbortSignal;
  concurrency?: number;
  bandBudgetBytes?: number;
  onCell: OnCell;
  /** Images whose decoding started before the page (taken once, by their cell). */
  decoding?: Map<ContactSheetPanel, Promise<Piece>>;
}

/** Page `page` (0-based) of the sheet, showing `pagePanels`. */
export function sheetPage(sheet: PreparedSheet, page: number, pagePanels: ContactSheetPanel[], header: HeaderPieces, run: PageRun): PageSpec {
  const { layout, theme } = sheet.ctx;
  const rows = Math.ceil(pagePanels.length / layout.columns);
  const rowTop = (row: number) => layout.gridTop + row * (layout.blockHeight + layout.gutter);
  const rendered = new Map<number, Piece[]>();

  // Each cell is handed to `draw` as soon as it is decoded (see PageSpec.piecesFor).
  const renderRows = async (wanted: number[], draw: DrawPieces) => {
    const indices = wanted.flatMap((row) => pagePanels.slice(row * layout.columns, (row + 1) * layout.columns).map((_, i) => row * layout.columns + i));
    const cells = await mapLimit(
      indices,
      run.concurrency ?? EXPORT_CONCURRENCY,
      async (index) => {
        const panel = pagePanels[index] as ContactSheetPanel;
        const decoding = run.decoding?.get(panel);
        run.decoding?.delete(panel);
        const cell = await renderCell(panel, sheet.ctx, decoding);
        run.onCell(panel, cell.problem);
        const origin = cellOrigin(layout, index);
        const pieces = cell.pieces.map((piece) => ({ ...piece, left: piece.left + origin.left, top: piece.top + origin.top }));
        draw(pieces);
        return pieces;
      },
      run.signal,
    );
    for (const row of wanted) rendered.set(row, []);
    cells.forEach((pieces, i) => rendered.get(Math.floor((indices[i] ?? 0) / layout.columns))?.push(...pieces));
  };

  const piecesFor = async (band: Band, draw: DrawPieces): Promise<void> => {
    for (const row of rendered.keys()) if (rowTop(row) + layout.blockHeight <= band.top) rendered.delete(row);
    const touching = Array.from({ length: rows }, (_, row) => row).filter((row) => intersects(band, rowTop(row), layout.blockHeight));
    // Rows kept from the band above are drawn at once; the header while the new rows decode.
    for (const row of touching) draw(rendered.get(row) ?? []);
    const headerBox = layout.header;
    const headerDrawn = headerBox && intersects(band, headerBox.top, headerBox.height) ? header(page + 1, layout.pages).then(draw) : Promise.resolve();
    // Both settle before this returns (nothing draws into a band after it is done), then the first failure is thrown.
    const [cells, head] = await Promise.allSettled([renderRows(touching.filter((row) => !rendered.has(row)), draw), headerDrawn]);
    if (cells.status === 'rejected') throw cells.reason;
    if (head.status === 'rejected') throw head.reason;
  };

  return {
    width: layout.pageWidth,
    height: layout.pageHeight,
    background: theme.background,
    bands: planBands(layout.pageWidth, layout.pageHeight, run.bandBudgetBytes ?? DEFAULT_BAND_BUDGET_BYTES),
    piecesFor,
  };
}
