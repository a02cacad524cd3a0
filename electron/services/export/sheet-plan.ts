/**
 * Everything decided before a pixel is drawn: validated options, the panels to draw, measured
 * text metrics, the layout and the output file names. Shared by the export, the preview and
 * `planContactSheet` (which lets the UI show the page count and ask before replacing files).
 */
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import type { CellContext, CellImageContext } from './cell';
import { readStandaloneImage } from './image-source';
import { defaultFontFiles, registerFonts, type FontFiles } from './font';
import type { HeaderFacts } from './header';
import { panelsToExport, type ContactSheetInput, type ContactSheetPanel } from './input';
import { baseGeometry, computeLayout, type BaseGeometry, type FontSizes, type SheetLayout } from './layout';
import type { CaptionField, ContactSheetOptions, ContactSheetOptionsInput } from './options';
import { resolveContactSheetOptions } from './options-check';
import { findExisting } from './output-files';
import { cleanText, createTextCache, measureFont, type TextMetrics } from './text';
import { themeFor } from './theme';

export interface PreparedSheet {
  options: ContactSheetOptions;
  panels: ContactSheetPanel[];
  facts: HeaderFacts;
  ctx: CellContext;
}

/** What is known before any text is measured: enough to decode the cells' images. */
export interface SheetBasics {
  options: ContactSheetOptions;
  panels: ContactSheetPanel[];
  facts: HeaderFacts;
  base: BaseGeometry;
  image: CellImageContext;
}

async function measureLines(sizes: FontSizes, fonts: FontFiles): Promise<TextMetrics> {
  const [caption, number, title, meta] = await Promise.all([
    measureFont(sizes.caption, fonts),
    measureFont(sizes.number, fonts, true),
    measureFont(sizes.title, fonts, true),
    measureFont(sizes.meta, fonts),
  ]);
  return { caption, number, title, meta };
}

/** Validates the options and picks the panels (EXPORT_INVALID_OPTIONS, EXPORT_EMPTY); draws nothing. */
export async function sheetBasics(input: ContactSheetInput, rawOptions: unknown): Promise<SheetBasics> {
  const options = await resolveContactSheetOptions(rawOptions);
  const panels = panelsToExport(input.panels, options.selectedOnly);
  const facts: HeaderFacts = { exported: panels.length, total: input.panels.length, selectedOnly: options.selectedOnly };
  const base = baseGeometry(options);
  const image: CellImageContext = {
    width: base.cellWidth,
    height: base.imageHeight,
    fit: options.fit,
    background: themeFor(options.background).background,
    readImage: input.readImage ?? readStandaloneImage,
  };
  return { options, panels, facts, base, image };
}

/**
 * The chosen caption fields that have text on at least one of `panels`. A field empty on every
 * panel would only reserve a blank line in every cell, so it takes no room; a field some panels
 * have keeps its lines in every cell, so the cells stay aligned. "Empty" is what a cell draws as
 * nothing (cleanText), so spaces alone count as empty.
 */
export function captionsWithText(fields: readonly CaptionField[], panels: readonly ContactSheetPanel[]): CaptionField[] {
  return fields.filter((field) => panels.some((panel) => cleanText(panel.captions[field] ?? '') !== ''));
}

/** The panels a preview draws: `count` of them from `first` on. */
export interface PanelWindow {
  first: number;
  count: number;
}

/**
 * Measures the text and lays the sheet out. `panelWindow` (the preview) keeps only the panels of
 * the page it shows while keeping the real page count for the header.
 */
export async function measureSheet(basics: SheetBasics, fonts: FontFiles, panelWindow?: (layout: SheetLayout) => PanelWindow): Promise<PreparedSheet> {
  const { options, base, facts } = basics;
  let { panels } = basics;
  // Measuring draws plain text only (no <b> markup), so it may run while the faces register.
  const [lines] = await Promise.all([measureLines(base.fonts, fonts), registerFonts(fonts)]);
  // Decided over every exported panel (before a preview keeps one page), so the preview's cells are the export's.
  const drawn = { ...options, captions: captionsWithText(options.captions, panels) };
  let layout = computeLayout(drawn, panels.length, base, lines);
  if (panelWindow) {
    const { first, count } = panelWindow(layout);
    panels = panels.slice(first, first + count);
    layout = { ...computeLayout(drawn, panels.length, base, lines), pages: layout.pages };
  }
  const theme = themeFor(options.background);
  return { options, panels, facts, ctx: { layout, options, theme, fonts, lines, readImage: basics.image.readImage, text: createTextCache(fonts) } };
}

/** Validates and lays out a sheet (sheetBasics, then measureSheet). */
export async function prepareSheet(input: ContactSheetInput, rawOptions: unknown, fonts: FontFiles, panelWindow?: (layout: SheetLayout) => PanelWindow): Promise<PreparedSheet> {
  return measureSheet(await sheetBasics(input, rawOptions), fonts, panelWindow);
}

/** `outPath` with a .png extension; another extension is refused rather than silently changed. */
export function normaliseOutPath(outPath: string): string {
  const resolved = path.resolve(outPath);
  const ext = path.extname(resolved);
  if (ext === '') return `${resolved}.png`;
  if (ext.toLowerCase() !== '.png') {
    throw new CastboardError('EXPORT_INVALID_OPTIONS', `Contact sheets are saved as PNG, but "${path.basename(resolved)}" ends in ${ext}. Use a file name ending in .png.`);
  }
  return resolved;
}

/** The files an export writes: `outPath` itself, or `<name>-p1.png`... with a page preset. */
export function contactSheetFiles(outPath: string, pages: number, paged: boolean): string[] {
  const file = normaliseOutPath(outPath);
  if (!paged) return [file];
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  return Array.from({ length: pages }, (_, index) => `${stem}-p${index + 1}${ext}`);
}

export interface ContactSheetPlan {
  /** The files an export to `outPath` would write, and those of them that already exist. */
  files: string[];
  existing: string[];
  pages: number;
  width: number;
  height: number;
  layout: SheetLayout;
}

/**
 * What an export would produce, without drawing anything. Throws the same option and input
 * errors as the export.
 */
export async function planContactSheet(
  input: ContactSheetInput,
  options: ContactSheetOptionsInput | ContactSheetOptions,
  outPath: string,
  run: { fonts?: FontFiles } = {},
): Promise<ContactSheetPlan> {
  const { ctx, options: parsed } = await prepareSheet(input, options, run.fonts ?? defaultFontFiles());
  const files = contactSheetFiles(outPath, ctx.layout.pages, parsed.page !== 'none');
  return { files, existing: await findExisting(files), pages: ctx.layout.pages, width: ctx.layout.pageWidth, height: ctx.layout.pageHeight, layout: ctx.layout };
}
