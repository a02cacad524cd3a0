/**
 * The palette field reads its text without zod (isColorPalette) and gives the answers it gave
 * when ColorPaletteSchema read it: the palette, null for nothing, undefined for text that is not one.
 */
import { describe, expect, it } from 'vitest';
import { COLOR_PALETTE_PRESETS, ColorPaletteSchema } from '../../../../shared/domain/ideogram-controls';
import { parsePalette } from '../../../../renderer/features/inspector/ImageControls';

/** The field's reading with the schema, as it was. */
function schemaReading(text: string) {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const preset = COLOR_PALETTE_PRESETS.find((name) => name === trimmed.toUpperCase());
  const parsed = ColorPaletteSchema.safeParse(preset ? { preset } : { colors: trimmed.split(/[\s,]+/).filter(Boolean) });
  return parsed.success ? parsed.data : undefined;
}

const TEXTS = [
  '',
  '   ',
  'EMBER',
  'ember',
  ' Pastel ',
  'SUNSET',
  '#1E3A5F',
  '#1E3A5F, #F2C14E',
  '#1e3a5f #f2c14e,#000000',
  '#111111, #222222, #333333, #444444, #555555',
  '#111111, #222222, #333333, #444444, #555555, #666666',
  '#1E3A5',
  '1E3A5F',
  '#1E3A5F; #F2C14E',
  'EMBER, #1E3A5F',
  ',,,',
];

describe('the palette field', () => {
  it.each(TEXTS)('reads %j as the schema did', (text) => {
    expect(parsePalette(text)).toEqual(schemaReading(text));
  });
});
