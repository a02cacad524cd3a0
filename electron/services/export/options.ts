/**
 * Contact sheet options: one zod schema so the CLI, IPC and the service parse them the same way.
 * Invariants:
 *  - a parsed value is complete (every field has its default) and within the ranges below;
 *  - unknown keys and unknown caption fields are refused, never ignored (a typo must not silently
 *    drop a caption);
 *  - a bad value becomes CastboardError('EXPORT_INVALID_OPTIONS') whose message names the option.
 * Imports only zod and shared/, so it can move to shared/ if the renderer needs to validate too.
 */
import { z } from 'zod';
import { CAPTION_FIELDS, PAGE_PRESETS } from '../../../shared/domain/project-export';
import { noRepeats } from '../../../shared/domain/project-rules';
import { CastboardError } from '../../../shared/errors';
import { MAX_ASPECT, MIN_ASPECT, isAspectRatio } from '../../../shared/domain/aspect-ratios';

// The field and page lists are the project's (shared/domain/project-export.ts): one source of truth.
export { CAPTION_FIELDS, PAGE_PRESETS, type PagePreset } from '../../../shared/domain/project-export';
export const CaptionFieldSchema = z.enum(CAPTION_FIELDS, {
  error: `Unknown caption field. Use any of: ${CAPTION_FIELDS.join(', ')}.`,
});
export type CaptionField = z.infer<typeof CaptionFieldSchema>;

export { parseAspectRatio } from '../../../shared/domain/aspect-ratios';

const intIn = (label: string, min: number, max: number) =>
  z.int({ error: `${label} must be a whole number from ${min} to ${max}.` }).min(min, { error: `${label} must be at least ${min}.` }).max(max, { error: `${label} must be at most ${max}.` });

export const ContactSheetOptionsSchema = z
  .object({
    columns: intIn('Columns', 1, 12).default(4),
    /** Pixel width of each panel. Ignored with a page preset: the page width decides it. */
    cellWidth: intIn('Cell width', 64, 2048).default(384),
    margin: intIn('Margin', 0, 400).default(48),
    gutter: intIn('Gutter', 0, 200).default(24),
    background: z
      .string({ error: 'Background must be a colour like #ffffff.' })
      .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { error: 'Background must be a colour like #ffffff.' })
      .default('#ffffff'),
    captions: z
      .array(CaptionFieldSchema, { error: 'Captions must be a list of caption fields.' })
      .refine(noRepeats, { error: 'Each caption field can be chosen once.' })
      .default(['dialogue']),
    /**
     * Lines kept per caption field (shot and duration always get one); longer text ends with an
     * ellipsis so the grid stays regular.
     */
    captionLines: intIn('Caption lines', 1, 6).default(2),
    panelNumbers: z.boolean({ error: 'Panel numbers must be on or off (true/false).' }).default(true),
    header: z.boolean({ error: 'Header must be on or off (true/false).' }).default(true),
    page: z.enum(PAGE_PRESETS, { error: 'Page must be none, a4 or letter.' }).default('none'),
    orientation: z.enum(['portrait', 'landscape'], { error: 'Orientation must be portrait or landscape.' }).default('portrait'),
    dpi: z.literal([150, 300], { error: 'Resolution must be 150 or 300 dpi.' }).default(150),
    selectedOnly: z.boolean({ error: 'Selected panels only must be true or false.' }).default(false),
    /** The project's aspect ratio; each cell's image area has this shape. */
    aspectRatio: z
      .string({ error: 'Aspect ratio must look like 16:9.' })
      .refine(isAspectRatio, {
        error: `Aspect ratio must look like 16:9 or 2.39:1, between ${MIN_ASPECT}:1 and ${MAX_ASPECT}:1.`,
      })
      .default('16:9'),
    /** cover crops an image of another shape to fill its cell; contain letterboxes it. */
    fit: z.enum(['cover', 'contain'], { error: 'Fit must be cover or contain.' }).default('cover'),
  }, { error: 'Export options must be an object of settings.' })
  .strict();

/** A complete, validated set of options. */
export type ContactSheetOptions = z.output<typeof ContactSheetOptionsSchema>;
/** What callers may pass: every field optional, defaults filled in by parsing. */
export type ContactSheetOptionsInput = z.input<typeof ContactSheetOptionsSchema>;

export const DEFAULT_CONTACT_SHEET_OPTIONS: ContactSheetOptions = ContactSheetOptionsSchema.parse({});

/** Validates options; throws EXPORT_INVALID_OPTIONS naming the first bad option. */
export function parseContactSheetOptions(raw: unknown): ContactSheetOptions {
  const result = ContactSheetOptionsSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` (option "${issue.path.join('.')}")` : '';
  const message =
    issue?.code === 'unrecognized_keys'
      ? `Unknown export option: ${issue.keys.join(', ')}.`
      : `${(issue?.message ?? 'Invalid export options.').replace(/\.$/, '')}${where}.`;
  throw new CastboardError('EXPORT_INVALID_OPTIONS', `${message} Fix the export settings and try again.`);
}
