/**
 * The export dialog's picture of a page of the PDF board: the page's shape, each panel's image in
 * its cell of the board's own layout, placeholders, and captions only when the board has them.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridCells, pageSizePt, type Box } from '../../../../electron/services/export/pdf-layout';
import { renderPdfPreview } from '../../../../electron/services/export/pdf-preview';
import { productionProject, type ProductionFixture } from './production-kit';

let fixture: ProductionFixture;
beforeAll(async () => {
  fixture = await productionProject(5, '1,2,4');
});
afterAll(() => fixture.cleanup());

const OPTIONS = { page: 'a4', orientation: 'landscape', dpi: 150, layout: 'grid', perPage: 4, aspect: 16 / 9 } as const;
const WIDTH = 800;

/** Mean RGB of a box of the page (PDF points, origin bottom-left) in the preview. */
async function meanIn(png: Buffer, box: Box, scale: number, pageHeight: number): Promise<number[]> {
  const region = { left: Math.round(box.x * scale) + 2, top: Math.round((pageHeight - box.y - box.height) * scale) + 2, width: Math.round(box.width * scale) - 4, height: Math.round(box.height * scale) - 4 };
  // stats() reads its input, not the pipeline's result: cut the region out first.
  const cut = await sharp(png).extract(region).removeAlpha().png().toBuffer();
  const { channels } = await sharp(cut).stats();
  return channels.map((channel) => channel.mean);
}

async function panelMean(index: number): Promise<number[]> {
  const bytes = await fixture.input.readImage(fixture.input.panels[index]?.imagePath ?? '');
  return (await sharp(bytes).removeAlpha().stats()).channels.map((channel) => channel.mean);
}

const distance = (a: number[], b: number[]) => Math.max(...a.map((value, index) => Math.abs(value - (b[index] ?? 0))));

describe('PDF board preview', () => {
  it('draws page 1 of the board: the panels in their cells, a placeholder, captions under each', async () => {
    const preview = await renderPdfPreview(fixture.input, OPTIONS, { maxWidth: WIDTH });
    expect(preview.pages).toBe(2); // 5 panels, 4 a page
    const page = pageSizePt('a4', 'landscape');
    const meta = await sharp(preview.png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: WIDTH, height: Math.round((page.height * WIDTH) / page.width) });
    const scale = WIDTH / page.width;
    const cells = gridCells(page, 4, 16 / 9);
    for (const index of [0, 1, 3]) {
      expect(distance(await meanIn(preview.png, cells[index]?.image as Box, scale, page.height), await panelMean(index))).toBeLessThan(12);
    }
    expect(distance(await meanIn(preview.png, cells[2]?.image as Box, scale, page.height), [235, 235, 235])).toBeLessThan(12); // panel 3: no image yet
    const caption = await meanIn(preview.png, cells[0]?.caption as Box, scale, page.height);
    expect(Math.min(...caption)).toBeLessThan(250); // ink on the white page
  });

  it('draws the page asked for, and the last page when asked past it', async () => {
    const page = pageSizePt('a4', 'landscape');
    const scale = WIDTH / page.width;
    const cells = gridCells(page, 4, 16 / 9);
    for (const asked of [1, 7]) {
      const preview = await renderPdfPreview(fixture.input, OPTIONS, { maxWidth: WIDTH, page: asked });
      expect([preview.page, preview.pages]).toEqual([1, 2]);
      // Page 2 holds panel 5 alone (no image yet); the next cell is bare paper.
      expect(distance(await meanIn(preview.png, cells[0]?.image as Box, scale, page.height), [235, 235, 235])).toBeLessThan(12);
      expect(Math.min(...(await meanIn(preview.png, cells[1]?.image as Box, scale, page.height)))).toBeGreaterThan(253);
    }
  });

  it('without captions the images take the caption room and nothing is written under them', async () => {
    const preview = await renderPdfPreview(fixture.input, { ...OPTIONS, captions: false }, { maxWidth: WIDTH });
    const page = pageSizePt('a4', 'landscape');
    const scale = WIDTH / page.width;
    const [withCaptions, without] = [gridCells(page, 4, 16 / 9), gridCells(page, 4, 16 / 9, 0)];
    expect(without[0]?.image.width).toBeGreaterThan(withCaptions[0]?.image.width ?? 0);
    expect(distance(await meanIn(preview.png, without[0]?.image as Box, scale, page.height), await panelMean(0))).toBeLessThan(12);
    // Below the last row there is only paper.
    const bottom = without[3]?.image as Box;
    const below = { x: bottom.x, y: 40, width: bottom.width, height: Math.max(4, bottom.y - 44) };
    expect(Math.min(...(await meanIn(preview.png, below, scale, page.height)))).toBeGreaterThan(253);
  });
});
