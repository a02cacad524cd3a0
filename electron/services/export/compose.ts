/**
 * Page assembly. Cells are already resized to cell size by sharp; a page is then put together by
 * copying them (and blending the small text bitmaps) into a raw RGB buffer, which sharp encodes
 * once. Measured while choosing (100 cells of 384x256 plus their captions, 2 cores): copying and
 * one encode took about a third of the time of a libvips composite of the same pieces onto a
 * canvas (composite works in float over every pixel), and less than arrayjoin + extend + one
 * header composite; a composite inside each cell's resize pipeline cost another ~13 ms a panel.
 * Memory invariant: at most one band of the page is held as raw pixels. A page that fits the
 * budget is one band; a taller one (a long sheet without page preset) is cut into equal-height
 * bands written as uncompressed .v files to a private temp folder, then joined top to bottom by
 * libvips and cropped to the page, streaming into the PNG encoder. Pixels are identical either way.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from '../image-safety/sharp-gate';
import { parseHexColour } from './theme';

/** Raw page bytes held at once. 100 panels at the default cell size are about 50 MB. */
export const DEFAULT_BAND_BUDGET_BYTES = 64 * 1024 * 1024;

/** A bitmap placed on the page: RGB (opaque, copied) or RGBA (straight alpha, blended "over"). */
export interface Piece {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
  left: number;
  top: number;
}

/** Horizontal slice [top, top + height) of a page. */
export interface Band {
  top: number;
  height: number;
}

/** Receives pieces to draw: one group at a time, a group's pieces in their drawing order. */
export type DrawPieces = (pieces: readonly Piece[]) => void;

export interface PageSpec {
  width: number;
  height: number;
  background: string;
  bands: Band[];
  /**
   * Hands everything that intersects `band` (in page coordinates) to `draw`, group by group as
   * each is ready (a cell once decoded, the header), so pixels are copied while later cells are
   * still being decoded. Pieces of different groups never overlap, so the order of the groups
   * does not change a pixel; inside a group the order is kept (a placeholder's label over it).
   */
  piecesFor(band: Band, draw: DrawPieces): Promise<void>;
}

/** Equal-height bands covering the page (the last may be shorter), each within the budget. */
export function planBands(width: number, height: number, budgetBytes: number): Band[] {
  const bandHeight = Math.max(1, Math.min(height, Math.floor(budgetBytes / (width * 3))));
  const bands: Band[] = [];
  for (let top = 0; top < height; top += bandHeight) bands.push({ top, height: Math.min(bandHeight, height - top) });
  return bands;
}

export function intersects(band: Band, top: number, height: number): boolean {
  return top < band.top + band.height && top + height > band.top;
}

/** Draws `piece` into a raw RGB band buffer, clipped to the band and the page width. */
export function drawPiece(target: Buffer, width: number, band: Band, piece: Piece): void {
  const left = Math.max(0, piece.left);
  const right = Math.min(width, piece.left + piece.width);
  const first = Math.max(band.top, piece.top);
  const last = Math.min(band.top + band.height, piece.top + piece.height);
  if (right <= left || last <= first) return;
  const src = piece.data;
  for (let y = first; y < last; y += 1) {
    const srcRow = (y - piece.top) * piece.width - piece.left;
    const dstRow = (y - band.top) * width;
    if (piece.channels === 3) {
      src.copy(target, (dstRow + left) * 3, (srcRow + left) * 3, (srcRow + right) * 3);
      continue;
    }
    // Straight-alpha "over" in 8-bit integers; hot loop (every caption pixel), so no helpers.
    for (let x = left, s = (srcRow + left) * 4, d = (dstRow + left) * 3; x < right; x += 1, s += 4, d += 3) {
      const alpha = src[s + 3] as number;
      if (alpha === 0) continue;
      if (alpha === 255) {
        target[d] = src[s] as number;
        target[d + 1] = src[s + 1] as number;
        target[d + 2] = src[s + 2] as number;
        continue;
      }
      const rest = 255 - alpha;
      target[d] = (((src[s] as number) * alpha + (target[d] as number) * rest + 127) / 255) | 0;
      target[d + 1] = (((src[s + 1] as number) * alpha + (target[d + 1] as number) * rest + 127) / 255) | 0;
      target[d + 2] = (((src[s + 2] as number) * alpha + (target[d + 2] as number) * rest + 127) / 255) | 0;
    }
  }
}

/** `bytes` raw RGB bytes of one colour (one pass; a grey is a single-byte fill, the fastest). */
function filledRgb(bytes: number, colour: string): Buffer {
  const [r, g, b] = parseHexColour(colour);
  const pixels = Buffer.allocUnsafe(bytes);
  return r === g && g === b ? pixels.fill(r) : pixels.fill(Buffer.from([r, g, b]));
}

/** One band as raw RGB pixels. */
export async function renderBand(page: PageSpec, band: Band): Promise<Buffer> {
  const pixels = filledRgb(page.width * band.height * 3, page.background);
  await page.piecesFor(band, (pieces) => {
    for (const piece of pieces) drawPiece(pixels, page.width, band, piece);
  });
  return pixels;
}

/**
 * The page scaled down to `width` pixels (previews), band by band so memory stays within the
 * budget: each band is resized to its share of the output rows and the small results stacked.
 */
export async function renderScaled(page: PageSpec, width: number): Promise<{ data: Buffer; width: number; height: number }> {
  const scale = Math.min(1, width / page.width);
  const outWidth = Math.max(1, Math.round(page.width * scale));
  const outHeight = Math.max(1, Math.round(page.height * scale));
  const out = Buffer.alloc(outWidth * outHeight * 3);
  for (const band of page.bands) {
    const top = Math.round(band.top * scale);
    const rows = Math.min(outHeight, Math.round((band.top + band.height) * scale)) - top;
    if (rows <= 0) continue;
    const pixels = await renderBand(page, band);
    const small = await sharp(pixels, { raw: { width: page.width, height: band.height, channels: 3 }, limitInputPixels: false })
      .resize(outWidth, rows, { fit: 'fill' })
      .raw()
      .toBuffer();
    small.copy(out, top * outWidth * 3);
  }
  return { data: out, width: outWidth, height: outHeight };
}

/** Writes the page as a PNG to `file` (an already-reserved temp name). */
export async function writePage(page: PageSpec, file: string): Promise<void> {
  const [only] = page.bands;
  if (page.bands.length === 1 && only) {
    const pixels = await renderBand(page, only);
    await sharp(pixels, { raw: { width: page.width, height: only.height, channels: 3 }, limitInputPixels: false }).png().toFile(file);
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'castboard-bands-'));
  try {
    const parts: string[] = [];
    for (const band of page.bands) {
      const part = path.join(dir, `band-${parts.length}.v`);
      const pixels = await renderBand(page, band);
      await sharp(pixels, { raw: { width: page.width, height: band.height, channels: 3 }, limitInputPixels: false }).toFile(part);
      parts.push(part);
    }
    // arrayjoin pads the shorter last band to the common height: crop back to the page.
    await sharp(parts, { join: { across: 1 }, limitInputPixels: false })
      .extract({ left: 0, top: 0, width: page.width, height: page.height })
      .png()
      .toFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
