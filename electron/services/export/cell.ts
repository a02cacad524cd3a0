/**
 * One grid cell: the panel's image resized to the cell (one sharp pipeline per panel, so a
 * full-size image is only ever decoded here and never held), plus the text of its caption band.
 * Invariants:
 *  - the image is raw 8-bit sRGB, exactly cellWidth x imageHeight x 3 bytes, whatever the input
 *    (grey, alpha, 16-bit, JPEG, another aspect ratio);
 *  - every text piece lies inside the cell's block (image area + caption band);
 *  - a panel without an image gets a placeholder labelled "No image"; one whose file cannot be
 *    read gets "Image missing" and is reported, so one bad file never sinks a whole sheet;
 *  - bytes come from ctx.readImage (confined to the project for project exports) and are decoded
 *    only through the image gate (magic bytes checked, untrusted loaders blocked).
 */
import { decodeImage } from '../image-safety/decode-gate';
import type { Piece } from './compose';
import type { FontFiles } from './font';
import { unreadableReason, type ImageReader } from './image-source';
import type { ContactSheetPanel } from './input';
import type { SheetLayout } from './layout';
import type { CaptionField, ContactSheetOptions } from './options';
import { escapeMarkup, type RgbaImage, type TextCache, type TextMetrics } from './text';
import { parseHexColour, type Theme } from './theme';

export interface CellContext {
  layout: SheetLayout;
  options: ContactSheetOptions;
  theme: Theme;
  fonts: FontFiles;
  lines: TextMetrics;
  readImage: ImageReader;
  /** Caption renders shared by the sheet's cells. */
  text: TextCache;
}

/** What a cell's image needs: known before any text is measured, so decoding can start early. */
export interface CellImageContext {
  /** The image area: cell width x image height. */
  width: number;
  height: number;
  fit: ContactSheetOptions['fit'];
  background: string;
  readImage: ImageReader;
}

export interface RenderedCell {
  /** Image and texts, positioned relative to the cell's top-left corner. */
  pieces: Piece[];
  /** The panel named an image that could not be read. */
  missing: boolean;
  /** Why, naming the file (null when the image was drawn). */
  problem: string | null;
}

export const CAPTION_LABELS: Record<CaptionField, string> = {
  scene: 'Scene',
  dialogue: 'Dialogue',
  action: 'Action',
  notes: 'Notes',
  shot: 'Shot',
  angle: 'Angle',
  movement: 'Camera',
  duration: 'Duration',
  consistency: 'Consistency',
};

const textPiece = (image: RgbaImage, left: number, top: number): Piece => ({ ...image, channels: 4, left, top });

async function captionPieces(panel: ContactSheetPanel, ctx: CellContext): Promise<Piece[]> {
  const { layout, theme, lines } = ctx;
  const width = layout.cellWidth;
  const drawn = await Promise.all(
    layout.band.map(async (item) => {
      const image =
        item.kind === 'number'
          ? await ctx.text.clamped({ text: `Panel ${panel.number}`, style: { px: layout.fonts.number, colour: theme.ink, bold: true }, width, maxLines: 1, metrics: lines.number })
          : await ctx.text.clamped({
              prefixMarkup: `<span foreground="${theme.muted}"><b>${escapeMarkup(CAPTION_LABELS[item.field])}</b></span>  `,
              text: panel.captions[item.field] ?? '',
              style: { px: layout.fonts.caption, colour: theme.ink },
              width,
              maxLines: item.maxLines,
              metrics: lines.caption,
            });
      return image && textPiece(image, 0, item.top);
    }),
  );
  return drawn.filter((piece): piece is Piece => piece !== null);
}

async function placeholder(label: string, ctx: CellContext): Promise<Piece[]> {
  const { layout, theme, lines } = ctx;
  const frame = Buffer.alloc(layout.cellWidth * layout.imageHeight * 3);
  frame.fill(Buffer.from(parseHexColour(theme.placeholder)));
  const pieces: Piece[] = [{ data: frame, width: layout.cellWidth, height: layout.imageHeight, channels: 3, left: 0, top: 0 }];
  const width = Math.max(1, layout.cellWidth - 2 * layout.padding);
  const style = { px: layout.fonts.number, colour: theme.muted, bold: true };
  const text = await ctx.text.clamped({ text: label, style, width, maxLines: 2, metrics: lines.number });
  if (text && text.height <= layout.imageHeight) {
    pieces.push(textPiece(text, Math.floor((layout.cellWidth - text.width) / 2), Math.floor((layout.imageHeight - text.height) / 2)));
  }
  return pieces;
}

/** The take resized to the image area: cover crops to fill, contain letterboxes on the background. */
export async function decodeCellImage(imagePath: string, ctx: CellImageContext): Promise<Piece> {
  const bytes = await ctx.readImage(imagePath);
  const { data, info } = await decodeImage(bytes, { failOn: 'error' })
    .flatten({ background: ctx.background })
    .resize(ctx.width, ctx.height, { fit: ctx.fit, position: 'centre', background: ctx.background })
    .removeAlpha()
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.width !== ctx.width || info.height !== ctx.height || info.channels !== 3) {
    throw new Error(`Cell came out ${info.width}x${info.height}x${info.channels}, expected ${ctx.width}x${ctx.height}x3`);
  }
  return { data, width: info.width, height: info.height, channels: 3, left: 0, top: 0 };
}

async function imagePieces(panel: ContactSheetPanel, ctx: CellContext, decoded: Promise<Piece> | undefined): Promise<{ pieces: Piece[]; problem: string | null }> {
  if (panel.imagePath === null) return { pieces: await placeholder('No image', ctx), problem: null };
  const { layout, options, theme, readImage } = ctx;
  try {
    const image = decoded ?? decodeCellImage(panel.imagePath, { width: layout.cellWidth, height: layout.imageHeight, fit: options.fit, background: theme.background, readImage });
    return { pieces: [await image], problem: null };
  } catch (error) {
    // Unreadable, refused or vanished file: keep the grid, say so in the cell and in the result.
    return { pieces: await placeholder('Image missing', ctx), problem: unreadableReason(panel.imagePath, error) };
  }
}

/** One cell; `decoded` is its image when decoding was started earlier (decodeCellImage). */
export async function renderCell(panel: ContactSheetPanel, ctx: CellContext, decoded?: Promise<Piece>): Promise<RenderedCell> {
  const [image, captions] = await Promise.all([imagePieces(panel, ctx, decoded), captionPieces(panel, ctx)]);
  return { pieces: [...image.pieces, ...captions], missing: image.problem !== null, problem: image.problem };
}
