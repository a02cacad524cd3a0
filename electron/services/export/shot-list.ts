/**
 * The shot list as CSV for the schedule: one row per panel with number, scene, shot, angle,
 * movement, duration, running time, dialogue, action, notes, take count and image file.
 * Invariants: RFC 4180 (CRLF rows, every field quoted, quotes doubled, newlines kept inside
 * quotes); UTF-8 with a byte order mark so spreadsheet apps read accents and non-Latin text;
 * a field that starts like a formula gets a leading apostrophe so a spreadsheet never runs it.
 */
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import { assertExtension, writeOutputFile } from './output-files';
import type { ProductionPanel } from './production-input';
import { panelSlugFileName } from './production-input';

export const SHOT_LIST_COLUMNS = ['Number', 'Scene', 'Shot', 'Angle', 'Movement', 'Duration (s)', 'Running time', 'Dialogue', 'Action', 'Notes', 'Takes', 'Image file'] as const;

const BOM = '\uFEFF';

/** "1:05.5": minutes and seconds of the running time where the panel starts. */
export function runningTime(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round((seconds - minutes * 60) * 10) / 10;
  return `${minutes}:${rest < 10 ? '0' : ''}${rest}`;
}

/** A cell's text as written: a leading = + - @ would make a spreadsheet evaluate the cell. */
function cellText(value: string | number): string {
  return typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The header and one row per panel, each cell as the file holds it (before quoting). */
export function shotListCells(panels: readonly ProductionPanel[]): string[][] {
  let start = 0;
  const rows = panels.map((panel) => {
    const row = [
      panel.number, panel.scene, panel.shot, panel.angle, panel.movement, panel.durationSeconds, runningTime(start),
      panel.dialogue, panel.action, panel.notes, panel.takeCount, panel.imagePath ? panelSlugFileName(panel) : '',
    ];
    start += panel.durationSeconds;
    return row.map(cellText);
  });
  return [[...SHOT_LIST_COLUMNS], ...rows];
}

/** The CSV text (with BOM). The image file names the panel PNG a panel export would write. */
export function shotListCsv(panels: readonly ProductionPanel[]): string {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  return `${BOM}${shotListCells(panels).map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Writes the shot list to `outPath` (a .csv file), all or nothing. */
export async function exportShotList(panels: readonly ProductionPanel[], outPath: string, run: { overwrite?: boolean } = {}): Promise<string> {
  const target = path.resolve(outPath);
  assertExtension(target, '.csv', 'The shot list');
  if (panels.length === 0) throw new CastboardError('EXPORT_EMPTY', 'There are no panels to list. Add panels first.');
  return writeOutputFile(target, Buffer.from(shotListCsv(panels), 'utf8'), run.overwrite ?? false);
}
