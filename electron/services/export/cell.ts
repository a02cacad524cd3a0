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
import { escapeMarkup, renderClamped, type RgbaImage, type TextMetrics } from './text';
import { parseHexColour, type Theme } from './theme';

export interface CellContext {
  layout: SheetLayout;
  options: ContactSheetOptions;
  theme: Theme;
  fonts: FontFiles;
  lines: TextMetrics;
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
  const { layout, theme, fonts, lines } = ctx;
  const width = layout.cellWidth;
  const drawn = await Promise.all(
    layout.band.map(async (item) => {
      const image =
        item.kind === 'number'
          ? await renderClamped({ text: `Panel ${panel.number}`, style: { px: layout.fonts.number, colour: theme.ink, bold: true }, width, maxLines: 1, metrics: lines.number }, fonts)
          : await renderClamped(
              {
                prefixMarkup: `<span foreground="${theme.muted}"><b>${escapeMarkup(CAPTION_LABELS[item.field])}</b></span>  `,
                text: panel.captions[item.field] ?? '',
                style: { px: layout.fonts.caption, colour: theme.ink },
                width,
                maxLines: item.maxLines,
                metrics: lines.caption,
              },
              fonts,
            );
      return image && textPiece(image, 0, item.top);
    }),
  );
  return drawn.filter((piece): piece is Piece => piece !== null);
}

async function placeholder(label: string, ctx: CellContext): Promise<Piece[]> {
  const { layout, theme, fonts, lines } = ctx;
  const frame = Buffer.alloc(layout.cellWidth * layout.imageHeight * 3);
  frame.fill(Buffer.from(parseHexColour(theme.placeholder)));
  const pieces: Piece[] = [{ data: frame, width: layout.cellWidth, height: layout.imageHeight, channels: 3, left: 0, top: 0 }];
  const width = Math.max(1, layout.cellWidth - 2 * layout.padding);
  const style = { px: layout.fonts.number, colour: theme.muted, bold: true };
  const text = await renderClamped({ text: label, style, width, maxLines: 2, metrics: lines.number }, fonts);
  if (text && text.height <= layout.imageHeight) {
    pieces.push(textPiece(text, Math.floor((layout.cellWidth - text.width) / 2), Math.floor((layout.imageHeight - text.height) / 2)));
  }
  return pieces;
}

/** The take resized to the image area: cover crops to fill, contain letterboxes on the background. */
async function resizedImage(imagePath: string, ctx: CellContext): Promise<Piece> {
  const { layout, options, theme } = ctx;
  const bytes = await ctx.readImage(imagePath);
  const { data, info } = await decodeImage(bytes, { failOn: 'error' })
    .flatten({ background: theme.background })
    .resize(layout.cellWidth, layout.imageHeight, { fit: options.fit, position: 'centre', background: theme.background })
    .removeAlpha()
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.width !== layout.cellWidth || info.height !== layout.imageHeight || info.channels !== 3) {
    throw new Error(`Cell came out ${info.width}x${info.height}x${info.channels}, expected ${layout.cellWidth}x${layout.imageHeight}x3`);
  }
  return { data, width: info.width, height: info.height, channels: 3, left: 0, top: 0 };
}

async function imagePieces(panel: ContactSheetPanel, ctx: CellContext): Promise<{ pieces: Piece[]; problem: string | null }> {
  if (panel.imagePath === null) return { pieces: await placeholder('No image', ctx), problem: null };
  try {
    return { pieces: [await resizedImage(panel.imagePath, ctx)], problem: null };
  } catch (error) {
    // Unreadable, refused or vanished file: keep the grid, say so in the cell and in the result.
    return { pieces: await placeholder('Image missing', ctx), problem: unreadableReason(panel.imagePath, error) };
  }
}

export async function renderCell(panel: ContactSheetPanel, ctx: CellContext): Promise<RenderedCell> {
  const [image, captions] = await Promise.all([imagePieces(panel, ctx), captionPieces(panel, ctx)]);
  return { pieces: [...image.pieces, ...captions], missing: image.problem !== null, problem: image.problem };
}
