/**
 * Images into panels through the app's own channel (real dispatcher, workspace, image gate and
 * files on disk): PNG, JPEG and WebP become an `imported` take that is the panel's active image
 * and costs nothing; a pixel bomb, an SVG, a PDF and a truncated file are refused with the file's
 * name and leave the project exactly as it was; the same image twice is stored once.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { noisyPng, solidJpeg, solidPng, solidWebp } from '../../fakes/gateway/test-images';
import { gatewayWith, onDisk, rig, storyboard, tempDir, type Rig } from './support/app-rig';

/** A real PNG whose header claims 30,000 x 30,000 pixels (900 MP): what a decompression bomb looks like. */
async function pixelBomb(): Promise<Buffer> {
  const png = Buffer.from(await solidPng(8, 8));
  png.writeUInt32BE(30_000, 16);
  png.writeUInt32BE(30_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function importBytes(r: Rig, panelId: string, fileName: string, bytes: Buffer) {
  return r.call('project:importPanelImage', { source: 'bytes', origin: 'imported', panelId, fileName, base64: bytes.toString('base64') });
}

async function imageFiles(root: string): Promise<string[]> {
  return (await readdir(path.join(root, 'images'))).sort();
}

describe('importing images into panels', () => {
  it.each([
    ['PNG', 'layout.png', () => solidPng(48, 27)],
    ['JPEG', 'photo.jpg', () => solidJpeg(48, 27)],
    ['WebP', 'frame.webp', () => solidWebp(48, 27)],
  ])('a %s file becomes the active, free, imported take of the panel', async (_format, fileName, make) => {
    const r = rig(await gatewayWith());
    const { root, project } = await storyboard(r, await tempDir(), 2);
    const panelId = project.panels[1]?.id ?? '';
    const added = (await importBytes(r, panelId, fileName, await make())) as { activeTakeId: string; takes: Array<{ id: string }> };
    await r.services.workspace.save();
    const saved = (await onDisk(root)).panels[1];
    expect(saved?.activeTakeId).toBe(added.activeTakeId);
    expect(saved?.takes).toEqual([expect.objectContaining({ id: added.activeTakeId, origin: 'imported', fileName, costCents: 0, width: 48, height: 27 })]);
    const stored = await readFile(path.join(root, saved?.takes[0]?.image ?? ''));
    expect(stored.subarray(1, 4).toString()).toBe('PNG');
  });

  it.each([
    ['a pixel bomb', 'bomb.png', pixelBomb, 'IMAGE_TOO_LARGE'],
    ['an SVG', 'drawing.svg', () => Promise.resolve(SVG), 'IMAGE_INVALID'],
    ['a PDF', 'boards.pdf', () => Promise.resolve(PDF), 'IMAGE_INVALID'],
    ['a truncated file', 'cut-off.png', async () => (await noisyPng(200, 200)).subarray(0, 3000), 'IMAGE_INVALID'],
  ])('refuses %s, naming the file, and writes nothing', async (_what, fileName, make, code) => {
    const r = rig(await gatewayWith());
    const { root, project } = await storyboard(r, await tempDir(), 1);
    await r.services.workspace.save();
    const before = await readFile(path.join(root, 'project.json'), 'utf8');
    const imagesBefore = await imageFiles(root);
    await expect(importBytes(r, project.panels[0]?.id ?? '', fileName, await make())).rejects.toMatchObject({ code, message: expect.stringContaining(`"${fileName}"`) });
    await r.services.workspace.save();
    expect(await readFile(path.join(root, 'project.json'), 'utf8')).toBe(before);
    expect(await imageFiles(root)).toEqual(imagesBefore);
  });

  it('stores the same image once, however often it is imported', async () => {
    const r = rig(await gatewayWith());
    const { root, project } = await storyboard(r, await tempDir(), 2);
    const imagesBefore = await imageFiles(root);
    const png = await noisyPng(64, 36);
    await importBytes(r, project.panels[0]?.id ?? '', 'a.png', png);
    await importBytes(r, project.panels[1]?.id ?? '', 'a-again.png', png);
    await r.services.workspace.save();
    expect(await imageFiles(root)).toHaveLength(imagesBefore.length + 1);
    const [first, second] = (await onDisk(root)).panels.map((panel) => panel.takes[0]?.image);
    expect(first).toBe(second);
  });

  it('keeps only the file name, never the folders it came from', async () => {
    const r = rig(await gatewayWith());
    const { root, project } = await storyboard(r, await tempDir(), 1);
    await importBytes(r, project.panels[0]?.id ?? '', '/home/ana/private/rough.png', await solidPng(16, 9));
    await r.services.workspace.save();
    expect((await onDisk(root)).panels[0]?.takes[0]?.fileName).toBe('rough.png');
  });

  it('lays a sketch drawn over a take onto that take, and links it', async () => {
    const r = rig(await gatewayWith());
    const { root, project } = await storyboard(r, await tempDir(), 1);
    const panelId = project.panels[0]?.id ?? '';
    const base = (await importBytes(r, panelId, 'photo.png', await solidPng(64, 36, { r: 200, g: 20, b: 20 }))) as { activeTakeId: string };
    // Strokes on a transparent canvas at twice the size: a black bar across the top, the rest clear.
    const strokes = await sharp({ create: { width: 128, height: 72, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: { create: { width: 128, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } }, top: 0, left: 0 }])
      .png()
      .toBuffer();
    await r.call('project:importPanelImage', { source: 'bytes', origin: 'sketch', panelId, fileName: 'panel-1-sketch.png', base64: strokes.toString('base64'), baseTakeId: base.activeTakeId });
    await r.services.workspace.save();
    const sketch = (await onDisk(root)).panels[0]?.takes[1];
    expect(sketch).toMatchObject({ origin: 'sketch', sourceTakeId: base.activeTakeId, width: 128, height: 72 });
    const { data, info } = await sharp(await readFile(path.join(root, sketch?.image ?? ''))).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    expect(pixel(64, 2)).toEqual([0, 0, 0]);
    expect(pixel(64, 50)).toEqual([200, 20, 20]);
  });

  it('refuses a sketch over a take the panel no longer has, naming the pad\'s buttons, and adds nothing', async () => {
    const r = rig(await gatewayWith());
    const { root, project } = await storyboard(r, await tempDir(), 2);
    const [first, second] = project.panels.map((panel) => panel.id);
    // A take of panel 2 is not one panel 1 can be drawn over.
    const elsewhere = (await importBytes(r, second ?? '', 'photo.png', await solidPng(64, 36))) as { activeTakeId: string };
    await r.services.workspace.save();
    const before = await readFile(path.join(root, 'project.json'), 'utf8');
    const strokes = await solidPng(128, 72);
    await expect(
      r.call('project:importPanelImage', { source: 'bytes', origin: 'sketch', panelId: first, fileName: 'panel-1-sketch.png', base64: strokes.toString('base64'), baseTakeId: elsewhere.activeTakeId }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '"panel-1-sketch.png": The take this sketch was drawn over is no longer in the panel. Your strokes are kept: Use sketch again puts them on plain paper, or choose "Draw over the take on the board" first.',
    });
    await r.services.workspace.save();
    expect(await readFile(path.join(root, 'project.json'), 'utf8')).toBe(before);
  });
});
