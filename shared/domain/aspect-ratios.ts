/**
 * Aspect ratios and their numeric value, read one way everywhere. Free of zod (project.ts builds
 * its schema from the list and re-exports both; the contact sheet options refine with
 * isAspectRatio, also in their compiled check), so the board, the video sizes, the export options
 * and the sheet's layout read a ratio without loading a schema.
 */
export const ASPECT_RATIOS = ['16:9', '2.39:1', '4:3', '1:1', '9:16', '3:2'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

const ASPECT_RATIO = /^(\d{1,4}(?:\.\d{1,3})?):(\d{1,4}(?:\.\d{1,3})?)$/;
export const MIN_ASPECT = 0.25;
export const MAX_ASPECT = 4;

/** Width / height of a ratio like '16:9' or '2.39:1'; null when malformed or extreme. */
export function parseAspectRatio(ratio: string): number | null {
  const match = ASPECT_RATIO.exec(ratio.trim());
  if (!match) return null;
  const value = Number(match[1]) / Number(match[2]);
  return Number.isFinite(value) && value >= MIN_ASPECT && value <= MAX_ASPECT ? value : null;
}

/** A ratio the contact sheet can draw (its options schema refines with this). */
export function isAspectRatio(ratio: string): boolean {
  return parseAspectRatio(ratio) !== null;
}

/** Width / height of a project's ratio: "16:9" -> 1.777...; anything unreadable counts as 16:9. */
export function aspectValue(aspectRatio: string): number {
  return parseAspectRatio(aspectRatio) ?? 16 / 9;
}
