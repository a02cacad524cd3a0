/**
 * The formats the export dialog offers: the contact sheet (drawn here with a live preview) and the
 * production formats main writes with the project's defaults.
 */
import type { RequestOf } from '../../../shared/ipc/contract';

export type ProductionFormat = RequestOf<'export:production'>['format'];
export type ExportFormat = 'png' | ProductionFormat;

export const EXPORT_FORMATS: ReadonlyArray<{ value: ExportFormat; label: string; hint: string }> = [
  { value: 'png', label: 'Contact sheet (PNG)', hint: 'Every panel in a grid, with the layout below.' },
  { value: 'pdf', label: 'PDF board', hint: 'Printable pages, six panels each, with captions as real text, in the page size, orientation and resolution set under Layout (A4 for one long image).' },
  { value: 'mp4', label: 'Animatic (MP4)', hint: 'Each panel held for its duration, 1280×720 at 24 fps, with a caption strip and a subtitle file.' },
  { value: 'gif', label: 'Animated GIF', hint: 'One frame per panel for its duration, 480 px wide.' },
  { value: 'fcpxml', label: 'Editor timeline (FCPXML)', hint: 'For Final Cut Pro and DaVinci Resolve, next to a folder of the panel images.' },
  { value: 'csv', label: 'Shot list (CSV)', hint: 'One row per panel for spreadsheets: shot, angle, movement, duration, dialogue…' },
];
