import { readFile, readdir } from 'node:fs/promises';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPdfBoard } from '../../../../electron/services/export/pdf-board';
import { cli } from '../../cli/cli-kit';
import { outPath, productionProject, type ProductionFixture } from './production-kit';

let fixture: ProductionFixture;
beforeAll(async () => {
  fixture = await productionProject(5, '1-3');
});
afterAll(() => fixture.cleanup());

/** Image XObjects stored in the file (each embedded image is one). */
async function storedImages(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes);
  return doc.context.enumerateIndirectObjects().filter(([, object]) => object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')).length;
}

/** The text of each page as a PDF reader extracts it. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const texts: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return texts;
}

describe('PDF board', () => {
  it('lays 2 panels per page on A4 landscape with a header, real captions and placeholders (CLI)', async () => {
    const file = outPath(fixture, 'board.pdf');
    const result = await cli(['export', fixture.project, '--format', 'pdf', '--out', file, '--page', 'a4', '--orientation', 'landscape', '--per-page', '2', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Panels without an image yet: 4, 5');
    const bytes = await readFile(file);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(3);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    const texts = await pageTexts(bytes);
    expect(texts[0]).toContain('The Lighthouse');
    expect(texts[0]).toContain('Page 1 of 3');
    expect(texts[0]).toContain('Mara');
    expect(texts[0]).toMatch(/\d{1,2} [A-Z][a-z]+ 20\d\d/);
    expect(texts[2]).toContain('No image yet');
    expect(texts.join(' ')).toContain('Ça va, Mara?');
    expect(texts[1]).toContain('Close-up');
    // three panel images + the character thumbnail, drawn on every page but stored once
    expect(await storedImages(bytes)).toBe(4);
  });

  it('stores a take used by two panels once, and prints the shooting board on Letter portrait at 300 dpi', async () => {
    const [first, second] = fixture.input.panels;
    const shared = { ...fixture.input, panels: [first!, { ...second!, imagePath: first!.imagePath }] };
    const file = outPath(fixture, 'shooting.pdf');
    const result = await exportPdfBoard(shared, { page: 'letter', orientation: 'portrait', dpi: 300, layout: 'shooting', perPage: 1, aspect: 16 / 9 }, file);
    expect(result).toMatchObject({ pages: 2, images: 1 });
    const bytes = await readFile(file);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getPage(1).getSize()).toEqual({ width: 612, height: 792 });
    expect(await storedImages(bytes)).toBe(2);
    const texts = await pageTexts(bytes);
    expect(texts[1]).toContain('Panel 2');
    expect(texts[1]).toContain('Dialogue');
  });

  it('at 300 dpi embeds more pixels than at 150 dpi', async () => {
    const options = { page: 'a4', orientation: 'portrait', layout: 'grid', perPage: 6, aspect: 16 / 9 } as const;
    const low = await exportPdfBoard(fixture.input, { ...options, dpi: 150 }, outPath(fixture, 'low.pdf'));
    const high = await exportPdfBoard(fixture.input, { ...options, dpi: 300 }, outPath(fixture, 'high.pdf'));
    const widthOf = async (file: string) => {
      const doc = await PDFDocument.load(await readFile(file));
      const images = doc.context.enumerateIndirectObjects().map(([, object]) => object).filter((object): object is PDFRawStream => object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
      return Math.max(...images.map((image) => Number(image.dict.get(PDFName.of('Width'))?.toString())));
    };
    const [lowWidth, highWidth] = [await widthOf(low.file), await widthOf(high.file)];
    expect(highWidth).toBeGreaterThan(lowWidth * 1.9);
  });

  it('without captions prints no caption text, only the header (CLI --no-captions)', async () => {
    const file = outPath(fixture, 'bare.pdf');
    const result = await cli(['export', fixture.project, '--format', 'pdf', '--out', file, '--per-page', '6', '--no-captions']);
    expect(result.code).toBe(0);
    const [text = ''] = await pageTexts(await readFile(file));
    expect(text).toContain('The Lighthouse');
    expect(text).not.toContain('Ça va, Mara?');
    expect(text).not.toContain('Wide shot');
    expect(text).toContain('No image yet'); // placeholders still say why a cell is empty
  });

  it('cancel writes nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const before = await readdir(fixture.dir);
    await expect(exportPdfBoard(fixture.input, { page: 'a4', orientation: 'portrait', dpi: 150, layout: 'grid', perPage: 6, aspect: 16 / 9 }, outPath(fixture, 'cancelled.pdf'), { signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await readdir(fixture.dir)).toEqual(before);
  });
});
