/**
 * The colour palette check without zod: the inspector reads the palette field on every keystroke,
 * and its module is loaded when the app starts, before any schema is needed. isColorPalette runs
 * the check compiled from ColorPaletteSchema (color-palette.generated.ts, `npm run gen:checks`);
 * the schema stays what a saved project is checked with, and a test holds the two together.
 */
import { failed } from '../compiled-checks/kit';
import { checkColorPalette } from './color-palette.generated';
import { HEX_COLOR_PATTERN } from './ideogram-control-options';
import type { ColorPalette } from './ideogram-controls';

/** A colour written #RRGGBB. */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR_PATTERN.test(value);
}

/** One of Ideogram's presets, `{ preset }`, or 1 to MAX_PALETTE_COLORS colours, `{ colors }`, and no other key. */
export function isColorPalette(value: unknown): value is ColorPalette {
  return !failed(checkColorPalette(value));
}
