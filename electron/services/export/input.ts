/**
 * What an export is made from. Deliberately independent of the project document: the caller maps
 * its active takes to this shape (absolute image paths, captions already as display strings).
 * Invariants: panels keep the caller's order; "selected only" keeps the `selected === true` ones;
 * an export with no panel left fails with EXPORT_EMPTY before anything is written.
 */
import { CastboardError } from '../../../shared/errors';
import type { ImageReader } from './image-source';
import type { CaptionField } from './options';

export interface ContactSheetPanel {
  /** The panel number shown on the sheet and used in file names (panel-007.png). */
  number: number;
  /** The active take, as `readImage` names it (an absolute path by default), or null when the panel has no image yet. */
  imagePath: string | null;
  captions: Partial<Record<CaptionField, string>>;
  selected?: boolean;
}

export interface ContactSheetInput {
  title: string;
  /** Already formatted for display, e.g. "14 March 2026". */
  date: string;
  character?: { name: string; thumbnailPath?: string };
  panels: ContactSheetPanel[];
  /** How image bytes are read (default: standalone files, see image-source.ts). Project exports pass the confined reader. */
  readImage?: ImageReader;
}

/** A panel whose image could not be used, and why (the message names the file). */
export interface ImageProblem {
  panel: number;
  message: string;
}

/** The panels an export draws, in order; throws EXPORT_EMPTY when there are none. */
export function panelsToExport<P extends { selected?: boolean }>(panels: readonly P[], selectedOnly: boolean): P[] {
  if (panels.length === 0) {
    throw new CastboardError('EXPORT_EMPTY', 'This project has no panels yet, so there is nothing to export. Add panels first.');
  }
  const chosen = selectedOnly ? panels.filter((panel) => panel.selected === true) : [...panels];
  if (chosen.length === 0) {
    throw new CastboardError('EXPORT_EMPTY', 'No panels are selected. Select the panels to export, or turn off "Selected panels only".');
  }
  return chosen;
}
