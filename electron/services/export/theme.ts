/**
 * Colours derived from the sheet background so text is readable on any background the artist
 * picks: dark ink on light backgrounds, light ink on dark ones. Placeholders are a tint of the
 * background towards the ink so they read as "empty frame", not as a panel.
 */
export interface Theme {
  background: string;
  ink: string;
  muted: string;
  placeholder: string;
}

type Rgb = [number, number, number];

export function parseHexColour(hex: string): Rgb {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const value = Number.parseInt(full, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return [a[0] + (b[0] - a[0]) * amount, a[1] + (b[1] - a[1]) * amount, a[2] + (b[2] - a[2]) * amount];
}

/** Relative luminance (sRGB, WCAG formula). */
function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function themeFor(background: string): Theme {
  const bg = parseHexColour(background);
  const light = luminance(bg) > 0.18;
  const ink: Rgb = light ? [26, 26, 26] : [242, 242, 242];
  return {
    background: toHex(bg),
    ink: toHex(ink),
    muted: toHex(mix(bg, ink, 0.62)),
    placeholder: toHex(mix(bg, ink, 0.12)),
  };
}
