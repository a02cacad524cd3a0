import { describe, expect, it } from 'vitest';
import { CastboardError } from '../../../../shared/errors';
import { baseGeometry, cellOrigin, computeLayout, pageSizePx, type LineHeights } from '../../../../electron/services/export/layout';
import { parseContactSheetOptions } from '../../../../electron/services/export/options';

const lines: LineHeights = {
  caption: { pitch: 15, first: 16 },
  number: { pitch: 16, first: 17 },
  title: { pitch: 40, first: 42 },
  meta: { pitch: 20, first: 21 },
};

function layoutFor(raw: Record<string, unknown>, panels: number) {
  const options = parseContactSheetOptions(raw);
  return computeLayout(options, panels, baseGeometry(options), lines);
}

describe('page presets', () => {
  it.each([
    ['a4', 'portrait', 150, 1240, 1754],
    ['a4', 'landscape', 150, 1754, 1240],
    ['a4', 'portrait', 300, 2480, 3508],
    ['letter', 'portrait', 150, 1275, 1650],
    ['letter', 'landscape', 300, 3300, 2550],
  ] as const)('%s %s at %i dpi is %ix%i px', (preset, orientation, dpi, width, height) => {
    expect(pageSizePx(preset, orientation, dpi)).toEqual({ width, height });
  });
});

describe('computeLayout', () => {
  it('without a preset, sizes the sheet from cells, margins and gutters', () => {
    const layout = layoutFor({ columns: 3, cellWidth: 160, margin: 20, gutter: 10, aspectRatio: '16:9', header: false, panelNumbers: false, captions: [] }, 7);
    expect(layout.imageHeight).toBe(90);
    expect(layout.blockHeight).toBe(90);
    expect(layout.pageWidth).toBe(20 * 2 + 3 * 160 + 2 * 10);
    expect(layout.pageHeight).toBe(20 * 2 + 3 * 90 + 2 * 10);
    expect(layout.pages).toBe(1);
    expect(cellOrigin(layout, 4)).toEqual({ left: 20 + 170, top: 20 + 100 });
  });

  it('gives every cell the same caption band, whatever the text', () => {
    const layout = layoutFor({ captions: ['dialogue', 'shot'], captionLines: 3, panelNumbers: true }, 2);
    const [number, dialogue, shot] = layout.band;
    expect(number).toMatchObject({ kind: 'number', height: 17 });
    expect(dialogue).toMatchObject({ kind: 'field', field: 'dialogue', maxLines: 3, height: 16 + 2 * 15 });
    expect(shot).toMatchObject({ kind: 'field', field: 'shot', maxLines: 1, height: 16 });
    expect(layout.blockHeight).toBe(layout.imageHeight + layout.bandHeight);
    expect(layout.bandHeight).toBe((shot?.top ?? 0) + (shot?.height ?? 0) - layout.imageHeight);
  });

  it('with a preset, fits the cell width to the page and paginates by whole rows', () => {
    const layout = layoutFor({ page: 'a4', columns: 4, margin: 40, gutter: 20, aspectRatio: '1:1', header: false, panelNumbers: false, captions: [] }, 30);
    expect(layout.pageWidth).toBe(1240);
    expect(layout.pageHeight).toBe(1754);
    expect(layout.cellWidth).toBe(Math.floor((1240 - 80 - 60) / 4));
    expect(layout.rowsPerPage).toBe(Math.floor((1754 - 80 + 20) / (275 + 20)));
    expect(layout.panelsPerPage).toBe(layout.rowsPerPage * 4);
    expect(layout.pages).toBe(Math.ceil(30 / layout.panelsPerPage));
    const lastRowBottom = cellOrigin(layout, layout.panelsPerPage - 1).top + layout.blockHeight;
    expect(lastRowBottom).toBeLessThanOrEqual(1754 - 40);
  });

  it('refuses columns that leave no room for panels on the page', () => {
    expect(() => layoutFor({ page: 'letter', columns: 12, margin: 400, gutter: 60 }, 3)).toThrow(CastboardError);
    expect(() => layoutFor({ page: 'letter', columns: 12, margin: 400, gutter: 60 }, 3)).toThrow(/do not fit on a LETTER portrait page/);
  });

  it('refuses a row that is taller than the page', () => {
    const raw = { page: 'a4', orientation: 'landscape', columns: 1, aspectRatio: '9:16', margin: 20 };
    expect(() => layoutFor(raw, 3)).toThrow(/does not fit on the page/);
  });
});
