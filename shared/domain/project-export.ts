/**
 * Export settings saved with the project, so the next export looks like the last: the contact
 * sheet's here, the production formats' in `formats` (production-export.ts).
 * Ranges are the ones the contact sheet can honour (sharp canvas limits, readable captions).
 */
import { z } from 'zod';
import { SavedFormatSettingsSchema } from './production-export';
import { CAPTION_FIELDS, PAGE_PRESETS } from './project-export-fields';
import { noRepeats } from './project-rules';

export * from './production-export';
export * from './project-export-fields';

export const CaptionFieldSchema = z.enum(CAPTION_FIELDS);
export const PagePresetSchema = z.enum(PAGE_PRESETS);

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
    /** The production formats' own options (production-export.ts); absent in older files. */
    formats: SavedFormatSettingsSchema.optional(),
  })
  .strict();
export type ExportSettings = z.infer<typeof ExportSettingsSchema>;
