import { describe, expect, it } from 'vitest';
import { drawPiece, planBands, renderBand, type Piece } from '../../../../electron/services/export/compose';

const rgb = (width: number, height: number, colour: [number, number, number]): Buffer => {
  const data = Buffer.alloc(width * height * 3);
  data.fill(Buffer.from(colour));
  return data;
};

const at = (data: Buffer, width: number, x: number, y: number) => [...data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)];

describe('planBands', () => {
  it('covers the page with contiguous bands within the budget', () => {
    const bands = planBands(100, 1000, 100 * 3 * 300);
    expect(bands).toEqual([
      { top: 0, height: 300 },
      { top: 300, height: 300 },
      { top: 600, height: 300 },
      { top: 900, height: 100 },
    ]);
  });

  it('uses one band when the page fits, and at least one row per band', () => {
    expect(planBands(100, 50, 10 ** 9)).toEqual([{ top: 0, height: 50 }]);
    expect(planBands(100, 3, 1)).toHaveLength(3);
  });
});

describe('drawPiece', () => {
  it('copies an RGB piece and clips it to the band and page edges', () => {
    const band = { top: 10, height: 10 };
    const target = rgb(20, 10, [255, 255, 255]);
    const piece: Piece = { data: rgb(8, 8, [10, 20, 30]), width: 8, height: 8, channels: 3, left: 15, top: 6 };
    drawPiece(target, 20, band, piece);
    expect(at(target, 20, 15, 0)).toEqual([10, 20, 30]); // page row 10 = band row 0
    expect(at(target, 20, 19, 3)).toEqual([10, 20, 30]); // clipped at the right edge
    expect(at(target, 20, 15, 4)).toEqual([255, 255, 255]); // piece ends at page row 14
    expect(at(target, 20, 14, 0)).toEqual([255, 255, 255]);
  });

  it('blends an RGBA piece over the background by its alpha', () => {
    const target = rgb(3, 1, [200, 100, 0]);
    const data = Buffer.from([0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 128]);
    drawPiece(target, 3, { top: 0, height: 1 }, { data, width: 3, height: 1, channels: 4, left: 0, top: 0 });
    expect(at(target, 3, 0, 0)).toEqual([200, 100, 0]);
    expect(at(target, 3, 1, 0)).toEqual([0, 0, 0]);
    expect(at(target, 3, 2, 0)).toEqual([100, 50, 0]);
  });
});

describe('renderBand', () => {
  it('starts from the background colour and draws pieces in order', async () => {
    const pieces: Piece[] = [
      { data: rgb(2, 2, [1, 2, 3]), width: 2, height: 2, channels: 3, left: 0, top: 0 },
      { data: rgb(1, 1, [9, 9, 9]), width: 1, height: 1, channels: 3, left: 1, top: 1 },
    ];
    const pixels = await renderBand({ width: 3, height: 3, background: '#0a0b0c', bands: [], piecesFor: async (_band, draw) => draw(pieces) }, { top: 0, height: 3 });
    expect(at(pixels, 3, 0, 0)).toEqual([1, 2, 3]);
    expect(at(pixels, 3, 1, 1)).toEqual([9, 9, 9]);
    expect(at(pixels, 3, 2, 2)).toEqual([10, 11, 12]);
  });
});
