/**
 * The words on the PDF board: the page header (character thumbnail, title, character and date,
 * page numbers) and each panel's caption (number, shot, angle, movement, duration, then scene,
 * dialogue, action and notes as room allows). Grid captions are small; the shooting board's are
 * large. All of it is real text (pdf-text.ts).
 */
import { rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { GRID_CAPTION_LINES, GRID_CAPTION_SIZE, HEADER_HEIGHT, PAGE_MARGIN, SHOOTING_CAPTION_SIZE, gridCells, shootingCells, type Box, type PdfCell } from './pdf-layout';
import { drawLines, wrapLines } from './pdf-text';
import type { ProductionPanel } from './production-input';

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export interface PdfHeader {
  title: string;
  date: string;
  character: string;
  thumbnail: PDFImage | null;
}

export function drawPdfHeader(page: PDFPage, fonts: PdfFonts, header: PdfHeader, numbers: { page: number; pages: number }): void {
  const { width, height } = page.getSize();
  const top = height - PAGE_MARGIN;
  let x = PAGE_MARGIN;
  if (header.thumbnail) {
    const size = header.thumbnail.scaleToFit(HEADER_HEIGHT - 8, HEADER_HEIGHT - 8);
    page.drawImage(header.thumbnail, { x, y: top - size.height, ...size });
    x += size.width + 10;
  }
  const pageLabel = `Page ${numbers.page} of ${numbers.pages}`;
  const labelWidth = fonts.regular.widthOfTextAtSize(pageLabel, 9);
  const textWidth = width - PAGE_MARGIN - labelWidth - 16 - x;
  const below = drawLines(page, { font: fonts.bold, size: 15 }, wrapLines({ font: fonts.bold, size: 15 }, header.title, textWidth, 1), x, top);
  const facts = [header.character, header.date].filter(Boolean).join('  ·  ');
  drawLines(page, { font: fonts.regular, size: 9, grey: 0.35 }, wrapLines({ font: fonts.regular, size: 9 }, facts, textWidth, 1), x, below);
  page.drawText(pageLabel, { x: width - PAGE_MARGIN - labelWidth, y: top - 12, size: 9, font: fonts.regular, color: rgb(0.35, 0.35, 0.35) });
  const ruleY = height - PAGE_MARGIN - HEADER_HEIGHT + 6;
  page.drawLine({ start: { x: PAGE_MARGIN, y: ruleY }, end: { x: width - PAGE_MARGIN, y: ruleY }, thickness: 0.5, color: rgb(0.7, 0.7, 0.7) });
}

/** What a caption says (the preview draws the same words, pdf-preview.ts). */
export const technical = (panel: ProductionPanel): string => [panel.shot, panel.angle, panel.movement, `${panel.durationSeconds}s`].join(' · ');
/** The grid's words under the technical line: the dialogue, else the action, else the scene. */
export const gridWords = (panel: ProductionPanel): string => (panel.dialogue ? `“${panel.dialogue}”` : panel.action || panel.scene);
/** The shooting board's labelled blocks, in order (empty ones are skipped). */
export const shootingBlocks = (panel: ProductionPanel): Array<[string, string]> => [['Scene', panel.scene], ['Dialogue', panel.dialogue ? `“${panel.dialogue}”` : ''], ['Action', panel.action], ['Notes', panel.notes]];

/**
 * The cells of every page of the board. A grid caption keeps room for its words only when some
 * panel of the board has words: with no dialogue, action or scene anywhere they would be blank
 * lines under every cell. When some panels have words, every cell keeps the room (aligned rows).
 */
export function boardCells(panels: readonly ProductionPanel[], board: { layout: 'grid' | 'shooting'; perPage: number; aspect: number; captions?: boolean }, page: { width: number; height: number }): PdfCell[] {
  const captions = board.captions ?? true;
  if (board.layout === 'shooting') return shootingCells(page, board.perPage, board.aspect, captions);
  const words = panels.some((panel) => gridWords(panel).trim() !== '');
  return gridCells(page, board.perPage, board.aspect, captions ? (words ? GRID_CAPTION_LINES : 1) : 0);
}

function drawGridCaption(page: PDFPage, fonts: PdfFonts, box: Box, panel: ProductionPanel): void {
  const size = GRID_CAPTION_SIZE;
  let y = box.y + box.height - 2;
  y = drawLines(page, { font: fonts.bold, size }, wrapLines({ font: fonts.bold, size }, `${panel.number}  ${technical(panel)}`, box.width, 1), box.x, y);
  drawLines(page, { font: fonts.regular, size }, wrapLines({ font: fonts.regular, size }, gridWords(panel), box.width, GRID_CAPTION_LINES - 1), box.x, y);
}

function drawShootingCaption(page: PDFPage, fonts: PdfFonts, box: Box, panel: ProductionPanel): void {
  const size = SHOOTING_CAPTION_SIZE;
  const lineHeight = size * 1.25;
  let y = drawLines(page, { font: fonts.bold, size: size + 3 }, [`Panel ${panel.number}`], box.x, box.y + box.height);
  y = drawLines(page, { font: fonts.regular, size, grey: 0.35 }, wrapLines({ font: fonts.regular, size }, technical(panel), box.width, 2), box.x, y);
  for (const [label, text] of shootingBlocks(panel)) {
    const room = Math.floor((y - box.y) / lineHeight) - 1;
    if (!text || room < 1) continue;
    y = drawLines(page, { font: fonts.bold, size: size - 2, grey: 0.4 }, [label], box.x, y - 4);
    y = drawLines(page, { font: fonts.regular, size }, wrapLines({ font: fonts.regular, size }, text, box.width, Math.min(room, 6)), box.x, y);
  }
}

export function drawPdfCaption(page: PDFPage, fonts: PdfFonts, box: Box, panel: ProductionPanel, layout: 'grid' | 'shooting'): void {
  if (layout === 'grid') drawGridCaption(page, fonts, box, panel);
  else drawShootingCaption(page, fonts, box, panel);
}
