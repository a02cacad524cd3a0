/**
 * The PDF board for the director and crew (pdf-lib): pages of A4 or Letter, portrait or
 * landscape, with N panels per page in a grid or 1-3 per page as a "shooting board" with large
 * captions; a header with title, character thumbnail, date and page numbers on every page.
 * Invariants:
 *  - captions are real text in the embedded DejaVu faces (selectable, any script DejaVu covers);
 *  - each distinct image is resampled once (to the chosen dpi at its printed size) and embedded
 *    once: a take used by two panels is stored once;
 *  - panels without an image, or whose file cannot be read, get a labelled placeholder;
 *  - the file is written all-or-nothing (output-files.ts); cancel leaves nothing behind.
 */
import fontkit from '@pdf-lib/fontkit';
import path from 'node:path';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { CastboardError } from '../../../shared/errors';
import { decodeImage } from '../image-safety/decode-gate';
import { defaultFontFiles, readFontBytes, type FontFiles } from './font';
import { ImageProblemLog, type ImageReport } from './image-problems';
import { EXPORT_CONCURRENCY, mapLimit, throwIfAborted } from './map-limit';
import { assertExtension, assertNoConflicts, assertWritableFolder, writeOutputFile } from './output-files';
import { boardCells, drawPdfCaption, drawPdfHeader, type PdfFonts } from './pdf-captions';
import { pageSizePt, pixelsFor, type Box, type PdfOrientation, type PdfPagePreset } from './pdf-layout';
import type { ProductionInput, ProductionPanel } from './production-input';

export interface PdfBoardOptions {
  page: PdfPagePreset;
  orientation: PdfOrientation;
  dpi: 150 | 300;
  layout: 'grid' | 'shooting';
  perPage: number;
  /** Width / height of the panel images (the project's aspect ratio). */
  aspect: number;
  /** Print each panel's caption (default true). */
  captions?: boolean;
  fonts?: FontFiles;
}

/** `missingImages`: panels whose image file could not be read (drawn as "Image missing"). */
export interface PdfBoardResult extends ImageReport {
  file: string;
  pages: number;
  /** Distinct images embedded. */
  images: number;
  withoutImage: number[];
}

export interface PdfRunOptions {
  overwrite?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

/** JPEG bytes of each distinct image at the printed pixel size; null (and noted in `problems`) when it cannot be read. */
async function prepareImages(input: ProductionInput, size: { width: number; height: number }, run: PdfRunOptions, problems: ImageProblemLog): Promise<Map<string, Buffer | null>> {
  const paths = [...new Set(input.panels.flatMap((panel) => (panel.imagePath ? [panel.imagePath] : [])))];
  let done = 0;
  const prepared = await mapLimit(paths, EXPORT_CONCURRENCY, async (imagePath) => {
    const bytes = await input.readImage(imagePath).then((raw) => decodeImage(raw, { failOn: 'error' }).resize(size.width, size.height, { fit: 'cover' }).flatten({ background: '#ffffff' }).jpeg({ quality: 88 }).toBuffer()).catch((error: unknown) => {
      problems.record(imagePath, error);
      return null;
    });
    done += 1;
    run.onProgress?.({ done, total: paths.length });
    return bytes;
  }, run.signal);
  return new Map(paths.map((imagePath, index) => [imagePath, prepared[index] ?? null]));
}

function drawPlaceholder(page: PDFPage, box: Box, label: string, font: PDFFont): void {
  page.drawRectangle({ ...box, color: rgb(0.92, 0.92, 0.92), borderColor: rgb(0.75, 0.75, 0.75), borderWidth: 0.5 });
  const size = Math.min(12, box.height / 6);
  const width = font.widthOfTextAtSize(label, size);
  page.drawText(label, { x: box.x + (box.width - width) / 2, y: box.y + box.height / 2 - size / 3, size, font, color: rgb(0.45, 0.45, 0.45) });
}

async function embedFonts(doc: PDFDocument, files: FontFiles): Promise<PdfFonts> {
  doc.registerFontkit(fontkit);
  const bytes = await readFontBytes(files);
  return { regular: await doc.embedFont(bytes.regular, { subset: true }), bold: await doc.embedFont(bytes.bold, { subset: true }) };
}

async function thumbnail(doc: PDFDocument, input: ProductionInput): Promise<PDFImage | null> {
  const ref = input.character?.thumbnailPath;
  if (!ref) return null;
  const bytes = await input.readImage(ref).then((raw) => decodeImage(raw, { failOn: 'error' }).resize(192, 192, { fit: 'inside' }).flatten({ background: '#ffffff' }).jpeg({ quality: 85 }).toBuffer()).catch(() => null);
  return bytes ? doc.embedJpg(bytes) : null;
}

/** Writes the board to `outPath` (a .pdf file). */
export async function exportPdfBoard(input: ProductionInput, options: PdfBoardOptions, outPath: string, run: PdfRunOptions = {}): Promise<PdfBoardResult> {
  const target = path.resolve(outPath);
  assertExtension(target, '.pdf', 'The PDF board');
  if (input.panels.length === 0) throw new CastboardError('EXPORT_EMPTY', 'There are no panels to put on the board. Add panels first.');
  await assertWritableFolder(path.dirname(target));
  await assertNoConflicts([target], run.overwrite ?? false);
  const pageSize = pageSizePt(options.page, options.orientation);
  const captions = options.captions ?? true;
  const cells = boardCells(input.panels, options, pageSize);
  const problems = new ImageProblemLog();
  const images = await prepareImages(input, pixelsFor(cells[0]?.image ?? { x: 0, y: 0, width: 1, height: 1 }, options.dpi), run, problems);

  const doc = await PDFDocument.create();
  doc.setTitle(input.title);
  doc.setCreator('Castboard');
  const fonts = await embedFonts(doc, options.fonts ?? defaultFontFiles());
  const header = { title: input.title, date: input.date, character: input.character?.name ?? '', thumbnail: await thumbnail(doc, input) };
  const embedded = new Map<string, PDFImage>();
  const pageCount = Math.ceil(input.panels.length / options.perPage);
  for (let pageIndex = 0; pageIndex < pageCount; pageIndex += 1) {
    throwIfAborted(run.signal);
    const page = doc.addPage([pageSize.width, pageSize.height]);
    drawPdfHeader(page, fonts, header, { page: pageIndex + 1, pages: pageCount });
    const onPage = input.panels.slice(pageIndex * options.perPage, (pageIndex + 1) * options.perPage);
    for (const [index, panel] of onPage.entries()) {
      const cell = cells[index];
      if (!cell) continue;
      await drawPanelImage(doc, page, cell.image, panel, images, embedded, fonts.regular);
      if (captions) drawPdfCaption(page, fonts, cell.caption, panel, options.layout);
    }
  }
  throwIfAborted(run.signal);
  const bytes = await doc.save();
  throwIfAborted(run.signal); // a cancel while the file was being assembled still writes nothing
  const file = await writeOutputFile(target, bytes, run.overwrite ?? false);
  return {
    file,
    pages: pageCount,
    images: embedded.size,
    withoutImage: input.panels.filter((panel) => panel.imagePath === null).map((panel) => panel.number),
    ...problems.report(input.panels),
  };
}

async function drawPanelImage(doc: PDFDocument, page: PDFPage, box: Box, panel: ProductionPanel, images: Map<string, Buffer | null>, embedded: Map<string, PDFImage>, font: PDFFont): Promise<void> {
  const bytes = panel.imagePath ? images.get(panel.imagePath) : null;
  if (!panel.imagePath || !bytes) {
    drawPlaceholder(page, box, panel.imagePath ? 'Image missing' : 'No image yet', font);
    return;
  }
  let image = embedded.get(panel.imagePath);
  if (!image) {
    image = await doc.embedJpg(bytes);
    embedded.set(panel.imagePath, image);
  }
  page.drawImage(image, box);
}
