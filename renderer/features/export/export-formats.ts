/**
 * The formats the export dialog offers: the contact sheet (drawn with the layout options and a
 * live preview of page 1) and the production formats main writes with their own options.
 */
import type { RequestOf } from '../../../shared/ipc/contract';

export type ProductionFormat = RequestOf<'export:production'>['format'];
export type ExportFormat = 'png' | ProductionFormat;

export const EXPORT_FORMATS: ReadonlyArray<{ value: ExportFormat; label: string; hint: string }> = [
  { value: 'png', label: 'Contact sheet (PNG)', hint: 'Every panel in a grid, with the layout below.' },
  { value: 'pdf', label: 'PDF board', hint: 'Printable pages with captions as real text: a grid, or a shooting board of 1 to 3 large panels a page.' },
  { value: 'mp4', label: 'Animatic (MP4)', hint: 'Each panel held for its duration, for the edit, with an optional caption strip and subtitle file.' },
  { value: 'gif', label: 'Animated GIF', hint: 'One frame per panel for its duration, small enough to share.' },
  { value: 'fcpxml', label: 'Editor timeline (FCPXML)', hint: 'For Final Cut Pro and DaVinci Resolve, next to a folder of the panel images.' },
  { value: 'csv', label: 'Shot list (CSV)', hint: 'One row per panel for spreadsheets: shot, angle, movement, duration, dialogue…' },
];

/** What the progress bar counts for each export (one of them). */
export const PROGRESS_UNITS: Record<ExportFormat | 'panels', string> = {
  png: 'panel',
  pdf: 'image',
  mp4: 'panel',
  gif: 'panel',
  fcpxml: 'still',
  csv: 'panel',
  panels: 'image',
};
