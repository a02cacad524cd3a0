/**
 * The page an export preview shows: the one asked for (0-based), within the export's pages. Main
 * draws that page; the export dialog shows its number before main has answered.
 */
export function previewPage(page: number, pages: number): number {
  return Math.min(Math.max(0, Math.floor(page)), Math.max(1, pages) - 1);
}
