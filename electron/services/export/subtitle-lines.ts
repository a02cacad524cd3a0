/**
 * Dialogue broken into subtitle lines and cues, as subtitle practice has it: lines of at most
 * SUBTITLE_LINE_CHARS characters broken at spaces, at most SUBTITLE_CUE_LINES lines on screen.
 * Invariants:
 *  - characters are user-perceived characters (graphemes.ts), so an accented letter typed as
 *    letter + combining accent, a flag, a family or skin-tone emoji and CJK count once, and a cut
 *    never falls inside one (no half emoji, no accent torn from its letter);
 *  - the artist's own line breaks are kept (each starts a new line); blank lines are dropped;
 *  - a word longer than a line starts a new line and is cut between characters (as the contact
 *    sheet wraps it), never dropped;
 *  - no text is lost: the lines hold every word of the dialogue, in order.
 */
import { graphemeCount, graphemes } from '../../../shared/graphemes';

export const SUBTITLE_LINE_CHARS = 42;
export const SUBTITLE_CUE_LINES = 2;

/** One paragraph (no line breaks) as lines of at most `width` characters. */
function wrapParagraph(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line !== '' && graphemeCount(line) + 1 + graphemeCount(word) <= width) {
      line = `${line} ${word}`;
      continue;
    }
    if (line !== '') lines.push(line);
    const chars = graphemes(word);
    // A word wider than a line: full-width pieces, the rest starts the next line.
    while (chars.length > width) lines.push(chars.splice(0, width).join(''));
    line = chars.join('');
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The dialogue as subtitle lines (none when it is empty or only spaces). */
export function subtitleLines(dialogue: string, width = SUBTITLE_LINE_CHARS): string[] {
  return dialogue.replace(/\r\n?/g, '\n').split('\n').flatMap((paragraph) => wrapParagraph(paragraph, width));
}

/** The dialogue as the texts of consecutive cues: at most SUBTITLE_CUE_LINES lines each, joined by "\n". */
export function subtitleCues(dialogue: string): string[] {
  const lines = subtitleLines(dialogue);
  const cues: string[] = [];
  for (let index = 0; index < lines.length; index += SUBTITLE_CUE_LINES) cues.push(lines.slice(index, index + SUBTITLE_CUE_LINES).join('\n'));
  return cues;
}

/**
 * Millisecond boundaries of `texts` shown one after the other from `startMs` to `endMs`, each for
 * a share of the time in proportion to its length (in user-perceived characters, as it is read):
 * texts.length + 1 whole numbers, the first `startMs`, the last `endMs`, each cue ending where the
 * next starts. Each cue lasts at least 1 ms when the span allows it, so no cue is empty.
 */
export function cueBoundaries(texts: readonly string[], startMs: number, endMs: number): number[] {
  const weights = texts.map((text) => Math.max(1, graphemeCount(text.replace(/\n/g, ''))));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const span = endMs - startMs;
  const bounds = [startMs];
  let running = 0;
  weights.forEach((weight, index) => {
    running += weight;
    const left = texts.length - 1 - index; // cues still to place after this one
    const ideal = index === texts.length - 1 ? endMs : startMs + Math.round((span * running) / total);
    const previous = bounds[index] ?? startMs;
    bounds.push(Math.min(Math.max(ideal, previous + 1), endMs - left));
  });
  return bounds;
}
