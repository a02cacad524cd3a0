/**
 * A caption field that no exported panel has takes no room (no blank line under every cell), on
 * the contact sheet and on the PDF board's grid; a field some panels have keeps every cell the
 * same size. Projects are made with `castboard init` / `panel add --image` and exported with
 * `castboard export`, as an artist does.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, PDFName, PDFRawStream, type PDFNumber } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRID_CAPTION_LINES, gridCells, pageSizePt, pixelsFor } from '../../../../electron/services/export/pdf-layout';
import { cli, makeProject, tempDir } from '../../cli/cli-kit';
import { countDark, decode, type Decoded } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
let project: string;
let made = 0;

async function addPanel(args: string[], to = project): Promise<void> {
  const frame = path.join(dir, `frame-${(made += 1)}.png`);
  await sharp({ create: { width: 320, height: 180, channels: 3, background: { r: 40 * made, g: 90, b: 160 } } }).png().toFile(frame);
  const added = await cli(['panel', 'add', to, '--image', frame, ...args]);
  expect(added.code, added.stderr).toBe(0);
}

/** `castboard export` to a fresh PNG, decoded. */
async function sheet(args: string[]): Promise<Decoded> {
  const out = path.join(dir, `sheet-${(made += 1)}.png`);
  const result = await cli(['export', project, '--out', out, '--columns', '2', '--cell-width', '200', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return decode(out);
}

const samePixels = (a: Decoded, b: Decoded) => a.width === b.width && a.height === b.height && a.data.equals(b.data);

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  project = await makeProject(dir, []);
  await addPanel(['--scene', 'Mara climbs the lighthouse stairs', '--shot', 'WS']);
  await addPanel(['--scene', 'The lamp room at night', '--shot', 'CU', '--notes', 'Keep the lamp in frame']);
  await addPanel(['--scene', 'Storm over the rocks']);
});
afterAll(() => cleanup());

describe('contact sheet caption fields with no text on any panel', () => {
  it('leave no blank line under the cells: dialogue nobody speaks draws the sheet without it', async () => {
    const withDialogue = await sheet(['--captions', 'dialogue']);
    const without = await sheet(['--captions', 'none']);
    expect(samePixels(withDialogue, without)).toBe(true);
    // Only the empty field goes: shot is on every panel, notes on one, and both keep their lines.
    expect(samePixels(await sheet(['--captions', 'dialogue,shot,action,notes']), await sheet(['--captions', 'shot,notes']))).toBe(true);
  });

  it('keep their lines in every cell as soon as one exported panel has text, and go again when it is left out', async () => {
    await addPanel(['--scene', 'Mara at the door', '--dialogue', 'Who is there?']);
    const spoken = await sheet(['--captions', 'shot,dialogue']);
    const shotOnly = await sheet(['--captions', 'shot']);
    // Two rows of equal blocks, each taller than without dialogue by the same band.
    expect(spoken.height).toBeGreaterThan(shotOnly.height);
    expect((spoken.height - shotOnly.height) % 2).toBe(0);
    // The spoken line is under panel 4 (second row, right), and panel 3's cell beside it is the same height.
    const half = Math.floor(spoken.width / 2);
    const lowerBand = { top: spoken.height - Math.round((spoken.height - shotOnly.height) / 2) - 48, height: Math.round((spoken.height - shotOnly.height) / 2), width: half };
    expect(countDark(spoken, { left: half, ...lowerBand })).toBeGreaterThan(countDark(spoken, { left: 0, ...lowerBand }));
    // Exporting only the silent panels: no dialogue among them, so no dialogue line.
    expect(samePixels(await sheet(['--captions', 'shot,dialogue', '--panels', '1-3']), await sheet(['--captions', 'shot', '--panels', '1-3']))).toBe(true);
  });
});

/** Pixel widths of the images stored in a PDF, widest first (panel images, then the header thumbnail). */
async function storedImageWidths(file: string): Promise<number[]> {
  const doc = await PDFDocument.load(await readFile(file));
  return doc.context
    .enumerateIndirectObjects()
    .flatMap(([, object]) => (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image') ? [(object.dict.get(PDFName.of('Width')) as PDFNumber).asNumber()] : []))
    .sort((a, b) => b - a);
}

describe('PDF board grid when no panel has words under the technical line', () => {
  it('gives the blank word lines to the images, and keeps them for every cell once a panel has dialogue', async () => {
    const imported = await makeProject(dir, [], 'imported');
    await addPanel([], imported); // imported frames: no scene, dialogue or action
    await addPanel(['--shot', 'CU'], imported);
    const board = async (name: string) => {
      const out = path.join(dir, name);
      const result = await cli(['export', imported, '--format', 'pdf', '--out', out, '--layout', 'grid', '--per-page', '4', '--page', 'a4', '--orientation', 'landscape', '--dpi', '150']);
      expect(result.code, result.stderr).toBe(0);
      return (await storedImageWidths(out))[0] ?? 0;
    };
    const silent = await board('silent.pdf');
    await addPanel(['--dialogue', 'Who is there?'], imported);
    const spoken = await board('spoken.pdf');
    expect(silent).toBeGreaterThan(spoken);
    // Exactly the grid's geometry with the technical line only, and with the word lines too (16:9 project).
    const page = pageSizePt('a4', 'landscape');
    const width = (lines: number) => pixelsFor(gridCells(page, 4, 16 / 9, lines)[0]?.image ?? { x: 0, y: 0, width: 0, height: 0 }, 150).width;
    expect([silent, spoken]).toEqual([width(1), width(GRID_CAPTION_LINES)]);
  });
});
