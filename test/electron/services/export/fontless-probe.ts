/** The dark "ink" in the caption band of a one-panel, 320 px, 16:9 sheet with a 10 px margin. */
import { countDark, type Decoded } from './helpers';

export interface CaptionInk {
  dark: number;
  /** Horizontal extent of the ink: a font fallback (or boxes) changes it. */
  left: number;
  right: number;
}

export function measureCaption(image: Decoded): CaptionInk {
  const band = { left: 10, top: 10 + 180, width: 320, height: image.height - 10 - 190 };
  let left = Infinity;
  let right = -Infinity;
  for (let x = band.left; x < band.left + band.width; x += 1) {
    if (countDark(image, { ...band, left: x, width: 1 }) > 0) {
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  return { dark: countDark(image, band), left, right };
}
