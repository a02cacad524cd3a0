/**
 * The colour palette check without zod: the inspector reads the palette field on every keystroke,
 * and its module is loaded when the app starts, before any schema is needed.
 * isColorPalette accepts exactly what ColorPaletteSchema (ideogram-controls.ts) accepts, a test
 * holds the two together; the schema stays what a saved project is checked with.
 */
import type { ColorPalette } from './ideogram-controls';
import { COLOR_PALETTE_PRESETS, HEX_COLOR_PATTERN, MAX_PALETTE_COLORS } from './ideogram-control-options';

/** A colour written #RRGGBB. */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR_PATTERN.test(value);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One of Ideogram's presets, `{ preset }`, or 1 to MAX_PALETTE_COLORS colours, `{ colors }`, and no other key. */
export function isColorPalette(value: unknown): value is ColorPalette {
  if (!isPlainRecord(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  if (keys[0] === 'preset') return (COLOR_PALETTE_PRESETS as readonly unknown[]).includes(value.preset);
  if (keys[0] !== 'colors') return false;
  const colors = value.colors;
  if (!Array.isArray(colors) || colors.length < 1 || colors.length > MAX_PALETTE_COLORS) return false;
  // for...of, not every(): a hole in an array is a missing colour, as zod reads it.
  for (const color of colors as unknown[]) if (!isHexColor(color)) return false;
  return true;
}
