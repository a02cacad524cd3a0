/**
 * Ideogram's own controls as a project stores them (and a panel may override): magic prompt,
 * style type, rendering speed, colour palette. The values are exactly the ones Ideogram V3's API
 * accepts, so the request mapping (shared/generation/ideogram-request.ts) sends them unchanged.
 * Magic prompt is OFF by default: Ideogram's own default (AUTO) may rewrite the artist's prompt,
 * character description included, and a storyboard needs the words it was given.
 */
import { z } from 'zod';

export const MAGIC_PROMPT_OPTIONS = ['OFF', 'ON', 'AUTO'] as const;
export const MagicPromptSchema = z.enum(MAGIC_PROMPT_OPTIONS);
export type MagicPrompt = z.infer<typeof MagicPromptSchema>;

export const STYLE_TYPES = ['AUTO', 'GENERAL', 'REALISTIC', 'DESIGN', 'FICTION'] as const;
export const StyleTypeSchema = z.enum(STYLE_TYPES);
export type StyleType = z.infer<typeof StyleTypeSchema>;

export const RENDERING_SPEEDS = ['TURBO', 'DEFAULT', 'QUALITY'] as const;
export const RenderingSpeedSchema = z.enum(RENDERING_SPEEDS);
export type RenderingSpeed = z.infer<typeof RenderingSpeedSchema>;

/** Ideogram's preset palettes (ColorPalettePresetName). */
export const COLOR_PALETTE_PRESETS = ['EMBER', 'FRESH', 'JUNGLE', 'MAGIC', 'MELON', 'MOSAIC', 'PASTEL', 'ULTRAMARINE'] as const;
export const ColorPalettePresetSchema = z.enum(COLOR_PALETTE_PRESETS);

/** A few colours are enough to give every panel one look; Ideogram weighs them in order. */
export const MAX_PALETTE_COLORS = 5;
export const HexColorSchema = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour is written #RRGGBB, e.g. #1E3A5F');

export const ColorPaletteSchema = z.union([
  z.object({ preset: ColorPalettePresetSchema }).strict(),
  z.object({ colors: z.array(HexColorSchema).min(1, 'pick at least one colour').max(MAX_PALETTE_COLORS, `at most ${MAX_PALETTE_COLORS} colours`) }).strict(),
]);
export type ColorPalette = z.infer<typeof ColorPaletteSchema>;

/** Off sends the artist's words as written; On lets Ideogram expand them; Auto lets Ideogram decide. */
export const MAGIC_PROMPT_LABELS: Readonly<Record<MagicPrompt, string>> = {
  OFF: 'Off (as written)',
  ON: 'On (Ideogram rewrites)',
  AUTO: 'Auto (Ideogram decides)',
};

export const STYLE_TYPE_LABELS: Readonly<Record<StyleType, string>> = {
  AUTO: 'Auto',
  GENERAL: 'General',
  REALISTIC: 'Realistic',
  DESIGN: 'Design',
  FICTION: 'Fiction',
};

export const RENDERING_SPEED_LABELS: Readonly<Record<RenderingSpeed, string>> = {
  TURBO: 'Turbo',
  DEFAULT: 'Default',
  QUALITY: 'Quality',
};

/** Controls a single panel may set for itself; anything left out follows the project. */
export const PanelControlsSchema = z
  .object({
    magicPrompt: MagicPromptSchema.optional(),
    styleType: StyleTypeSchema.optional(),
    renderingSpeed: RenderingSpeedSchema.optional(),
  })
  .strict();
export type PanelControls = z.infer<typeof PanelControlsSchema>;
