/**
 * The values of Ideogram's own controls (magic prompt, style type, rendering speed, colour
 * palette presets) and the words shown for them. Free of zod (ideogram-controls.ts builds its
 * schemas from these lists and re-exports them), so the inspector lists them without building a
 * schema when the app starts.
 */
export const MAGIC_PROMPT_OPTIONS = ['OFF', 'ON', 'AUTO'] as const;
export type MagicPrompt = (typeof MAGIC_PROMPT_OPTIONS)[number];

export const STYLE_TYPES = ['AUTO', 'GENERAL', 'REALISTIC', 'DESIGN', 'FICTION'] as const;
export type StyleType = (typeof STYLE_TYPES)[number];

export const RENDERING_SPEEDS = ['TURBO', 'DEFAULT', 'QUALITY'] as const;
export type RenderingSpeed = (typeof RENDERING_SPEEDS)[number];

/** Ideogram's preset palettes (ColorPalettePresetName). */
export const COLOR_PALETTE_PRESETS = ['EMBER', 'FRESH', 'JUNGLE', 'MAGIC', 'MELON', 'MOSAIC', 'PASTEL', 'ULTRAMARINE'] as const;

/** A few colours are enough to give every panel one look; Ideogram weighs them in order. */
export const MAX_PALETTE_COLORS = 5;
/** A palette colour: #RRGGBB. */
export const HEX_COLOR_PATTERN = /^#[0-9A-Fa-f]{6}$/;

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
