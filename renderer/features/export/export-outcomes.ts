/**
 * What the export dialog says when an export ends, from what main answered (null: the artist
 * closed the save dialog). Every note about panels without a take is written here, once, in
 * correct singular and plural, saying what the format made of them: a placeholder (sheet, PDF,
 * MP4, GIF), a gap (FCPXML timeline) or no image file (panel images, the shot list's column).
 * Panels whose image file main could not read (deleted from the project, damaged) get their own
 * note, in every format, saying what the format made of them.
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

/** What an export made of a panel whose image file could not be read, said of one panel and of several. */
const UNREADABLE_FATES = {
  'image missing': { one: 'its cell says “Image missing”', many: 'their cells say “Image missing”' },
  placeholder: { one: 'it shows as a placeholder', many: 'they show as placeholders' },
  gap: { one: 'it is a gap in the timeline', many: 'they are gaps in the timeline' },
  'no file': { one: 'it has no image file', many: 'they have no image file' },
} as const;

type UnreadableFate = keyof typeof UNREADABLE_FATES;

const PRODUCTION_UNREADABLE: Record<ProductionFormat, UnreadableFate> = { pdf: 'image missing', mp4: 'placeholder', gif: 'placeholder', fcpxml: 'gap', csv: 'no file' };

/** Panels whose image file main could not read: " The image of panel 2 could not be read: its cell says “Image missing”." */
export function unreadableNote(numbers: readonly number[], fate: UnreadableFate): string {
  const [only] = numbers;
  if (only === undefined) return '';
  if (numbers.length === 1) return ` The image of panel ${only} could not be read: ${UNREADABLE_FATES[fate].one}.`;
  return ` The images of ${plural(numbers.length, 'panel')} (${panelList(numbers)}) could not be read: ${UNREADABLE_FATES[fate].many}.`;
}

/** What main answers for an export that wrote files. */
interface Written {
  files: string[];
  withoutImage: number[];
  missingImages: number[];
}

export const outcomes = {
  sheet: (result: { files: string[]; pages: number; withoutImage: number[]; missingImages: number[] } | null): Outcome => {
    if (!result) return null;
    const where = result.files.length === 1 ? result.files[0] : `${plural(result.pages, 'page')} next to ${result.files[0]}`;
    const notes = withoutTakeNote(result.withoutImage, 'placeholder') + unreadableNote(result.missingImages, 'image missing');
    return { kind: 'saved', text: `Contact sheet saved: ${where}.${notes}`, revealable: true };
  },
  production: (format: ProductionFormat, result: Written | null): Outcome => {
    if (!result) return null;
    const more = result.files.length > 1 ? ` and ${plural(result.files.length - 1, 'more file')}` : '';
    const notes = withoutTakeNote(result.withoutImage, PRODUCTION_FATES[format]) + unreadableNote(result.missingImages, PRODUCTION_UNREADABLE[format]);
    return { kind: 'saved', text: `Saved: ${result.files[0] ?? ''}${more}.${notes}`, revealable: true };
  },
  panels: (result: Written | null): Outcome => {
    if (!result) return null;
    const notes = withoutTakeNote(result.withoutImage, 'no file') + unreadableNote(result.missingImages, 'no file');
    return { kind: 'saved', text: `${plural(result.files.length, 'panel image')} saved.${notes}`, revealable: result.files.length > 0 };
  },
};
