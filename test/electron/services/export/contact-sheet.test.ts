import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportContactSheet, planContactSheet, renderPreview } from '../../../../electron/services/export/contact-sheet';
import type { ContactSheetInput, ContactSheetPanel } from '../../../../electron/services/export/input';
import { cellOrigin } from '../../../../electron/services/export/layout';
import type { ContactSheetOptionsInput } from '../../../../electron/services/export/options';
import { colourFor, countDark, countDifferent, decode, listDir, makeTempDir, near, pixelAt, removeDir, solidPng, type Decoded, type Rgb } from './helpers';

const WHITE: Rgb = [255, 255, 255];
let dir: string;
let images: string[];
let outCount = 0;

beforeAll(async () => {
  dir = await makeTempDir();
  images = await Promise.all(Array.from({ length: 30 }, (_, i) => solidPng(dir, `take-${i}.png`, colourFor(i))));
});

afterAll(async () => {
  await removeDir(dir);
});

function panels(count: number, extra: (i: number) => Partial<ContactSheetPanel> = () => ({})): ContactSheetPanel[] {
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, imagePath: images[i] ?? null, captions: {}, ...extra(i) }));
}

function input(list: ContactSheetPanel[], more: Partial<ContactSheetInput> = {}): ContactSheetInput {
  return { title: 'Lighthouse', date: '14 March 2026', panels: list, ...more };
}

/** A small grid with no text at all, so every position follows from the options alone. */
const BARE: ContactSheetOptionsInput = { cellWidth: 96, aspectRatio: '16:9', margin: 20, gutter: 10, columns: 3, header: false, panelNumbers: false, captions: [] };

async function exportTo(data: ContactSheetInput, options: ContactSheetOptionsInput, name = `sheet-${(outCount += 1)}.png`) {
  const outPath = path.join(dir, name);
  const result = await exportContactSheet(data, options, outPath);
  return { result, outPath, image: await decode(result.files[0] ?? '') };
}

const rect = (left: number, top: number, width: number, height: number) => ({ left, top, width, height });

describe('exportContactSheet grid', () => {
  it('places each panel in its cell, resized to the cell, on the background', async () => {
    const { result, image, outPath } = await exportTo(input(panels(7)), BARE);
    expect(result).toMatchObject({ files: [outPath], pages: 1, width: 20 * 2 + 3 * 96 + 2 * 10, height: 20 * 2 + 3 * 54 + 2 * 10, missingImages: [] });
    expect([image.width, image.height]).toEqual([result.width, result.height]);
    for (let i = 0; i < 7; i += 1) {
      const left = 20 + (i % 3) * 106;
      const top = 20 + Math.floor(i / 3) * 64;
      expect(countDifferent(image, rect(left, top, 96, 54), colourFor(i))).toBe(0);
    }
    expect(pixelAt(image, 20 + 96 + 5, 40)).toEqual(WHITE); // gutter
    expect(pixelAt(image, 5, 5)).toEqual(WHITE); // margin
    expect(countDifferent(image, rect(20 + 106, 20 + 128, 96 * 2 + 10, 54), WHITE, 0)).toBe(0); // empty cells of the last row
  });

  it('keeps the requested columns and draws a regular grid for any panel count', async () => {
    const { image } = await exportTo(input(panels(2)), { ...BARE, columns: 4 });
    expect(image.width).toBe(20 * 2 + 4 * 96 + 3 * 10);
    expect(near(pixelAt(image, 20 + 106 + 48, 47), colourFor(1))).toBe(true);
  });

  it('fills the cell with an image of another shape (cover) or letterboxes it (contain)', async () => {
    const square = await solidPng(dir, 'square.png', [200, 0, 0], 100, 100);
    const data = input([{ number: 1, imagePath: square, captions: {} }]);
    const cover = (await exportTo(data, { ...BARE, fit: 'cover' })).image;
    expect(countDifferent(cover, rect(20, 20, 96, 54), [200, 0, 0])).toBe(0);
    const contain = (await exportTo(data, { ...BARE, fit: 'contain' })).image;
    expect(pixelAt(contain, 22, 47)).toEqual(WHITE);
    expect(near(pixelAt(contain, 68, 47), [200, 0, 0])).toBe(true);
  });

  it('accepts grey, transparent, 16-bit and JPEG takes', async () => {
    const grey = path.join(dir, 'grey.png');
    await sharp({ create: { width: 160, height: 90, channels: 3, background: { r: 90, g: 90, b: 90 } } }).greyscale().png().toFile(grey);
    const clear = path.join(dir, 'clear.png');
    await sharp({ create: { width: 160, height: 90, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toFile(clear);
    const deep = path.join(dir, 'deep.png');
    await sharp({ create: { width: 160, height: 90, channels: 3, background: { r: 0, g: 120, b: 240 } } }).toColourspace('rgb16').png().toFile(deep);
    const jpeg = path.join(dir, 'photo.jpg');
    await sharp({ create: { width: 160, height: 90, channels: 3, background: { r: 240, g: 200, b: 0 } } }).jpeg({ quality: 100 }).toFile(jpeg);
    const list = [grey, clear, deep, jpeg].map((imagePath, i) => ({ number: i + 1, imagePath, captions: {} }));
    const { image, result } = await exportTo(input(list), { ...BARE, columns: 4 });
    expect(result.missingImages).toEqual([]);
    const expected: Rgb[] = [[90, 90, 90], WHITE, [0, 120, 240], [240, 200, 0]];
    expected.forEach((colour, i) => expect(near(pixelAt(image, 20 + i * 106 + 48, 47), colour, 4)).toBe(true));
  });
});

describe('exportContactSheet text', () => {
  const band = (image: Decoded, index: number, blockHeight: number) => rect(20 + (index % 3) * 106, 20 + 54, 96, blockHeight - 54);

  it('writes the chosen caption under its own cell and keeps every cell the same height', async () => {
    const long = 'The keeper climbs the spiral stairs while the storm batters the lamp room and the radio crackles all night long.';
    const dialogue = ['Who is there?', '', long];
    const options: ContactSheetOptionsInput = { ...BARE, captions: ['dialogue'], captionLines: 2 };
    const { image } = await exportTo(input(panels(3, (i) => ({ captions: { dialogue: dialogue[i] ?? '' } }))), options);
    const blockHeight = image.height - 40;
    expect(blockHeight).toBeGreaterThan(54 + 20);
    expect(countDark(image, band(image, 0, blockHeight))).toBeGreaterThan(20);
    expect(countDark(image, band(image, 1, blockHeight))).toBe(0);
    expect(countDark(image, band(image, 2, blockHeight))).toBeGreaterThan(countDark(image, band(image, 0, blockHeight)));
    expect(countDifferent(image, rect(0, image.height - 20, image.width, 20), WHITE, 0)).toBe(0); // nothing spills into the margin
    const short = await exportTo(input(panels(3, () => ({ captions: { dialogue: 'Hi' } }))), options);
    expect(short.image.height).toBe(image.height);
  });

  it('numbers every panel in its caption band', async () => {
    const { image } = await exportTo(input(panels(5)), { ...BARE, panelNumbers: true });
    const rows = 2;
    const blockHeight = (image.height - 40 - 10) / rows;
    for (let i = 0; i < 5; i += 1) {
      const top = 20 + Math.floor(i / 3) * (blockHeight + 10) + 54;
      expect(countDark(image, rect(20 + (i % 3) * 106, top, 96, blockHeight - 54))).toBeGreaterThan(10);
    }
  });

  it('draws a header with the character thumbnail, title and details above the grid', async () => {
    const thumb = await solidPng(dir, 'mara.png', [0, 128, 128], 64, 64);
    const data = input(panels(3), { character: { name: 'Mara Quinn', thumbnailPath: thumb } });
    const options = { ...BARE, header: true };
    const plan = await planContactSheet(data, options, path.join(dir, 'plan.png'));
    const { image } = await exportTo(data, options);
    const header = plan.layout.header;
    expect(header).not.toBeNull();
    if (!header) return;
    expect(near(pixelAt(image, 22, 22), [0, 128, 128])).toBe(true);
    expect(countDark(image, rect(20 + header.height + 4, 20, image.width - 40 - header.height - 4, header.height))).toBeGreaterThan(50);
    expect(plan.layout.gridTop).toBeGreaterThan(20 + header.height);
    expect(near(pixelAt(image, 20 + 48, plan.layout.gridTop + 27), colourFor(0))).toBe(true);
  });

  it('uses light ink on a dark background', async () => {
    const { image } = await exportTo(input(panels(3)), { ...BARE, background: '#101820', panelNumbers: true });
    expect(pixelAt(image, 5, 5)).toEqual([16, 24, 32]);
    let light = 0;
    for (let y = 20 + 54; y < image.height - 20; y += 1) for (let x = 20; x < 116; x += 1) if (pixelAt(image, x, y).every((c) => c > 180)) light += 1;
    expect(light).toBeGreaterThan(10);
  });
});

describe('exportContactSheet placeholders and selection', () => {
  it('draws a labelled placeholder for a panel without image and for an unreadable file', async () => {
    const list = panels(3, (i) => ({ imagePath: [images[0] ?? '', null, path.join(dir, 'gone.png')][i] ?? null }));
    const { image, result } = await exportTo(input(list), BARE);
    expect(result.withoutImage).toEqual([2]); // the dialog tells the artist which cells say "No image"
    expect(result.missingImages).toEqual([3]);
    expect(near(pixelAt(image, 21, 21), colourFor(0))).toBe(true);
    for (const index of [1, 2]) {
      const left = 20 + index * 106;
      const fill = pixelAt(image, left + 2, 22);
      expect(fill[0]).toBe(fill[1]);
      expect(fill[1]).toBe(fill[2]);
      expect(fill[0]).toBeGreaterThan(150);
      expect(fill[0]).toBeLessThan(250);
      expect(countDifferent(image, rect(left, 20, 96, 54), fill, 8)).toBeGreaterThan(20); // the label
    }
  });

  it('exports only the selected panels, in order, when asked', async () => {
    const list = panels(5, (i) => ({ selected: i === 1 || i === 3, ...(i === 2 ? { imagePath: null } : {}) }));
    const { image, result } = await exportTo(input(list), { ...BARE, selectedOnly: true });
    expect(result.withoutImage).toEqual([]); // panel 3 has no take but is not on this sheet
    expect(near(pixelAt(image, 68, 47), colourFor(1))).toBe(true);
    expect(near(pixelAt(image, 68 + 106, 47), colourFor(3))).toBe(true);
    expect(pixelAt(image, 68 + 212, 47)).toEqual(WHITE);
  });
});

describe('exportContactSheet pages', () => {
  it('splits onto A4 pages at 150 dpi named -p1, -p2 with every panel once, in order', async () => {
    const data = input(panels(30, (i) => ({ captions: { dialogue: `Line ${i + 1}` } })));
    const options: ContactSheetOptionsInput = { page: 'a4', columns: 4, margin: 40, gutter: 20, aspectRatio: '16:9', captions: ['dialogue'] };
    const outPath = path.join(dir, 'board.png');
    const plan = await planContactSheet(data, options, outPath);
    const progress: number[] = [];
    const result = await exportContactSheet(data, options, outPath, { onProgress: (p) => progress.push(p.done) });
    expect(result.pages).toBeGreaterThan(1);
    expect(result.files).toEqual(Array.from({ length: result.pages }, (_, i) => path.join(dir, `board-p${i + 1}.png`)));
    expect(plan.files).toEqual(result.files);
    expect(progress.at(-1)).toBe(30);
    const { layout } = plan;
    for (const [page, file] of result.files.entries()) {
      const image = await decode(file);
      expect([image.width, image.height]).toEqual([1240, 1754]);
      const onPage = Math.min(layout.panelsPerPage, 30 - page * layout.panelsPerPage);
      for (let i = 0; i < onPage; i += 1) {
        const { left, top } = cellOrigin(layout, i);
        const expected = colourFor(page * layout.panelsPerPage + i);
        expect(near(pixelAt(image, left + layout.cellWidth / 2, top + layout.imageHeight / 2), expected)).toBe(true);
      }
      expect(countDark(image, rect(0, 1754 - 40, 1240, 40))).toBe(0); // the bottom margin stays empty
    }
    expect((await listDir(dir)).includes('board.png')).toBe(false);
  });

  it('gives landscape Letter at 300 dpi its exact page size', async () => {
    const result = await exportContactSheet(input(panels(2)), { page: 'letter', orientation: 'landscape', dpi: 300 }, path.join(dir, 'wide.png'));
    const meta = await sharp(result.files[0] ?? '').metadata();
    expect([meta.width, meta.height, result.width, result.height]).toEqual([3300, 2550, 3300, 2550]);
  });

  it('builds a long sheet in bands with exactly the same pixels', async () => {
    const data = input(panels(9, (i) => ({ captions: { dialogue: `Panel line ${i}` } })));
    const options: ContactSheetOptionsInput = { ...BARE, columns: 2, header: true, panelNumbers: true, captions: ['dialogue'] };
    const whole = await exportContactSheet(data, options, path.join(dir, 'whole.png'));
    const bands = await exportContactSheet(data, options, path.join(dir, 'bands.png'), { bandBudgetBytes: 40_000 });
    const [a, b] = await Promise.all([decode(whole.files[0] ?? ''), decode(bands.files[0] ?? '')]);
    expect(a.width * a.height * 3).toBeGreaterThan(40_000 * 5); // really several bands, cutting through cells
    expect([b.width, b.height]).toEqual([a.width, a.height]);
    expect(b.data.equals(a.data)).toBe(true);
  });
});

describe('renderPreview', () => {
  it('renders page 1 of a paged sheet scaled to the requested width', async () => {
    const png = await renderPreview(input(panels(30)), { page: 'a4', columns: 4 }, { maxWidth: 310 });
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(310);
    expect(meta.height).toBe(Math.round((310 * 1754) / 1240));
  });

  it('gives the same picture when memory forces it to be built in bands', async () => {
    const data = input(panels(12));
    const options: ContactSheetOptionsInput = { page: 'a4', columns: 3, captions: [] };
    const whole = await decode(await renderPreview(data, options, { maxWidth: 300 }));
    const banded = await decode(await renderPreview(data, options, { maxWidth: 300 }, { bandBudgetBytes: 1240 * 3 * 200 }));
    expect([banded.width, banded.height]).toEqual([whole.width, whole.height]);
    let difference = 0;
    for (let i = 0; i < whole.data.length; i += 1) difference += Math.abs((whole.data[i] ?? 0) - (banded.data[i] ?? 0));
    expect(difference / whole.data.length).toBeLessThan(1); // only resampling seams at band edges
  });

  it('shows the page asked for with its own panels, and the last page when asked past it', async () => {
    const data = input(panels(30));
    const options: ContactSheetOptionsInput = { page: 'a4', columns: 2, captions: [] };
    const { layout, pages } = await planContactSheet(data, options, path.join(dir, 'paged.png'));
    expect(pages).toBeGreaterThan(2);
    const scale = 310 / layout.pageWidth;
    const firstCell = (image: Decoded) => pixelAt(image, Math.round((layout.gridLeft + layout.cellWidth / 2) * scale), Math.round((layout.gridTop + layout.imageHeight / 2) * scale));
    const second = await decode(await renderPreview(data, options, { maxWidth: 310, page: 1 }));
    expect(near(firstCell(second), colourFor(layout.panelsPerPage))).toBe(true);
    const pastTheEnd = await decode(await renderPreview(data, options, { maxWidth: 310, page: 99 }));
    expect(near(firstCell(pastTheEnd), colourFor((pages - 1) * layout.panelsPerPage))).toBe(true);
  });

  it('shows the top of a long unpaged sheet, drawn like the export', async () => {
    const data = input(panels(30));
    const png = await renderPreview(data, BARE, { maxWidth: 500 });
    const image = await decode(png);
    expect(image.width).toBe(348);
    expect(image.height).toBeLessThanOrEqual(Math.round(348 * Math.SQRT2));
    expect(near(pixelAt(image, 68, 47), colourFor(0))).toBe(true);
  });
});
