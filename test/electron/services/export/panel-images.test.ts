import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPanelImage, exportPanelImages, type PanelImageSource } from '../../../../electron/services/export/panel-images';
import { colourFor, listDir, makeTempDir, removeDir, solidPng, failure } from './helpers';

let dir: string;
let takes: string[];
let jpeg: string;
let folderCount = 0;

beforeAll(async () => {
  dir = await makeTempDir('castboard-panels-');
  takes = await Promise.all([0, 1, 2].map((i) => solidPng(dir, `take-${i}.png`, colourFor(i), 320, 180)));
  jpeg = path.join(dir, 'take.jpg');
  await sharp({ create: { width: 300, height: 200, channels: 3, background: '#336699' } }).jpeg().toFile(jpeg);
});

afterAll(async () => {
  await removeDir(dir);
});

async function freshFolder(): Promise<string> {
  const folder = path.join(dir, `out-${(folderCount += 1)}`);
  await mkdir(folder);
  return folder;
}

const panels = (): PanelImageSource[] => [
  { number: 1, imagePath: takes[0] ?? null, fileName: '001-dawn.png' },
  { number: 2, imagePath: null, fileName: '002-dusk.png' },
  { number: 7, imagePath: jpeg, selected: true, fileName: '007-harbour.png' },
  { number: 12, imagePath: takes[2] ?? null, selected: true, fileName: '012-lamp-room.png' },
];

describe('exportPanelImages', () => {
  it('writes every active take under its file name at full size and reports panels without image', async () => {
    const folder = await freshFolder();
    const progress: number[] = [];
    const result = await exportPanelImages(panels(), folder, { onProgress: ({ done }) => progress.push(done) });
    expect(result.files).toEqual(['001-dawn.png', '007-harbour.png', '012-lamp-room.png'].map((name) => path.join(folder, name)));
    expect(result).toMatchObject({ withoutImage: [2], missingImages: [] });
    expect(await listDir(folder)).toEqual(['001-dawn.png', '007-harbour.png', '012-lamp-room.png']);
    expect((await readFile(path.join(folder, '001-dawn.png'))).equals(await readFile(takes[0] ?? ''))).toBe(true);
    const converted = await sharp(path.join(folder, '007-harbour.png')).metadata();
    expect([converted.format, converted.width, converted.height]).toEqual(['png', 300, 200]);
    expect(progress.sort()).toEqual([1, 2, 3]);
  });

  it('exports only the selected panels when asked', async () => {
    const folder = await freshFolder();
    await exportPanelImages(panels(), folder, { selectedOnly: true });
    expect(await listDir(folder)).toEqual(['007-harbour.png', '012-lamp-room.png']);
  });

  it('stops before writing anything when a file exists, and replaces only with overwrite', async () => {
    const folder = await freshFolder();
    await writeFile(path.join(folder, '007-harbour.png'), 'keep me');
    const error = await failure(exportPanelImages(panels(), folder));
    expect(error.code).toBe('EXPORT_WRITE_FAILED');
    expect(error.message).toMatch(/007-harbour\.png already exists/);
    expect(await listDir(folder)).toEqual(['007-harbour.png']);
    expect(await readFile(path.join(folder, '007-harbour.png'), 'utf8')).toBe('keep me');

    await exportPanelImages(panels(), folder, { overwrite: true });
    expect(await listDir(folder)).toEqual(['001-dawn.png', '007-harbour.png', '012-lamp-room.png']);
    expect((await readFile(path.join(folder, '007-harbour.png'))).subarray(1, 4).toString()).toBe('PNG');
  });

  it('skips and reports a take whose file cannot be read', async () => {
    const folder = await freshFolder();
    const result = await exportPanelImages([...panels(), { number: 20, imagePath: path.join(dir, 'gone.png'), fileName: '020-gone.png' }], folder);
    expect(result.missingImages).toEqual([20]);
    expect(result.imageProblems).toEqual([{ panel: 20, message: expect.stringContaining('gone.png') }]);
    expect(await listDir(folder)).toEqual(['001-dawn.png', '007-harbour.png', '012-lamp-room.png']);
  });

  it.each<[string, PanelImageSource[], string]>([
    ['no panels', [], 'EXPORT_EMPTY'],
    ['no panel with an image', [{ number: 1, imagePath: null, fileName: '001-a.png' }], 'EXPORT_EMPTY'],
    ['two panels with one number', [{ number: 3, imagePath: 'a.png', fileName: '003-a.png' }, { number: 3, imagePath: 'b.png', fileName: '003-b.png' }], 'EXPORT_INVALID_OPTIONS'],
  ])('refuses %s', async (_name, list, code) => {
    const folder = await freshFolder();
    const error = await failure(exportPanelImages(list, folder));
    expect(error.code).toBe(code);
    expect(await listDir(folder)).toEqual([]);
  });

  it('creates a folder that does not exist yet, with its missing parents', async () => {
    const folder = path.join(dir, 'new', 'day 3', 'panels');
    const result = await exportPanelImages(panels(), folder);
    expect(result.files).toEqual(['001-dawn.png', '007-harbour.png', '012-lamp-room.png'].map((name) => path.join(folder, name)));
    expect(await listDir(folder)).toEqual(['001-dawn.png', '007-harbour.png', '012-lamp-room.png']);
  });

  it('removes the folders it created when it writes nothing (cancelled, or no image readable)', async () => {
    const controller = new AbortController();
    const cancelled = await failure(exportPanelImages(panels(), path.join(dir, 'gone', 'a', 'b'), { signal: controller.signal, onProgress: () => controller.abort() }));
    expect(cancelled.code).toBe('CANCELLED');
    const unreadable = [{ number: 1, imagePath: path.join(dir, 'deleted.png'), fileName: '001-dawn.png' }];
    expect((await failure(exportPanelImages(unreadable, path.join(dir, 'gone', 'c')))).code).toBe('EXPORT_EMPTY');
    expect(await listDir(dir)).not.toContain('gone');
  });

  it('cancelled: CANCELLED and no file or temp file left', async () => {
    const folder = await freshFolder();
    const controller = new AbortController();
    const error = await failure(exportPanelImages(panels(), folder, { signal: controller.signal, onProgress: () => controller.abort() }));
    expect(error.code).toBe('CANCELLED');
    expect(await listDir(folder)).toEqual([]);
  });
});

describe('exportPanelImage', () => {
  it('writes one take, then refuses to replace it unless asked', async () => {
    const folder = await freshFolder();
    const target = path.join(folder, 'hero.png');
    expect(await exportPanelImage(takes[1] ?? '', target)).toBe(target);
    expect((await readFile(target)).equals(await readFile(takes[1] ?? ''))).toBe(true);
    const error = await failure(exportPanelImage(takes[0] ?? '', target));
    expect(error.code).toBe('EXPORT_WRITE_FAILED');
    await exportPanelImage(takes[0] ?? '', target, { overwrite: true });
    expect((await readFile(target)).equals(await readFile(takes[0] ?? ''))).toBe(true);
    expect(await listDir(folder)).toEqual(['hero.png']);
  });

  it('refuses a name that is not .png and a take that cannot be read', async () => {
    const folder = await freshFolder();
    expect((await failure(exportPanelImage(takes[0] ?? '', path.join(folder, 'hero.jpg')))).code).toBe('EXPORT_INVALID_OPTIONS');
    expect((await failure(exportPanelImage(path.join(dir, 'gone.png'), path.join(folder, 'hero.png')))).code).toBe('PROJECT_IMAGE_MISSING');
    expect(await listDir(folder)).toEqual([]);
  });
});
