/**
 * What the export dialog says when an export ends, from what main answered (null: the artist
 * closed the save dialog). Every note about panels without a take is written here, once, in
 * correct singular and plural, saying what the format made of them: a placeholder (sheet, PDF,
 * MP4, GIF), a gap (FCPXML timeline) or no image file (panel images, the shot list's column).
 */
import { plural } from '../../lib/format';
import type { ProductionFormat } from './export-formats';
import type { Outcome } from './ExportStatus';

/** The panels named in a note: the first eight, then "…", enough to find them on the board. */
function panelList(numbers: readonly number[]): string {
  return numbers.length > 8 ? `${numbers.slice(0, 8).join(', ')}…` : numbers.join(', ');
}

/** What an export made of a panel without a take, said of one panel and of several. */
const FATES = {
  placeholder: { one: 'it shows as a placeholder', many: 'show as placeholders' },
  gap: { one: 'it is a gap in the timeline', many: 'are gaps in the timeline' },
  'no file': { one: 'it has no image file', many: 'have no image file' },
} as const;

export type WithoutTakeFate = keyof typeof FATES;

const PRODUCTION_FATES: Record<ProductionFormat, WithoutTakeFate> = { pdf: 'placeholder', mp4: 'placeholder', gif: 'placeholder', fcpxml: 'gap', csv: 'no file' };

/** " Panel 2 has no take: it shows as a placeholder." / " 3 panels without a take (2, 5, 7) show as placeholders." */
export function withoutTakeNote(numbers: readonly number[], fate: WithoutTakeFate): string {
  const [only] = numbers;
  if (only === undefined) return '';
  if (numbers.length === 1) return ` Panel ${only} has no take: ${FATES[fate].one}.`;
  return ` ${plural(numbers.length, 'panel')} without a take (${panelList(numbers)}) ${FATES[fate].many}.`;
}

/** Panels whose image file main could not read: the sheet draws "Image missing" in their cells. */
function unreadableNote(numbers: readonly number[]): string {
  const [only] = numbers;
  if (only === undefined) return '';
  if (numbers.length === 1) return ` The image of panel ${only} could not be read: its cell says “Image missing”.`;
  return ` The images of ${plural(numbers.length, 'panel')} (${panelList(numbers)}) could not be read: their cells say “Image missing”.`;
}

export const outcomes = {
  sheet: (result: { files: string[]; pages: number; withoutImage: number[]; missingImages: number[] } | null): Outcome => {
    if (!result) return null;
    const where = result.files.length === 1 ? result.files[0] : `${plural(result.pages, 'page')} next to ${result.files[0]}`;
    const notes = withoutTakeNote(result.withoutImage, 'placeholder') + unreadableNote(result.missingImages);
    return { kind: 'saved', text: `Contact sheet saved: ${where}.${notes}`, revealable: true };
  },
  production: (format: ProductionFormat, result: { files: string[]; withoutImage: number[] } | null): Outcome => {
    if (!result) return null;
    const more = result.files.length > 1 ? ` and ${plural(result.files.length - 1, 'more file')}` : '';
    const note = withoutTakeNote(result.withoutImage, PRODUCTION_FATES[format]);
    return { kind: 'saved', text: `Saved: ${result.files[0] ?? ''}${more}.${note}`, revealable: true };
  },
  panels: (result: { files: string[]; withoutImage: number[] } | null): Outcome =>
    result && { kind: 'saved', text: `${plural(result.files.length, 'panel image')} saved.${withoutTakeNote(result.withoutImage, 'no file')}`, revealable: result.files.length > 0 },
};
