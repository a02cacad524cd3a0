/**
 * The shot list as CSV for the schedule: one row per panel with number, scene, shot, angle,
 * movement, duration, running time, dialogue, action, notes, take count and image file.
 * Invariants: RFC 4180 (CRLF rows, every field quoted, quotes doubled, newlines kept inside
 * quotes); UTF-8 with a byte order mark so spreadsheet apps read accents and non-Latin text;
 * a field that starts like a formula gets a leading apostrophe so a spreadsheet never runs it.
 * The "Image file" column names the PNG the panel images export writes for the panel (the same
 * name, panelSlugFileName), and is empty when there is none: no take, or a take whose file cannot
 * be read (checked the way that export reads it, and reported like the contact sheet does).
 */
import path from 'node:path';
import { CastboardError } from '../../../shared/errors';
import { ImageProblemLog, type ImageReport } from './image-problems';
import { EXPORT_CONCURRENCY, mapLimit, throwIfAborted } from './map-limit';
import { assertExtension, writeOutputFile } from './output-files';
import { pngBytes } from './panel-images';
import { panelSlugFileName, type ProductionInput, type ProductionPanel } from './production-input';

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

/** The header and one row per panel, each cell as the file holds it (before quoting); `unreadable`: image files that cannot be read. */
export function shotListCells(panels: readonly ProductionPanel[], unreadable: { has: (imagePath: string) => boolean } = new Set<string>()): string[][] {
  let start = 0;
  const rows = panels.map((panel) => {
    const row = [
      panel.number, panel.scene, panel.shot, panel.angle, panel.movement, panel.durationSeconds, runningTime(start),
      panel.dialogue, panel.action, panel.notes, panel.takeCount, panel.imagePath && !unreadable.has(panel.imagePath) ? panelSlugFileName(panel) : '',
    ];
    start += panel.durationSeconds;
    return row.map(cellText);
  });
  return [[...SHOT_LIST_COLUMNS], ...rows];
}

/** The CSV text (with BOM). The image file names the panel PNG a panel export would write. */
export function shotListCsv(panels: readonly ProductionPanel[], unreadable?: { has: (imagePath: string) => boolean }): string {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  return `${BOM}${shotListCells(panels, unreadable).map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Reads each distinct take as the panel images export would, noting the files that fail. */
async function checkImages(input: ProductionInput, signal: AbortSignal | undefined): Promise<ImageProblemLog> {
  const problems = new ImageProblemLog();
  const paths = [...new Set(input.panels.flatMap((panel) => (panel.imagePath ? [panel.imagePath] : [])))];
  await mapLimit(paths, EXPORT_CONCURRENCY, (imagePath) => pngBytes(imagePath, input.readImage).then(() => undefined, (error: unknown) => problems.record(imagePath, error)), signal);
  return problems;
}

/** Writes the shot list to `outPath` (a .csv file), all or nothing; reports the takes whose file cannot be read. */
export async function exportShotList(input: ProductionInput, outPath: string, run: { overwrite?: boolean; signal?: AbortSignal } = {}): Promise<{ file: string } & ImageReport> {
  const target = path.resolve(outPath);
  assertExtension(target, '.csv', 'The shot list');
  if (input.panels.length === 0) throw new CastboardError('EXPORT_EMPTY', 'There are no panels to list. Add panels first.');
  const problems = await checkImages(input, run.signal);
  throwIfAborted(run.signal);
  const file = await writeOutputFile(target, Buffer.from(shotListCsv(input.panels, problems), 'utf8'), run.overwrite ?? false);
  return { file, ...problems.report(input.panels) };
}
