/**
 * The contact sheet export: a grid of the active takes, with header and captions, as PNG pages.
 * Invariants:
 *  - options and input are checked, and every output name is checked for conflicts, before any
 *    image is decoded; a failure or cancel leaves no file behind (see output-files.ts) and no
 *    decoding running;
 *  - without a page preset the sheet is `outPath` itself; with one, page N is `<name>-pN.png`
 *    (always, even for a single page, so names do not depend on the panel count);
 *  - panels are resized to cell size a few at a time and pages are built one after the other, at
 *    most one band of raw pixels at once (see sheet-page.ts, compose.ts): memory does not grow
 *    with the number of panels.
 */
import path from 'node:path';
import sharp from '../image-safety/sharp-gate';
import { CastboardError } from '../../../shared/errors';
import { renderScaled, writePage, type Piece } from './compose';
import { defaultFontFiles, type FontFiles } from './font';
import { prepareHeader } from './header';
import { decodeCellImage } from './cell';
import { imageReport, type ImageReport } from './image-problems';
import type { ContactSheetInput, ContactSheetPanel, ImageProblem } from './input';
import type { SheetLayout } from './layout';
import { EXPORT_CONCURRENCY, throwIfAborted } from './map-limit';
import type { ContactSheetOptions, ContactSheetOptionsInput } from './options';
import { StagedFiles, assertNoConflicts, assertWritableFolder, writeFailure } from './output-files';
import { sheetPage, type HeaderPieces, type PageRun } from './sheet-page';
import { previewPage } from '../../../shared/domain/preview-page';
import { contactSheetFiles, measureSheet, prepareSheet, sheetBasics, type PanelWindow, type PreparedSheet, type SheetBasics } from './sheet-plan';

export { contactSheetFiles, normaliseOutPath, planContactSheet, type ContactSheetPlan } from './sheet-plan';

export interface ExportProgress {
  /** Panels drawn so far, over all pages. */
  done: number;
  total: number;
  /** The page being built (1-based) and the page count. */
  page: number;
  pages: number;
}

export interface ContactSheetRunOptions {
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
  /** Replace existing files of the same names. Without it, existing files stop the export. */
  overwrite?: boolean;
  /** Font files to draw with (the packaged app passes its unpacked copy). */
  fonts?: FontFiles;
  /** Raw page bytes held at once before a page is built in bands (tests and bench lower it). */
  bandBudgetBytes?: number;
  /** Panels decoded at once. */
  concurrency?: number;
}

/** `missingImages`: panels whose image file could not be read (drawn as "Image missing"). */
export interface ContactSheetResult extends ImageReport {
  /** Absolute paths written, in page order. */
  files: string[];
  pages: number;
  /** Size of every page in pixels. */
  width: number;
  height: number;
  /** Panel numbers drawn without a take (their cell says "No image"). */
  withoutImage: number[];
}

/**
 * Checks that every file can be written (folder writable, names free or `overwrite`), then
 * reserves a temp file for each in `staged`. Done before any image decodes: these file-system
 * calls would otherwise wait for a free thread behind the decodes that fill sharp's pool.
 */
async function reserveFiles(files: readonly string[], outPath: string, overwrite: boolean, staged: StagedFiles): Promise<string[]> {
  await assertWritableFolder(path.dirname(files[0] ?? outPath));
  await assertNoConflicts(files, overwrite);
  const temps: string[] = [];
  for (const file of files) temps.push(await staged.stage(file));
  return temps;
}

/** Starts decoding the images of the first `count` panels; each promise is taken by its cell. */
function startDecoding(basics: SheetBasics, count: number): Map<ContactSheetPanel, Promise<Piece>> {
  const decoding = new Map<ContactSheetPanel, Promise<Piece>>();
  for (const panel of basics.panels.slice(0, count)) {
    if (panel.imagePath === null) continue;
    const image = decodeCellImage(panel.imagePath, basics.image);
    image.catch(() => undefined); // the cell awaits it and draws "Image missing" on failure
    decoding.set(panel, image);
  }
  return decoding;
}

/** Draws page N into temps[N]; returns the panels whose image could not be used. */
async function writePages(sheet: PreparedSheet, files: readonly string[], temps: readonly string[], header: HeaderPieces, run: ContactSheetRunOptions & Pick<PageRun, 'decoding'>): Promise<ImageProblem[]> {
  const { layout } = sheet.ctx;
  const problems: ImageProblem[] = [];
  let done = 0;
  for (let page = 0; page < layout.pages; page += 1) {
    throwIfAborted(run.signal);
    const target = files[page] ?? '';
    const pagePanels = sheet.panels.slice(page * layout.panelsPerPage, (page + 1) * layout.panelsPerPage);
    const onCell = (panel: { number: number }, problem: string | null) => {
      if (problem !== null) problems.push({ panel: panel.number, message: problem });
      done += 1;
      run.onProgress?.({ done, total: sheet.panels.length, page: page + 1, pages: layout.pages });
    };
    const spec = sheetPage(sheet, page, pagePanels, header, { ...run, onCell });
    await writePage(spec, temps[page] ?? '').catch((error: unknown) => {
      throw error instanceof CastboardError ? error : writeFailure(error, target);
    });
  }
  return problems;
}

/**
 * Exports the contact sheet. Throws CastboardError: EXPORT_INVALID_OPTIONS, EXPORT_EMPTY,
 * EXPORT_WRITE_FAILED (bad folder, name taken without `overwrite`, disk error) or CANCELLED.
 */
export async function exportContactSheet(
  input: ContactSheetInput,
  options: ContactSheetOptionsInput | ContactSheetOptions,
  outPath: string,
  run: ContactSheetRunOptions = {},
): Promise<ContactSheetResult> {
  throwIfAborted(run.signal);
  const basics = await sheetBasics(input, options);
  const paged = basics.options.page !== 'none';
  const overwrite = run.overwrite ?? false;
  const staged = new StagedFiles();
  let decoding = new Map<ContactSheetPanel, Promise<Piece>>();
  try {
    // Without pages the sheet is one file whatever the text measures: its name is checked first,
    // then the first images decode while the text is measured (with pages, the page count and so
    // the names are known only after measuring, and nothing is decoded before they are checked).
    const early = paged ? null : await reserveFiles(contactSheetFiles(outPath, 1, false), outPath, overwrite, staged);
    if (!paged) decoding = startDecoding(basics, run.concurrency ?? EXPORT_CONCURRENCY);
    const sheet = await measureSheet(basics, run.fonts ?? defaultFontFiles());
    const { layout } = sheet.ctx;
    const files = contactSheetFiles(outPath, layout.pages, paged);
    const temps = early ?? (await reserveFiles(files, outPath, overwrite, staged));
    // The header (thumbnail decode, title) is prepared while the first panels are being resized.
    const headerReady = prepareHeader(input, sheet.facts, sheet.ctx);
    headerReady.catch(() => undefined); // awaited below; this only keeps an early failure handled
    const header = async (page: number, pages: number) => (await headerReady)(page, pages);
    const problems = await writePages(sheet, files, temps, header, { ...run, decoding });
    throwIfAborted(run.signal);
    const written = await staged.commit({ overwrite });
    const withoutImage = basics.panels.filter((panel) => panel.imagePath === null).map((panel) => panel.number);
    return { files: written, pages: layout.pages, width: layout.pageWidth, height: layout.pageHeight, withoutImage, ...imageReport(problems) };
  } finally {
    // Images started but never drawn (a failure or cancel on the way) finish before this returns.
    await Promise.allSettled(decoding.values());
    await staged.discard();
  }
}

/**
 * The panels the preview of `page` draws: that page's with a page preset; without one (a single
 * long image) the top of the sheet, the rows that fit a portrait page of the sheet's width.
 */
function previewWindow(layout: SheetLayout, page: number): PanelWindow {
  if (layout.presetHeight !== null) return { first: previewPage(page, layout.pages) * layout.panelsPerPage, count: layout.panelsPerPage };
  const portraitHeight = Math.round(layout.pageWidth * Math.SQRT2);
  const rows = Math.floor((portraitHeight - layout.gridTop - layout.margin + layout.gutter) / (layout.blockHeight + layout.gutter));
  return { first: 0, count: Math.max(1, rows) * layout.columns };
}

/**
 * A small PNG of one page (`view.page`, 0-based, page 1 by default; past the last page, the last)
 * for a live preview, at most `view.maxWidth` pixels wide. Drawn exactly like the export, then
 * scaled down (band by band, so memory stays bounded for huge cells). Without a page preset it
 * shows the top of the sheet, so it stays quick for long projects.
 */
export async function renderPreview(
  input: ContactSheetInput,
  options: ContactSheetOptionsInput | ContactSheetOptions,
  view: { maxWidth: number; page?: number },
  run: Pick<ContactSheetRunOptions, 'fonts' | 'signal' | 'concurrency' | 'bandBudgetBytes'> = {},
): Promise<Buffer> {
  const { maxWidth, page = 0 } = view;
  if (!Number.isInteger(maxWidth) || maxWidth < 16 || maxWidth > 8192) {
    throw new CastboardError('EXPORT_INVALID_OPTIONS', 'The preview width must be a whole number of pixels from 16 to 8192.');
  }
  throwIfAborted(run.signal);
  const sheet = await prepareSheet(input, options, run.fonts ?? defaultFontFiles(), (layout) => previewWindow(layout, page));
  const header = await prepareHeader(input, sheet.facts, sheet.ctx);
  const spec = sheetPage(sheet, previewPage(page, sheet.ctx.layout.pages), sheet.panels, header, { ...run, onCell: () => undefined });
  const scaled = await renderScaled(spec, maxWidth);
  throwIfAborted(run.signal);
  return sharp(scaled.data, { raw: { width: scaled.width, height: scaled.height, channels: 3 } }).png().toBuffer();
}
