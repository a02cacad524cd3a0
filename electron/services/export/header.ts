/**
 * The sheet header: featured character thumbnail, project title, then one line with character
 * name, date, panel count and (for several pages) "Page n of N". Repeated on every page so a
 * printed page is never anonymous.
 * Invariants: it stays inside its HeaderBox (title and meta are one line each, cut with "…");
 * a missing or unreadable thumbnail is left out rather than failing the export.
 */
import { decodeImage } from '../image-safety/decode-gate';
import type { CellContext } from './cell';
import type { Piece } from './compose';
import type { ContactSheetInput } from './input';
import type { ImageReader } from './image-source';
import type { HeaderBox } from './layout';
import { renderClamped, type RgbaImage } from './text';

export interface HeaderFacts {
  /** Panels on the sheet and in the project (they differ with "selected panels only"). */
  exported: number;
  total: number;
  selectedOnly: boolean;
}

const textPiece = (image: RgbaImage, left: number, top: number): Piece => ({ ...image, channels: 4, left, top });

async function thumbnail(path: string | undefined, size: number, background: string, readImage: ImageReader): Promise<Buffer | null> {
  if (!path) return null;
  try {
    return await decodeImage(await readImage(path), { failOn: 'error' })
      .flatten({ background })
      .resize(size, size, { fit: 'cover', position: 'attention' })
      .removeAlpha()
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer();
  } catch {
    return null;
  }
}

function metaLine(input: ContactSheetInput, facts: HeaderFacts, page: number, pages: number): string {
  const plural = (n: number) => `${n} panel${n === 1 ? '' : 's'}`;
  const count = facts.selectedOnly ? `${facts.exported} selected of ${plural(facts.total)}` : plural(facts.exported);
  const parts = [input.character?.name ? `Character: ${input.character.name}` : '', input.date, count, pages > 1 ? `Page ${page} of ${pages}` : ''];
  return parts.filter((part) => part.trim() !== '').join('   ·   ');
}

/** Prepares what is shared by all pages; the returned function gives one page's pieces. */
export async function prepareHeader(
  input: ContactSheetInput,
  facts: HeaderFacts,
  ctx: CellContext,
): Promise<(page: number, pages: number) => Promise<Piece[]>> {
  const box: HeaderBox | null = ctx.layout.header;
  if (!box) return () => Promise.resolve([]);
  const { theme, fonts, lines, layout } = ctx;
  const thumbSize = box.height;
  const thumb = input.character ? await thumbnail(input.character.thumbnailPath, thumbSize, theme.background, ctx.readImage) : null;
  const textLeft = box.left + (thumb ? thumbSize + Math.round(layout.fonts.meta * 0.8) : 0);
  const textWidth = Math.max(1, box.left + box.width - textLeft);
  const title = await renderClamped(
    { text: input.title.trim() || 'Untitled', style: { px: layout.fonts.title, colour: theme.ink, bold: true }, width: textWidth, maxLines: 1, metrics: lines.title },
    fonts,
  );
  const fixed: Piece[] = [];
  if (thumb) fixed.push({ data: thumb, width: thumbSize, height: thumbSize, channels: 3, left: box.left, top: box.top });
  if (title) fixed.push(textPiece(title, textLeft, box.top));

  return async (page, pages) => {
    const meta = await renderClamped(
      { text: metaLine(input, facts, page, pages), style: { px: layout.fonts.meta, colour: theme.muted }, width: textWidth, maxLines: 1, metrics: lines.meta },
      fonts,
    );
    return meta ? [...fixed, textPiece(meta, textLeft, box.top + box.metaTop)] : fixed;
  };
}
