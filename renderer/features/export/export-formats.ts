/**
 * The formats the export dialog offers: the contact sheet (drawn with the layout options and a
 * live preview of page 1) and the production formats main writes with their own options.
 */
import type { RequestOf } from '../../../shared/ipc/contract';

export type ProductionFormat = RequestOf<'export:production'>['format'];
export type ExportFormat = 'png' | ProductionFormat;

/**
 * `action` names the main button: beside "Export panel images…" a bare "Export…" did not say
 * which file it writes.
 */
export const EXPORT_FORMATS: ReadonlyArray<{ value: ExportFormat; label: string; hint: string; action: string }> = [
  { value: 'png', label: 'Contact sheet (PNG)', hint: 'Every panel in a grid, with the layout below.', action: 'Export contact sheet…' },
  { value: 'pdf', label: 'PDF board', hint: 'Printable pages with captions as real text: a grid, or a shooting board of 1 to 3 large panels a page.', action: 'Export PDF board…' },
  { value: 'mp4', label: 'Animatic (MP4)', hint: 'Each panel held for its duration, for the edit, with an optional caption strip and subtitle file.', action: 'Export animatic…' },
  { value: 'gif', label: 'Animated GIF', hint: 'One frame per panel for its duration, small enough to share.', action: 'Export GIF…' },
  { value: 'fcpxml', label: 'Editor timeline (FCPXML)', hint: 'For Final Cut Pro and DaVinci Resolve, next to a folder of the panel images.', action: 'Export timeline…' },
  { value: 'csv', label: 'Shot list (CSV)', hint: 'One row per panel for spreadsheets: shot, angle, movement, duration, dialogue…', action: 'Export shot list…' },
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
