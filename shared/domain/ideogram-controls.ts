/**
 * Ideogram's own controls as a project stores them (and a panel may override): magic prompt,
 * style type, rendering speed, colour palette. The values are exactly the ones Ideogram V3's API
 * accepts, so the request mapping (shared/generation/ideogram-request.ts) sends them unchanged.
 * Magic prompt is OFF by default: Ideogram's own default (AUTO) may rewrite the artist's prompt,
 * character description included, and a storyboard needs the words it was given.
 * The lists and labels are in ideogram-control-options.ts (free of zod), re-exported here.
 */
import { z } from 'zod';
import {
  COLOR_PALETTE_PRESETS,
  HEX_COLOR_PATTERN,
  MAGIC_PROMPT_OPTIONS,
  MAX_PALETTE_COLORS,
  RENDERING_SPEEDS,
  STYLE_TYPES,
} from './ideogram-control-options';

export * from './ideogram-control-options';

export const MagicPromptSchema = z.enum(MAGIC_PROMPT_OPTIONS);
export const StyleTypeSchema = z.enum(STYLE_TYPES);
export const RenderingSpeedSchema = z.enum(RENDERING_SPEEDS);
export const ColorPalettePresetSchema = z.enum(COLOR_PALETTE_PRESETS);

export const HexColorSchema = z.string().regex(HEX_COLOR_PATTERN, 'a colour is written #RRGGBB, e.g. #1E3A5F');

/** Checked without zod by isColorPalette (color-palette.ts, compiled from this schema). */
export const ColorPaletteSchema = z.union([
  z.object({ preset: ColorPalettePresetSchema }).strict(),
  z.object({ colors: z.array(HexColorSchema).min(1, 'pick at least one colour').max(MAX_PALETTE_COLORS, `at most ${MAX_PALETTE_COLORS} colours`) }).strict(),
]);
export type ColorPalette = z.infer<typeof ColorPaletteSchema>;

/** Controls a single panel may set for itself; anything left out follows the project. */
export const PanelControlsSchema = z
  .object({
    magicPrompt: MagicPromptSchema.optional(),
    styleType: StyleTypeSchema.optional(),
    renderingSpeed: RenderingSpeedSchema.optional(),
  })
  .strict();
export type PanelControls = z.infer<typeof PanelControlsSchema>;
