import { beforeAll, describe, expect, it } from 'vitest';
import { defaultFontFiles, registerFonts } from '../../../../electron/services/export/font';
import { linesHeight } from '../../../../electron/services/export/layout';
import { cleanText, createTextCache, escapeMarkup, measureFont, renderClamped, renderMarkup, type RgbaImage } from '../../../../electron/services/export/text';
import { dialoguePanels } from './production-kit';

const fonts = defaultFontFiles();
const style = { px: 14, colour: '#000000' };
const LONG = 'The keeper climbs the spiral stairs two at a time while the storm batters the lamp room and the radio crackles with a voice nobody expected to hear again tonight.';

async function clamped(text: string, maxLines: number, width = 200) {
  await registerFonts(fonts);
  const metrics = await measureFont(style.px, fonts);
  return { image: await renderClamped({ text, style, width, maxLines, metrics }, fonts), metrics };
}

/** Rows of the image holding visible ink (alpha above half). */
function inkRows(image: RgbaImage, fromX = 0): number[] {
  const rows: number[] = [];
  for (let y = 0; y < image.height; y += 1) {
    for (let x = fromX; x < image.width; x += 1) {
      if ((image.data[(y * image.width + x) * 4 + 3] ?? 0) > 128) {
        rows.push(y);
        break;
      }
    }
  }
  return rows;
}

describe('escapeMarkup and cleanText', () => {
  it('escapes every Pango markup character', () => {
    expect(escapeMarkup(`<b>"Tom" & 'Jerry'</b>`)).toBe('&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;');
  });

  it('keeps newlines, drops control characters and trims', () => {
    expect(cleanText('  a\u0000b\r\nc\td\u202e  ')).toBe('ab\nc d');
  });
});

describe('text rendering with the packaged font', () => {
  it('draws user text containing markup characters literally instead of failing', async () => {
    const { image: literal } = await clamped('<b>5 < 6 & "quotes"</b>', 1, 400);
    const bold = await renderMarkup('<b>5</b>', style, fonts);
    expect(literal?.width).toBeGreaterThan((bold?.width ?? 0) * 5);
  });

  it('measures line boxes close to the font size', async () => {
    const metrics = await measureFont(20, fonts);
    expect(metrics.pitch).toBeGreaterThanOrEqual(20);
    expect(metrics.pitch).toBeLessThanOrEqual(26);
    expect(metrics.first).toBeGreaterThanOrEqual(metrics.pitch);
    expect(metrics.first).toBeLessThanOrEqual(metrics.pitch + 2);
  });

  it('gives one-line texts the same box and top whatever their glyphs, so captions line up', async () => {
    const results = await Promise.all(['ace', 'Ägypten', 'gqy', 'Shot  WIDE'].map((text) => clamped(text, 1)));
    const heights = results.map(({ image }) => image?.height);
    expect(new Set(heights).size).toBe(1);
    expect(heights[0]).toBe(results[0]?.metrics.first);
    // "ace" has no ascender: its ink starts well below the top of the box, the Ä at the top.
    const aceTop = inkRows(results[0]?.image as RgbaImage)[0] ?? 0;
    const umlautTop = inkRows(results[1]?.image as RgbaImage)[0] ?? 0;
    expect(aceTop).toBeGreaterThan(umlautTop + 2);
  });

  it('keeps short text whole, on one line, within the wrap width', async () => {
    const { image, metrics } = await clamped('Wide shot', 2);
    expect(image?.height).toBe(metrics.first);
    expect(image?.width).toBeLessThanOrEqual(200);
  });

  it('wraps long text to the width and cuts it at maxLines, using them all', async () => {
    for (const maxLines of [1, 2, 3]) {
      const { image, metrics } = await clamped(LONG, maxLines);
      expect(image?.width).toBeLessThanOrEqual(200);
      expect(image?.height).toBeLessThanOrEqual(linesHeight(metrics, maxLines));
      if (maxLines > 1) expect(image?.height).toBeGreaterThan(linesHeight(metrics, maxLines - 1));
    }
  });

  it('ends cut text with an ellipsis', async () => {
    const { image: cut } = await clamped(LONG, 1);
    const { image: whole } = await clamped('The keeper climbs the', 1);
    if (!cut || !whole) throw new Error('expected both texts to be drawn');
    // In the right-most columns an ellipsis has ink only low on the line (three dots on the
    // baseline); a letter such as the final "e" also has ink in the upper half.
    const lastColumns = (image: RgbaImage) => inkRows(image, image.width - 3);
    const cutRows = lastColumns(cut);
    const wholeRows = lastColumns(whole);
    expect(Math.min(...cutRows)).toBeGreaterThan(cut.height * 0.55);
    expect(Math.min(...wholeRows)).toBeLessThan(whole.height * 0.55);
  });

  it('breaks a single word longer than the width instead of overflowing', async () => {
    const { image, metrics } = await clamped('Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 2, 120);
    expect(image?.width).toBeLessThanOrEqual(120);
    expect(image?.height).toBeLessThanOrEqual(linesHeight(metrics, 2));
  });

  it('cuts a link or unspaced Japanese that follows a label between characters, filling the lines instead of dropping it', async () => {
    const link = 'Ref: https://drive.example.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-moodboard-final-v3?usp=sharing';
    const japanese = 'Look: 今日はとても良い天気ですね。散歩に行きましょうか。それとも家でゆっくり映画を見ましょうか。どちらでもいいですよ。';
    for (const text of [link, japanese]) {
      const { image, metrics } = await clamped(text, 2);
      const label = await renderClamped({ text: `${text.split(' ')[0] ?? ''}…`, style, width: 200, maxLines: 2, metrics }, fonts);
      // "Ref:…" alone is one short line; the caption must use both lines, up to the box's width.
      expect(image?.height, text).toBeGreaterThan(linesHeight(metrics, 1));
      expect(image?.height, text).toBeLessThanOrEqual(linesHeight(metrics, 2));
      expect(image?.width, text).toBeGreaterThan((label?.width ?? 0) * 3);
      expect(image?.width, text).toBeLessThanOrEqual(200);
    }
  });

  it('still cuts ordinary text after a whole word, not inside one', async () => {
    const { image } = await clamped(LONG, 1);
    const words = LONG.split(' ');
    const wholeWordCuts = await Promise.all(words.map((_, n) => clamped(`${words.slice(0, n + 1).join(' ')}…`, 1)));
    expect(wholeWordCuts.some(({ image: candidate }) => candidate !== null && image !== null && candidate.width === image.width && candidate.data.equals(image.data))).toBe(true);
  });

  it('draws nothing for empty or blank text', async () => {
    expect((await clamped('   \n ', 2)).image).toBeNull();
  });
});

describe('the caption cache of a sheet', () => {
  it('draws a repeated caption once, the same as drawing it afresh, and keeps only the most recent captions', async () => {
    await registerFonts(fonts);
    const metrics = await measureFont(style.px, fonts);
    const cache = createTextCache(fonts, 2);
    const shot = { text: 'Close-up', style, width: 200, maxLines: 1, metrics };
    const first = cache.clamped(shot);
    expect(cache.clamped({ ...shot })).toBe(first);
    expect(await first).toEqual(await renderClamped(shot, fonts));
    expect(cache.clamped({ ...shot, text: 'Wide shot' })).not.toBe(first);
    await cache.clamped({ ...shot, text: 'Insert' }); // a third caption: the least recently used one goes
    const again = cache.clamped(shot);
    expect(again).not.toBe(first);
    expect(await again).toEqual(await first);
  });
});

describe('a caption cut inside a run of emoji and accented letters', () => {
  // Typed with `castboard panel add`: an accent as a combining mark (e + U+0301), a flag, a
  // skin-tone hand and a family, each one character made of several code points.
  const RUN = 'Ole\u0301🇫🇷👋🏽👩‍👩‍👧'.repeat(4);
  const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
  let dialogue: string;
  beforeAll(async () => {
    dialogue = (await dialoguePanels([RUN]))[0]?.dialogue ?? '';
  });

  it('is cut between characters, as Pango wraps it: it looks like the run cut after a whole character', async () => {
    expect(dialogue).toBe(RUN);
    const characters = Array.from(segmenter.segment(dialogue), (part) => part.segment);
    for (const [maxLines, width] of [[2, 120], [2, 180], [3, 90], [3, 150], [3, 180]] as const) {
      const { image } = await clamped(dialogue, maxLines, width);
      if (!image) throw new Error('expected the caption to be drawn');
      // Each whole-character cut drawn in full (room for 10 lines, so it is never cut again).
      const candidates = await Promise.all(characters.map((_, n) => clamped(`${characters.slice(0, n + 1).join('')}…`, 10, width)));
      const same = candidates.findIndex(({ image: candidate }) => candidate !== null && candidate.width === image.width && candidate.data.equals(image.data));
      expect(same, `${maxLines} lines of ${width} px`).toBeGreaterThanOrEqual(0);
    }
  });
});
