import { mkdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportContactSheet, planContactSheet } from '../../../../electron/services/export/contact-sheet';
import type { ContactSheetInput } from '../../../../electron/services/export/input';
import type { ContactSheetOptionsInput } from '../../../../electron/services/export/options';
import { colourFor, listDir, makeTempDir, removeDir, solidPng, failure } from './helpers';

let assets: string;
let out: string;
let data: ContactSheetInput;
let outCount = 0;
const SMALL: ContactSheetOptionsInput = { cellWidth: 64, columns: 2, margin: 8, gutter: 4 };
/** Two rows of six tall cells per A4 page: 3 pages for the 30 panels below. */
const PAGED: ContactSheetOptionsInput = { page: 'a4', columns: 6, margin: 10, gutter: 4, captions: [], header: false, panelNumbers: false, aspectRatio: '1:4' };

beforeAll(async () => {
  assets = await makeTempDir('castboard-export-assets-');
  const images = await Promise.all(Array.from({ length: 4 }, (_, i) => solidPng(assets, `t${i}.png`, colourFor(i), 96, 54)));
  data = { title: 'T', date: 'today', panels: Array.from({ length: 30 }, (_, i) => ({ number: i + 1, imagePath: images[i % 4] ?? null, captions: { dialogue: 'Hello' } })) };
});

beforeEach(async () => {
  out = path.join(assets, `out-${(outCount += 1)}`);
  await mkdir(out);
});

afterAll(async () => {
  await removeDir(assets);
});

describe('exportContactSheet refuses bad requests and writes nothing', () => {
  it.each([
    ['columns 0', { columns: 0 }, 'EXPORT_INVALID_OPTIONS', /Columns must be at least 1/],
    ['an unknown caption field', { captions: ['dialogue', 'mood'] }, 'EXPORT_INVALID_OPTIONS', /Unknown caption field/],
    ['too many columns for the page', { page: 'a4', columns: 12, margin: 400 }, 'EXPORT_INVALID_OPTIONS', /do not fit/],
  ] as const)('%s', async (_name, options, code, message) => {
    const error = await failure(exportContactSheet(data, options as ContactSheetOptionsInput, path.join(out, 'sheet.png')));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await listDir(out)).toEqual([]);
  });

  it('a project without panels (EXPORT_EMPTY)', async () => {
    const error = await failure(exportContactSheet({ ...data, panels: [] }, SMALL, path.join(out, 'sheet.png')));
    expect(error.code).toBe('EXPORT_EMPTY');
    expect(error.message).toMatch(/no panels/);
    expect(await listDir(out)).toEqual([]);
  });

  it('"selected panels only" with nothing selected (EXPORT_EMPTY)', async () => {
    const error = await failure(exportContactSheet(data, { ...SMALL, selectedOnly: true }, path.join(out, 'sheet.png')));
    expect(error.code).toBe('EXPORT_EMPTY');
    expect(error.message).toMatch(/No panels are selected/);
  });

  it('a folder that does not exist (EXPORT_WRITE_FAILED)', async () => {
    const error = await failure(exportContactSheet(data, SMALL, path.join(out, 'missing', 'sheet.png')));
    expect(error.code).toBe('EXPORT_WRITE_FAILED');
    expect(error.message).toMatch(/does not exist/);
    expect(await listDir(out)).toEqual([]);
  });

  it('a "folder" that is a file (EXPORT_WRITE_FAILED)', async () => {
    await writeFile(path.join(out, 'notes.txt'), 'x');
    const error = await failure(exportContactSheet(data, SMALL, path.join(out, 'notes.txt', 'sheet.png')));
    expect(error.code).toBe('EXPORT_WRITE_FAILED');
    expect(await listDir(out)).toEqual(['notes.txt']);
  });

  it('a file name that is not .png (EXPORT_INVALID_OPTIONS)', async () => {
    const error = await failure(exportContactSheet(data, SMALL, path.join(out, 'sheet.jpg')));
    expect(error.code).toBe('EXPORT_INVALID_OPTIONS');
    expect(error.message).toMatch(/ending in \.png/);
  });
});

describe('exportContactSheet never replaces files silently', () => {
  it('stops when the sheet exists, leaving it untouched, and replaces it only with overwrite', async () => {
    const target = path.join(out, 'sheet.png');
    await writeFile(target, 'older sheet');
    const error = await failure(exportContactSheet(data, SMALL, target));
    expect(error.code).toBe('EXPORT_WRITE_FAILED');
    expect(error.message).toMatch(/sheet\.png already exists.*confirm replacing/);
    expect(await readFile(target, 'utf8')).toBe('older sheet');
    expect(await listDir(out)).toEqual(['sheet.png']);

    await exportContactSheet(data, SMALL, target, { overwrite: true });
    expect((await readFile(target)).subarray(1, 4).toString()).toBe('PNG');
    expect(await listDir(out)).toEqual(['sheet.png']);
  });

  it('checks every page name of a paged export', async () => {
    await writeFile(path.join(out, 'board-p2.png'), 'older page');
    const plan = await planContactSheet(data, PAGED, path.join(out, 'board.png'));
    expect(plan.existing).toEqual([path.join(out, 'board-p2.png')]);
    const error = await failure(exportContactSheet(data, PAGED, path.join(out, 'board.png')));
    expect(error.message).toMatch(/board-p2\.png already exists/);
    expect(await listDir(out)).toEqual(['board-p2.png']);
  });
});

describe('exportContactSheet leaves no partial output', () => {
  it('cancelled half-way: CANCELLED, no page and no temp file left', async () => {
    const controller = new AbortController();
    const error = await failure(
      exportContactSheet(data, PAGED, path.join(out, 'board.png'), {
        signal: controller.signal,
        onProgress: ({ page }) => {
          if (page === 2) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('CANCELLED');
    expect(await listDir(out)).toEqual([]);
  });

  it('a name taken while exporting fails the whole export, not just that page', async () => {
    const error = await failure(
      exportContactSheet(data, PAGED, path.join(out, 'board.png'), {
        onProgress: ({ page, done }) => {
          if (page === 2 && done === 13) mkdirSync(path.join(out, 'board-p2.png'));
        },
      }),
    );
    expect(error.code).toBe('EXPORT_WRITE_FAILED');
    expect(await listDir(out)).toEqual(['board-p2.png']);
  });

  it('an already aborted signal does nothing', async () => {
    const error = await failure(exportContactSheet(data, SMALL, path.join(out, 'sheet.png'), { signal: AbortSignal.abort() }));
    expect(error.code).toBe('CANCELLED');
    expect(await listDir(out)).toEqual([]);
  });
});
