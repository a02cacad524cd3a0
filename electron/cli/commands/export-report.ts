/**
 * The export formats the CLI knows, and the stderr lines every one of them ends with: panels
 * without a take, then panels whose image file could not be read (what the format made of them).
 * Its own module so the contact sheet (export.ts) and the other formats (export-formats.ts) share
 * it without importing each other.
 */
import type { ImageReport } from '../../services/export/image-problems';
import type { CliIo } from '../cli-io';
import { shellWord } from '../shell-word';

export const FORMATS = ['png', 'pdf', 'mp4', 'gif', 'fcpxml', 'csv', 'panels'] as const;
export type ExportFormatName = (typeof FORMATS)[number];

/** What each format makes of a panel whose image file cannot be read, for the report line. */
const UNREADABLE_AS: Record<ExportFormatName, string> = {
  png: 'drawn as "Image missing"',
  pdf: 'drawn as "Image missing"',
  mp4: 'shown as "Image missing" frames',
  gif: 'shown as "Image missing" frames',
  fcpxml: 'gaps in the timeline',
  csv: 'listed without an image file',
  panels: 'no file written',
};

/**
 * The stderr lines every export format ends with: panels without a take, then panels whose image
 * file could not be read (what the format made of them), each with the reason naming the file.
 */
export function reportImageGaps(io: CliIo, dir: string, format: ExportFormatName, result: ImageReport & { withoutImage: readonly number[] }): void {
  const drawn = format === 'png' ? ' (empty cells)' : '';
  if (result.withoutImage.length) io.stderr(`Panels without an image yet${drawn}: ${result.withoutImage.join(', ')}. Generate them with castboard generate ${shellWord(dir)} --missing.`);
  if (result.missingImages.length) io.stderr(`Image files missing or unreadable (${UNREADABLE_AS[format]}): panels ${result.missingImages.join(', ')}.`);
  for (const problem of result.imageProblems) io.stderr(`  panel ${problem.panel}: ${problem.message}`);
}
