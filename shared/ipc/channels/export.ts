/**
 * Export channels. Settings travel with the request (the renderer keeps them in the project's
 * exportSettings, so they are remembered per project); destinations come from main-side dialogs.
 */
import { z } from 'zod';
import { ExportSettingsSchema, FcpxmlExportSettingsSchema, GifExportSettingsSchema, Mp4ExportSettingsSchema, PdfExportSettingsSchema } from '../../domain/project-export';
import { channel } from '../define';

const selection = z.array(z.string().min(1)).max(5000);
/**
 * What an export wrote; null when the artist cancelled. `withoutImage`: panels without a take;
 * `missingImages`: panels whose image file could not be read (as for the contact sheet).
 */
const writtenFiles = z.object({ files: z.array(z.string()), withoutImage: z.array(z.number().int()), missingImages: z.array(z.number().int()) }).strict().nullable();
const productionFormat = z.enum(['pdf', 'mp4', 'gif', 'fcpxml', 'csv']);
/** Every production format's options, complete (the dialog's, which it also saves in the project). */
const productionSettings = z.object({ pdf: PdfExportSettingsSchema, mp4: Mp4ExportSettingsSchema, gif: GifExportSettingsSchema, fcpxml: FcpxmlExportSettingsSchema }).strict();
const size = z.object({ width: z.number().int().min(1), height: z.number().int().min(1) }).strict();
const cells = z.array(z.string().max(10_000)).max(20);
/** A page of an export preview, 0-based. */
const previewPageNumber = z.number().int().min(0).max(100_000);

export const exportChannels = {
  /**
   * A small PNG of one page (base64; `page` is 0-based, page 1 when absent, the last when past it),
   * for the live preview in the export dialog. The answer names the page it shows.
   */
  'export:preview': channel(
    z.object({ settings: ExportSettingsSchema, selectedPanelIds: selection, maxWidth: z.number().int().min(120).max(1600), page: previewPageNumber.optional() }).strict(),
    z.object({ pngBase64: z.string(), page: previewPageNumber, pages: z.number().int().min(1), width: z.number().int(), height: z.number().int() }).strict(),
  ),
  /**
   * Asks where to save, writes the sheet (pages -p1, -p2... with a page preset). Null when cancelled.
   * `withoutImage`: panels drawn without a take ("No image"); `missingImages`: panels whose image
   * file could not be read ("Image missing").
   */
  'export:contactSheet': channel(
    z.object({ settings: ExportSettingsSchema, selectedPanelIds: selection }).strict(),
    z.object({ files: z.array(z.string()), pages: z.number().int(), withoutImage: z.array(z.number().int()), missingImages: z.array(z.number().int()) }).strict().nullable(),
  ),
  /**
   * Shows the last export of this window: its folder (file selected) or the file itself. Takes
   * no path: main opens only what it wrote.
   */
  'export:reveal': channel(z.object({ target: z.enum(['folder', 'file']) }).strict(), z.null()),
  /** Asks for a folder, writes each active take as 001-scene-words.png (the shot list's names). Null when cancelled. */
  'export:panelImages': channel(
    z.object({ selectedPanelIds: selection, selectedOnly: z.boolean() }).strict(),
    writtenFiles,
  ),
  /**
   * Asks where to save, then writes a production export with the chosen format's options: PDF
   * board, MP4 animatic (+ SRT), animated GIF, FCPXML timeline (+ folder of stills) or shot list
   * CSV. Null when the artist closed the save dialog; a CANCELLED error after export:cancel.
   */
  'export:production': channel(
    z.object({ format: productionFormat, settings: productionSettings, selectedPanelIds: selection, selectedOnly: z.boolean() }).strict(),
    writtenFiles,
  ),
  /**
   * What a production export would write, without writing: one page of the PDF (`page`, as for
   * export:preview) or the first frame of the animatic as a small PNG, the first rows of the shot
   * list, and the counts a one-line summary needs. Never a path.
   */
  'export:productionPreview': channel(
    z.object({ format: productionFormat, settings: productionSettings, selectedPanelIds: selection, selectedOnly: z.boolean(), maxWidth: z.number().int().min(120).max(1600), page: previewPageNumber.optional() }).strict(),
    z
      .object({
        image: z.object({ pngBase64: z.string(), width: z.number().int(), height: z.number().int() }).strict().nullable(),
        table: z.object({ columns: cells, rows: z.array(cells).max(20) }).strict().nullable(),
        panels: z.number().int().min(0),
        pages: z.number().int().min(1).nullable(),
        page: previewPageNumber.nullable(),
        seconds: z.number().min(0).nullable(),
        frame: size.nullable(),
        files: z.number().int().min(0),
      })
      .strict(),
  ),
  /**
   * Stops the exports running in this window (contact sheet, panel images, production formats):
   * each ends with a CANCELLED error and leaves no file. `cancelled` is false when none was running.
   */
  'export:cancel': channel(z.object({}).strict(), z.object({ cancelled: z.boolean() }).strict()),
};

export const exportEvents = {
  'export:progress': z.object({ done: z.number().int(), total: z.number().int(), page: z.number().int(), pages: z.number().int() }).strict(),
};
