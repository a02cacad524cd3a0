/**
 * Contact-sheet export settings saved with the project, so the next export looks like the last.
 * Ranges are the ones the contact sheet can honour (sharp canvas limits, readable captions).
 */
import { z } from 'zod';
import { noRepeats } from './project-rules';

/** Caption fields, in print order. One list: a new field is added here and in each label map.
 * `consistency` prints the consistency check's outcome for the panel's active take. */
export const CAPTION_FIELDS = ['scene', 'dialogue', 'action', 'notes', 'shot', 'angle', 'movement', 'duration', 'consistency'] as const;
export const CaptionFieldSchema = z.enum(CAPTION_FIELDS);
export type CaptionField = z.infer<typeof CaptionFieldSchema>;

export const PAGE_PRESETS = ['none', 'a4', 'letter'] as const;
export const PagePresetSchema = z.enum(PAGE_PRESETS);
export type PagePreset = z.infer<typeof PagePresetSchema>;

export const ExportSettingsSchema = z
  .object({
    columns: z.number().int().min(1).max(12),
    cellWidth: z.number().int().min(64).max(2048),
    margin: z.number().int().min(0).max(400),
    gutter: z.number().int().min(0).max(200),
    background: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #ffffff'),
    captions: z
      .array(CaptionFieldSchema)
      .max(CAPTION_FIELDS.length)
      .refine(noRepeats, 'each caption field at most once'),
    page: PagePresetSchema,
    orientation: z.enum(['portrait', 'landscape']),
    dpi: z.union([z.literal(150), z.literal(300)]),
    selectedOnly: z.boolean(),
  })
  .strict();
export type ExportSettings = z.infer<typeof ExportSettingsSchema>;

/**
 * Above this many panels one long image stops being practical (500 panels made a 1704x42560
 * PNG): the export dialog uses pages unless the artist chooses one long image.
 */
export const LARGE_BOARD_PANELS = 24;

/** A fresh copy each call, so callers may edit it. */
export function defaultExportSettings(): ExportSettings {
  return {
    columns: 4,
    cellWidth: 384,
    margin: 48,
    gutter: 24,
    background: '#ffffff',
    captions: ['scene', 'dialogue', 'shot'],
    page: 'none',
    orientation: 'landscape',
    dpi: 150,
    selectedOnly: false,
  };
}
