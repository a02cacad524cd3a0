/**
 * The project aspect ratios and their numeric value. Free of zod (project.ts builds its schema
 * from the list and re-exports both), so the board, the video sizes and the export options read a
 * ratio the same way without loading a schema.
 */
export const ASPECT_RATIOS = ['16:9', '2.39:1', '4:3', '1:1', '9:16', '3:2'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/** Width / height: "16:9" -> 1.777...; anything unreadable counts as 16:9. */
export function aspectValue(aspectRatio: string): number {
  const [width, height] = aspectRatio.split(':').map(Number);
  return width && height && width > 0 && height > 0 ? width / height : 16 / 9;
}
