/**
 * Saved options of the production export formats (PDF board, MP4 animatic, animated GIF, FCPXML
 * timeline), kept in the project's `exportSettings.formats` so the next export, from the app or
 * the CLI, starts from the last one. The shot list and the panel PNGs have no options of their
 * own (they follow "selected panels only").
 * Invariants:
 *  - every format's entry is optional and has no zod default: a project saved before these
 *    existed opens unchanged (no schema bump) and round-trips byte for byte until the artist
 *    changes an option; `productionSettings` (production-settings.ts) fills in what is missing;
 *  - when the PDF has no saved entry its page, orientation and dpi follow the contact sheet's,
 *    as the PDF did before it had options of its own;
 *  - ranges are the ones the services honour (H.264 needs even sizes, a shooting board holds 1-3).
 */
import { z } from 'zod';
import { CROSSFADE_SECONDS, GIF_WIDTH, ORIENTATIONS, PDF_LAYOUTS, PDF_PAGES, PDF_PER_PAGE, VIDEO_SIZES } from './production-export-fields';
import { pdfPerPageFits } from './project-rules';

export * from './production-export-fields';

const FrameRateSchema = z.union([z.literal(24), z.literal(25), z.literal(30)]);

export const PdfExportSettingsSchema = z
  .object({
    page: z.enum(PDF_PAGES),
    orientation: z.enum(ORIENTATIONS),
    dpi: z.union([z.literal(150), z.literal(300)]),
    layout: z.enum(PDF_LAYOUTS),
    perPage: z.number().int().min(PDF_PER_PAGE.grid.min).max(PDF_PER_PAGE.grid.max),
    /** Captions under (grid) or beside (shooting board) each panel. */
    captions: z.boolean(),
  })
  .strict()
  .refine(pdfPerPageFits, { message: `a shooting board holds 1 to ${PDF_PER_PAGE.shooting.max} panels a page`, path: ['perPage'] });
export type PdfExportSettings = z.infer<typeof PdfExportSettingsSchema>;

export const Mp4ExportSettingsSchema = z
  .object({
    size: z.enum(VIDEO_SIZES),
    fps: FrameRateSchema,
    /** The burned-in strip with panel number, shot and dialogue. */
    captions: z.boolean(),
    /** A SubRip file of the dialogue beside the video. */
    srt: z.boolean(),
    crossfade: z.boolean(),
    /** Kept when the cross-fade is off, so turning it back on restores the length. */
    crossfadeSeconds: z.number().min(CROSSFADE_SECONDS.min).max(CROSSFADE_SECONDS.max),
  })
  .strict();
export type Mp4ExportSettings = z.infer<typeof Mp4ExportSettingsSchema>;

export const GifExportSettingsSchema = z.object({ width: z.number().int().min(GIF_WIDTH.min).max(GIF_WIDTH.max) }).strict();
export type GifExportSettings = z.infer<typeof GifExportSettingsSchema>;

export const FcpxmlExportSettingsSchema = z.object({ fps: FrameRateSchema }).strict();
export type FcpxmlExportSettings = z.infer<typeof FcpxmlExportSettingsSchema>;

/** What a project may have saved: any format's entry may be missing. */
export const SavedFormatSettingsSchema = z
  .object({
    pdf: PdfExportSettingsSchema.optional(),
    mp4: Mp4ExportSettingsSchema.optional(),
    gif: GifExportSettingsSchema.optional(),
    fcpxml: FcpxmlExportSettingsSchema.optional(),
  })
  .strict();
export type SavedFormatSettings = z.infer<typeof SavedFormatSettingsSchema>;

/** Every format's options, complete. */
export interface ProductionSettings {
  pdf: PdfExportSettings;
  mp4: Mp4ExportSettings;
  gif: GifExportSettings;
  fcpxml: FcpxmlExportSettings;
}
export type OptionFormat = keyof ProductionSettings;
