/**
 * PDF board captions wrap and cut by what the reader sees: a cut never falls inside an emoji (no
 * lone surrogate printed as garbage) and an emoji the font cannot draw (family, flag, skin tone)
 * prints as one '?', not one per code point with joiners between. The dialogue is typed with
 * `castboard panel add` and drawn with the board's own embedded DejaVu face.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultFontFiles, readFontBytes } from '../../../../electron/services/export/font';
import { gridWords } from '../../../../electron/services/export/pdf-captions';
import { wrapLines } from '../../../../electron/services/export/pdf-text';
import { dialoguePanels } from './production-kit';

// "e" + U+0301: an accent typed as a combining mark. 😀 is in DejaVu (two UTF-16 units); the
// family, flag and skin-tone hand are not.
const WORDS = 'The family 👩‍👩‍👧 waves 👋🏽 under the flag 🇫🇷 and grins 😀 at the keeper: “Cafe\u0301?”';
const RUN = 'Ole\u0301😀🇫🇷👋🏽👩‍👩‍👧😀😀'.repeat(8);

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const characters = (text: string) => Array.from(segmenter.segment(text), (part) => part.segment);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

let font: PDFFont;
let words: string;
let run: string;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  font = await doc.embedFont((await readFontBytes(defaultFontFiles())).regular, { subset: true });
  const panels = await dialoguePanels([WORDS, RUN]);
  [words, run] = panels.map(gridWords) as [string, string];
});

/** What the board can print of `text`: each character whole, or one '?' when the font lacks any part of it. */
function printable(text: string): string[] {
  const known = new Set(font.getCharacterSet());
  return characters(text).map((character) => (Array.from(character).every((point) => known.has(point.codePointAt(0) ?? 0)) ? character : '?'));
}

describe('PDF caption text', () => {
  it('prints each emoji the font cannot draw as one "?" and loses no other character', () => {
    const lines = wrapLines({ font, size: 9 }, words, 120, 20);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(printable(words).join(''));
    expect(lines.join(' ')).toContain('The family ? waves ? under the flag ? and grins 😀');
  });

  it('cuts a long run only between characters, keeping as many as fit, at every width', () => {
    const expected = printable(run);
    for (let width = 30; width <= 240; width += 1) {
      const [line = '', ...rest] = wrapLines({ font, size: 9 }, run, width, 1);
      expect(rest).toEqual([]);
      expect(line, `width ${width}`).not.toMatch(LONE_SURROGATE);
      expect(line.endsWith('…'), `width ${width}`).toBe(true);
      const kept = characters(line.slice(0, -1));
      expect(kept, `width ${width}`).toEqual(expected.slice(0, kept.length));
      const oneMore = `${expected.slice(0, kept.length + 1).join('')}…`;
      expect(font.widthOfTextAtSize(oneMore, 9), `width ${width}`).toBeGreaterThan(width);
    }
  });
});
