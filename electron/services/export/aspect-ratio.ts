/**
 * Project aspect ratios as the contact sheet reads them ('16:9', '2.39:1'). Free of zod, so the
 * layout and the compiled options check use it without loading the options schema.
 */
const ASPECT_RATIO = /^(\d{1,4}(?:\.\d{1,3})?):(\d{1,4}(?:\.\d{1,3})?)$/;
export const MIN_ASPECT = 0.25;
export const MAX_ASPECT = 4;

/** Width / height of a project aspect ratio like '16:9' or '2.39:1'; null when malformed or extreme. */
export function parseAspectRatio(ratio: string): number | null {
  const match = ASPECT_RATIO.exec(ratio.trim());
  if (!match) return null;
  const value = Number(match[1]) / Number(match[2]);
  return Number.isFinite(value) && value >= MIN_ASPECT && value <= MAX_ASPECT ? value : null;
}

/** A ratio the sheet can draw (the options schema refines with this). */
export function isAspectRatio(ratio: string): boolean {
  return parseAspectRatio(ratio) !== null;
}
