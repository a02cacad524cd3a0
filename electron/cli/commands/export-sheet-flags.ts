/**
 * The contact sheet options given as `castboard export` flags, each checked on its own with the
 * export service's schema so a message names the flag. Loaded only when such a flag is given:
 * it brings zod, which a plain export does not need.
 */
import { CAPTION_FIELDS, CaptionFieldSchema, ContactSheetOptionsSchema, type ContactSheetOptionsInput } from '../../services/export/options';
import { UsageError } from '../cli-io';

/** The flags that change the sheet, as parseArgs gives them. */
export interface SheetFlagValues {
  columns?: string;
  'cell-width'?: string;
  captions?: string;
  page?: string;
  orientation?: string;
  dpi?: string;
}

/** Checks one option with the service's own schema, naming the flag in the message. */
function checked<K extends keyof typeof ContactSheetOptionsSchema.shape>(key: K, flag: string, raw: string, value: unknown): ContactSheetOptionsInput[K] {
  const result = ContactSheetOptionsSchema.shape[key].safeParse(value);
  if (!result.success) throw new UsageError(`${flag} "${raw}": ${result.error.issues[0]?.message ?? 'not a valid value.'}`);
  return result.data as ContactSheetOptionsInput[K];
}

const asNumber = (raw: string): number => (/^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN);

function parseCaptions(raw: string): ContactSheetOptionsInput['captions'] {
  const names = raw.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (names.length === 1 && names[0] === 'none') return [];
  for (const name of names) {
    if (!CaptionFieldSchema.safeParse(name).success) throw new UsageError(`Unknown caption field "${name}" in --captions. Use any of: ${CAPTION_FIELDS.join(', ')} (or "none").`);
  }
  return checked('captions', '--captions', raw, names);
}

/** The command-line overrides, each validated on its own so the message names the flag. */
export function sheetFlagOverrides(values: SheetFlagValues): ContactSheetOptionsInput {
  const out: ContactSheetOptionsInput = {};
  if (values.columns !== undefined) out.columns = checked('columns', '--columns', values.columns, asNumber(values.columns));
  if (values['cell-width'] !== undefined) out.cellWidth = checked('cellWidth', '--cell-width', values['cell-width'], asNumber(values['cell-width']));
  if (values.captions !== undefined) out.captions = parseCaptions(values.captions);
  if (values.page !== undefined) out.page = checked('page', '--page', values.page, values.page.toLowerCase());
  if (values.orientation !== undefined) out.orientation = checked('orientation', '--orientation', values.orientation, values.orientation.toLowerCase());
  if (values.dpi !== undefined) out.dpi = checked('dpi', '--dpi', values.dpi, asNumber(values.dpi));
  return out;
}

