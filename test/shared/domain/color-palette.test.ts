/**
 * isColorPalette and isHexColor (zod-free, read by the inspector) give the answers of
 * ColorPaletteSchema and HexColorSchema, which check a saved project.
 */
import { describe, expect, it } from 'vitest';
import { isColorPalette, isHexColor } from '../../../shared/domain/color-palette';
import { COLOR_PALETTE_PRESETS, ColorPaletteSchema, HexColorSchema, MAX_PALETTE_COLORS } from '../../../shared/domain/ideogram-controls';
import { createEmptyProject } from '../../../shared/domain/project-edit';

const colours = ['#1E3A5F', '#F2C14E', '#ffffff', '#000000', '#a1B2c3', '#123456'];

const palettes: unknown[] = [
  ...COLOR_PALETTE_PRESETS.map((preset) => ({ preset })),
  createEmptyProject({ title: 'Palette' }, new Date(0)).style.colorPalette,
  ...colours.map((_, count) => ({ colors: colours.slice(0, count) })),
  { colors: colours.slice(0, MAX_PALETTE_COLORS + 1) },
  { colors: ['#1E3A5F', '#F2C14E,'] },
  { colors: ['1E3A5F'] },
  { colors: ['#12345'] },
  { colors: ['#1234567'] },
  { colors: ['#GGGGGG'] },
  { colors: [' #123456'] },
  { colors: ['#123456\n'] },
  { colors: [0x123456] },
  { colors: '#123456' },
  // eslint-disable-next-line no-sparse-arrays -- a hole is a missing colour
  { colors: [, '#123456'] },
  { preset: 'ember' },
  { preset: 'SUNSET' },
  { preset: undefined },
  { preset: 'EMBER', colors: ['#123456'] },
  { preset: 'EMBER', extra: true },
  { colors: ['#123456'], name: 'mine' },
  {},
  [],
  [{ preset: 'EMBER' }],
  null,
  undefined,
  'EMBER',
  5,
  new Date(0),
];

describe('isColorPalette', () => {
  it.each(palettes.map((value) => [JSON.stringify(value) ?? String(value), value]))('answers as ColorPaletteSchema for %s', (_, value) => {
    const parsed = ColorPaletteSchema.safeParse(value);
    expect(isColorPalette(value)).toBe(parsed.success);
    // What the schema gives back is the value itself, so the inspector can keep what it built.
    if (parsed.success) expect(parsed.data).toEqual(value);
  });

  it('accepts every preset and up to the most colours, as the schema does', () => {
    expect(palettes.filter(isColorPalette)).toHaveLength(COLOR_PALETTE_PRESETS.length + MAX_PALETTE_COLORS);
  });
});

describe('isHexColor', () => {
  it.each(['#1E3A5F', '#abcdef', '#ABCDEF', '#12345', '123456', '#1234567', '#12345g', '', ' #123456', 123456, null])('answers as HexColorSchema for %s', (value) => {
    expect(isHexColor(value)).toBe(HexColorSchema.safeParse(value).success);
  });
});
