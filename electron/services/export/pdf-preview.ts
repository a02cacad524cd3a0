/**
 * A picture of one page of the PDF board for the export dialog (page 1 unless another is asked
 * for), drawn with sharp (no PDF rasteriser needed): the same page size, the same cells
 * (pdf-layout.ts), the same caption words (pdf-captions.ts) and the same header facts, scaled to
 * the preview width. Text is drawn with the packaged font at the scaled size, so the preview shows
 * where words go rather than the exact glyph metrics of the PDF.
 * Invariants: only the page shown is decoded (at most `perPage` images, a few at a time); image
 * bytes reach sharp only through the decode gate; nothing is written.
 */
import sharp, { type OverlayOptions } from '../image-safety/sharp-gate';
import { decodeImage } from '../image-safety/decode-gate';
import { defaultFontFiles, registerFonts, type FontFiles } from './font';
import { EXPORT_CONCURRENCY, mapLimit } from './map-limit';
import type { PdfBoardOptions } from './pdf-board';
import { boardCells, gridWords, shootingBlocks, technical } from './pdf-captions';
import { GRID_CAPTION_LINES, GRID_CAPTION_SIZE, HEADER_HEIGHT, PAGE_MARGIN, SHOOTING_CAPTION_SIZE, pageSizePt, type Box } from './pdf-layout';
import type { ProductionInput, ProductionPanel } from './production-input';
import { previewPage } from '../../../shared/domain/preview-page';
import { measureFont, renderClamped } from './text';

interface Pen {
  fonts: FontFiles;
  /** Pixels per PDF point. */
  scale: number;
}

interface Words {
  text: string;
  size: number;
  bold?: boolean;
  grey?: string;
  width: number;
  lines: number;
}

/** One block of text at (left, top) in pixels, with the pixel size it took (0 when nothing was drawn). */
async function words(pen: Pen, spec: Words, left: number, top: number): Promise<{ overlay: OverlayOptions | null; width: number; height: number }> {
  const px = Math.max(5, Math.round(spec.size * pen.scale));
  const metrics = await measureFont(px, pen.fonts, spec.bold ?? false);
  const image = await renderClamped({ text: spec.text, style: { px, colour: spec.grey ?? '#1a1a1a', bold: spec.bold ?? false }, width: Math.max(1, Math.floor(spec.width)), maxLines: spec.lines, metrics }, pen.fonts);
  if (!image) return { overlay: null, width: 0, height: 0 };
  return { overlay: { input: image.data, raw: { width: image.width, height: image.height, channels: 4 }, left: Math.round(left), top: Math.round(top) }, width: image.width, height: image.height };
}

function rect(left: number, top: number, width: number, height: number, grey: number): OverlayOptions {
  const size = { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
  return { input: { create: { ...size, channels: 3, background: { r: grey, g: grey, b: grey } } }, left: Math.round(left), top: Math.round(top) };
}

async function header(pen: Pen, input: ProductionInput, page: { width: number }, numbers: { page: number; pages: number }): Promise<OverlayOptions[]> {
  const s = pen.scale;
  const top = PAGE_MARGIN * s;
  let x = PAGE_MARGIN * s;
  const out: OverlayOptions[] = [];
  const thumbRef = input.character?.thumbnailPath;
  const side = Math.round((HEADER_HEIGHT - 8) * s);
  const thumb = thumbRef ? await input.readImage(thumbRef).then((raw) => decodeImage(raw, { failOn: 'error' }).resize(side, side, { fit: 'inside' }).flatten({ background: '#ffffff' }).png().toBuffer({ resolveWithObject: true })).catch(() => null) : null;
  if (thumb) {
    out.push({ input: thumb.data, left: Math.round(x), top: Math.round(top) });
    x += thumb.info.width + 10 * s;
  }
  const label = await words(pen, { text: `Page ${numbers.page} of ${numbers.pages}`, size: 9, grey: '#595959', width: 120 * s, lines: 1 }, 0, top);
  const labelWidth = label.width;
  if (label.overlay) out.push({ ...label.overlay, left: Math.round((page.width - PAGE_MARGIN) * s - labelWidth) });
  const textWidth = (page.width - PAGE_MARGIN) * s - labelWidth - 16 * s - x;
  const title = await words(pen, { text: input.title, size: 15, bold: true, width: textWidth, lines: 1 }, x, top);
  const facts = await words(pen, { text: [input.character?.name ?? '', input.date].filter(Boolean).join('  ·  '), size: 9, grey: '#595959', width: textWidth, lines: 1 }, x, top + Math.max(title.height, 15 * 1.25 * s));
  for (const drawn of [title, facts]) if (drawn.overlay) out.push(drawn.overlay);
  out.push(rect(PAGE_MARGIN * s, (PAGE_MARGIN + HEADER_HEIGHT - 6) * s, (page.width - 2 * PAGE_MARGIN) * s, 1, 179));
  return out;
}

async function caption(pen: Pen, panel: ProductionPanel, box: Box, layout: PdfBoardOptions['layout'], pageHeight: number): Promise<OverlayOptions[]> {
  const s = pen.scale;
  const left = box.x * s;
  let top = (pageHeight - box.y - box.height) * s;
  const bottom = (pageHeight - box.y) * s;
  const width = box.width * s;
  const parts: Array<{ spec: Words; gap?: number }> =
    layout === 'grid'
      ? [
          { spec: { text: `${panel.number}  ${technical(panel)}`, size: GRID_CAPTION_SIZE, bold: true, width, lines: 1 }, gap: 2 * s },
          { spec: { text: gridWords(panel), size: GRID_CAPTION_SIZE, width, lines: GRID_CAPTION_LINES - 1 } },
        ]
      : [
          { spec: { text: `Panel ${panel.number}`, size: SHOOTING_CAPTION_SIZE + 3, bold: true, width, lines: 1 } },
          { spec: { text: technical(panel), size: SHOOTING_CAPTION_SIZE, grey: '#595959', width, lines: 2 } },
          ...shootingBlocks(panel).flatMap(([label, text]) => (text ? [{ spec: { text: label, size: SHOOTING_CAPTION_SIZE - 2, bold: true, grey: '#666666', width, lines: 1 }, gap: 4 * s }, { spec: { text, size: SHOOTING_CAPTION_SIZE, width, lines: 6 } }] : [])),
        ];
  const out: OverlayOptions[] = [];
  for (const { spec, gap = 0 } of parts) {
    const room = Math.floor((bottom - top - gap) / (spec.size * 1.25 * s));
    if (room < 1) break;
    const drawn = await words(pen, { ...spec, lines: Math.min(spec.lines, room) }, left, top + gap);
    if (drawn.overlay) out.push(drawn.overlay);
    top += gap + Math.max(drawn.height, spec.size * 1.25 * s);
  }
  return out;
}

async function panelImage(pen: Pen, input: ProductionInput, panel: ProductionPanel, box: Box, pageHeight: number): Promise<OverlayOptions[]> {
  const s = pen.scale;
  const [left, top, width, height] = [box.x * s, (pageHeight - box.y - box.height) * s, Math.max(1, Math.round(box.width * s)), Math.max(1, Math.round(box.height * s))];
  const bytes = panel.imagePath ? await input.readImage(panel.imagePath).catch(() => null) : null;
  const png = bytes ? await decodeImage(bytes, { failOn: 'error' }).resize(width, height, { fit: 'cover' }).flatten({ background: '#ffffff' }).png().toBuffer().catch(() => null) : null;
  if (png) return [{ input: png, left: Math.round(left), top: Math.round(top) }];
  const label = await words(pen, { text: panel.imagePath ? 'Image missing' : 'No image yet', size: Math.min(12, box.height / 6), grey: '#737373', width: width - 4, lines: 1 }, left, top + height / 2 - 6 * s);
  const centred = label.overlay ? [{ ...label.overlay, left: Math.round(left + (width - label.width) / 2) }] : [];
  return [rect(left, top, width, height, 235), ...centred];
}

/**
 * Page `view.page` (0-based; past the last page, the last) as a PNG at most `view.maxWidth` pixels
 * wide, with the page it shows and the board's page count.
 */
export async function renderPdfPreview(
  input: ProductionInput,
  options: PdfBoardOptions,
  view: { maxWidth: number; page?: number },
  fonts: FontFiles = defaultFontFiles(),
): Promise<{ png: Buffer; page: number; pages: number; width: number; height: number }> {
  await registerFonts(fonts);
  const page = pageSizePt(options.page, options.orientation);
  const pen: Pen = { fonts, scale: view.maxWidth / page.width };
  const captions = options.captions ?? true;
  const cells = boardCells(input.panels, options, page);
  const pages = Math.max(1, Math.ceil(input.panels.length / options.perPage));
  const shown = previewPage(view.page ?? 0, pages);
  const onPage = input.panels.slice(shown * options.perPage, (shown + 1) * options.perPage);
  const drawn = await mapLimit(onPage, EXPORT_CONCURRENCY, async (panel, index) => {
    const cell = cells[index];
    if (!cell) return [];
    const image = await panelImage(pen, input, panel, cell.image, page.height);
    return captions ? [...image, ...(await caption(pen, panel, cell.caption, options.layout, page.height))] : image;
  });
  const size = { width: Math.round(page.width * pen.scale), height: Math.round(page.height * pen.scale) };
  const png = await sharp({ create: { ...size, channels: 3, background: '#ffffff' } })
    .composite([...(await header(pen, input, page, { page: shown + 1, pages })), ...drawn.flat()])
    .png()
    .toBuffer();
  return { png, page: shown, pages, ...size };
}
