/**
 * Text on the PDF board: real, selectable text drawn with the embedded DejaVu faces, wrapped to a
 * width and cut to a number of lines (the last one ends with an ellipsis). Characters the font
 * cannot draw are replaced by '?' rather than failing the export.
 */
import type { PDFFont, PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';

export interface TextStyle {
  font: PDFFont;
  size: number;
  grey?: number;
}

/** Only characters the font has a glyph for (control characters dropped, the rest replaced by '?'). */
export function drawable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  const isControl = (code: number) => code < 0x20 || code === 0x7f;
  return [...text]
    .filter((ch) => ch === '\n' || !isControl(ch.codePointAt(0) ?? 0))
    .map((ch) => (ch === '\n' || known.has(ch.codePointAt(0) ?? 0) ? ch : '?'))
    .join('');
}

function fit(font: PDFFont, size: number, text: string, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 0 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
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
