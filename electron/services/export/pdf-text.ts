/**
 * Text on the PDF board: real, selectable text drawn with the embedded DejaVu faces, wrapped to a
 * width and cut to a number of lines (the last one ends with an ellipsis). Characters the font
 * cannot draw are replaced by '?' rather than failing the export.
 * Invariants: text is handled in user-perceived characters (graphemes.ts): a cut never falls
 * inside one, and a character the font cannot draw whole (a family or flag emoji) prints as one
 * '?', not one per code point.
 */
import type { PDFFont, PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import { graphemes } from '../../../shared/graphemes';

export interface TextStyle {
  font: PDFFont;
  size: number;
  grey?: number;
}

/**
 * Only characters the font can draw: control characters dropped, a user-perceived character with
 * any code point the font lacks replaced by a single '?'.
 */
export function drawable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  // eslint-disable-next-line no-control-regex
  const printable = text.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
  const hasGlyphs = (character: string) => Array.from(character).every((point) => known.has(point.codePointAt(0) ?? 0));
  return graphemes(printable)
    .map((character) => (character === '\n' || hasGlyphs(character) ? character : '?'))
    .join('');
}

/** `text`, or the most whole characters of it that fit `width` with an ellipsis after them. */
function fit(font: PDFFont, size: number, text: string, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  const characters = graphemes(text);
  const cut = (count: number) => `${characters.slice(0, count).join('')}…`;
  // Bisection (a prefix only widens as it grows): a 4,000-character word costs a dozen measures.
  let low = 0;
  let high = characters.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (font.widthOfTextAtSize(cut(middle), size) <= width) low = middle;
    else high = middle - 1;
  }
  return `${characters.slice(0, low).join('').trimEnd()}…`;
}

/** Lines of `text` wrapped at word boundaries to `width`, at most `maxLines`. */
export function wrapLines(style: TextStyle, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  const clean = drawable(style.font, text);
  for (const paragraph of clean.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (style.font.widthOfTextAtSize(next, style.size) <= width || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  const kept = lines.slice(0, maxLines).map((line) => fit(style.font, style.size, line, width));
  if (lines.length > maxLines && kept.length > 0) kept[kept.length - 1] = fit(style.font, style.size, `${kept.at(-1) ?? ''}…`, width);
  return kept;
}

/** Draws lines top-down from `top`; returns the y below the last line. */
export function drawLines(page: PDFPage, style: TextStyle, lines: readonly string[], x: number, top: number): number {
  let y = top;
  const grey = style.grey ?? 0.1;
  for (const line of lines) {
    y -= style.size * 1.25;
    if (line) page.drawText(line, { x, y: y + style.size * 0.25, size: style.size, font: style.font, color: rgb(grey, grey, grey) });
  }
  return y;
}
