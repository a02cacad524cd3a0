/**
 * Text for contact sheets, drawn with sharp's `text` input and the packaged font.
 * Invariants:
 *  - user text is cleaned (control characters dropped) and Pango-escaped, so a caption such as
 *    `<b>` or `&` is drawn literally and can never break the markup;
 *  - a clamped text never exceeds its box: at most `maxLines` lines (longer text ends with "…")
 *    and never wider than the wrap width, so every cell of a grid has the same shape;
 *  - images are RGBA with a transparent background, cropped by libvips to the ink and an
 *    invisible strut, so an image's top is its first line box's top (see FontMetrics).
 */
import sharp from '../image-safety/sharp-gate';
import { graphemes } from '../../../shared/graphemes';
import { FONT_FAMILY, type FontFiles } from './font';
import { linesHeight, type FontSizes, type LineMetrics } from './layout';

export interface RgbaImage {
  data: Buffer;
  width: number;
  height: number;
}

export interface TextStyle {
  px: number;
  colour: string;
  bold?: boolean;
}

const ELLIPSIS = '…';
// Keep newlines (dialogue has lines); drop other control characters, including bidi overrides.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Normalises line ends and tabs, removes control characters and trims. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '').replace(/\n{3,}/g, '\n\n').trim();
}

/** Renders Pango markup; null when nothing is visible. `px` is the font size in pixels. */
export async function renderMarkup(markup: string, style: TextStyle, fonts: FontFiles, wrapWidth?: number): Promise<RgbaImage | null> {
  if (markup.trim() === '') return null;
  const face = style.bold ? ' Bold' : '';
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${style.colour}">${markup}</span>`,
      font: `${FONT_FAMILY}${face} ${style.px}`,
      fontfile: style.bold ? fonts.bold : fonts.regular,
      dpi: 72, // 1 pt = 1 px, so `px` is a pixel size
      rgba: true,
      ...(wrapWidth ? { width: Math.max(1, Math.floor(wrapWidth)), wrap: 'word-char' as const } : {}),
    },
  })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width === 0 || info.height === 0) return null;
  return { data, width: info.width, height: info.height };
}

/**
 * Measured metrics of one font size and face. `strutMarkup` draws an invisible full-height
 * glyph (box drawing "│", which spans the whole line box) with its advance cancelled: put first,
 * it makes a rendered text's top the top of its first line box whatever the glyphs (caps,
 * accents, lower case), so captions line up across cells and n lines are exactly
 * first + (n - 1) * pitch tall at most.
 */
export interface FontMetrics extends LineMetrics {
  strutMarkup: string;
}

export type TextMetrics = Record<keyof FontSizes, FontMetrics>;

const STRUT = '│';
const metricsCache = new Map<string, Promise<FontMetrics>>();

export function measureFont(px: number, fonts: FontFiles, bold = false): Promise<FontMetrics> {
  const key = `${px}|${bold}|${fonts.regular}|${fonts.bold}`;
  let metrics = metricsCache.get(key);
  if (!metrics) {
    metrics = (async () => {
      const style = { px, colour: '#000000', bold };
      const [one, two, pair] = await Promise.all([renderMarkup(STRUT, style, fonts), renderMarkup(`${STRUT}\n${STRUT}`, style, fonts), renderMarkup(STRUT + STRUT, style, fonts)]);
      if (!one || !two || !pair) throw new Error(`The export font cannot draw ${STRUT} at ${px} px`);
      const advance = pair.width - one.width;
      return { pitch: two.height - one.height, first: one.height, strutMarkup: `<span alpha="1" letter_spacing="${-advance * 1024}">${STRUT}</span>` };
    })();
    metrics.catch(() => metricsCache.delete(key));
    metricsCache.set(key, metrics);
  }
  return metrics;
}

/** Keeps the top-left `width` x `height` of an image (defensive: overlays must fit their box). */
export function cropRgba(image: RgbaImage, width: number, height: number): RgbaImage {
  if (image.width <= width && image.height <= height) return image;
  const w = Math.min(image.width, width);
  const h = Math.min(image.height, height);
  const out = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y += 1) image.data.copy(out, y * w * 4, y * image.width * 4, y * image.width * 4 + w * 4);
  return { data: out, width: w, height: h };
}

export interface ClampedText {
  /** Already-escaped markup drawn before the text, e.g. a field label. */
  prefixMarkup?: string;
  text: string;
  style: TextStyle;
  width: number;
  maxLines: number;
  metrics: FontMetrics;
}

/**
 * Largest n in [0, count) for which `probe(n)` fits (fitting is monotonic in n), or null when not
 * even n = 0 fits. Gallops from `guess` then bisects, so a good estimate costs two or three probes.
 */
async function longestFitting(count: number, guess: number, probe: (n: number) => Promise<RgbaImage | null | false>) {
  let best: { n: number; image: RgbaImage | null } | null = null;
  let low = -1; // largest n known to fit
  let high = count; // smallest n known not to fit
  const test = async (n: number) => {
    const image = await probe(n);
    if (image === false) high = Math.min(high, n);
    else if (n > low) {
      low = n;
      best = { n, image };
    }
    return image !== false;
  };
  const start = Math.min(count - 1, Math.max(0, guess));
  const up = await test(start);
  for (let step = 1; high - low > 1; step *= 2) {
    const next = up ? low + step : high - step;
    if (next <= low || next >= high) break;
    if ((await test(next)) !== up) break;
  }
  while (high - low > 1) await test((low + high) >> 1);
  return best as { n: number; image: RgbaImage | null } | null;
}

/**
 * Wraps `text` to `width` and keeps at most `maxLines` lines. With the strut first, n lines are
 * taller than n - 1 line boxes and no taller than n, so "fits" is simply height <= the box of
 * maxLines lines. Overflow is cut after the most words that still fit with an ellipsis (bisection
 * from an estimate: a few cheap renders). A word too long for one line (a link, a file path,
 * Japanese or Chinese written without spaces, a run of emoji) is cut between user-perceived
 * characters, as Pango wraps it: cutting before it would drop it whole and leave the rest of the
 * box empty ("Ref:…"); cutting inside one would print half an emoji or drop an accent.
 */
export async function renderClamped(spec: ClampedText, fonts: FontFiles): Promise<RgbaImage | null> {
  const text = cleanText(spec.text);
  if (text === '') return null;
  const maxHeight = linesHeight(spec.metrics, spec.maxLines);
  const draw = (body: string) => renderMarkup(`${spec.metrics.strutMarkup}${spec.prefixMarkup ?? ''}${escapeMarkup(body)}`, spec.style, fonts, spec.width);
  const fitting = async (body: string) => {
    const image = await draw(body);
    return image === null || image.height <= maxHeight ? image : false;
  };

  const full = await draw(text);
  if (full === null || full.height <= maxHeight) return full && cropRgba(full, spec.width, maxHeight);

  // The last line is on average half full.
  const lines = Math.ceil((full.height - spec.metrics.first) / spec.metrics.pitch) + 1;
  const share = spec.maxLines / Math.max(1, lines - 0.5);
  const words = text.match(/\S+\s*/g) ?? [text];
  const byWords = await longestFitting(words.length, Math.floor(words.length * share), (n) => fitting(`${words.slice(0, n + 1).join('').trimEnd()}${ELLIPSIS}`));
  const kept = byWords ? byWords.n + 1 : 0;
  const next = words[kept];
  if (next !== undefined && (kept === 0 || (await widerThanLine(next.trimEnd(), spec, fonts)))) {
    const head = words.slice(0, kept).join('');
    const chars = graphemes(next.trimEnd()); // whole user-perceived characters: no half emoji, no accent torn off
    const byChars = await longestFitting(chars.length, Math.floor(chars.length * share), (n) => fitting(`${head}${chars.slice(0, n + 1).join('')}${ELLIPSIS}`));
    if (byChars) return byChars.image && cropRgba(byChars.image, spec.width, maxHeight);
  }
  const image = byWords ? byWords.image : full;
  return image && cropRgba(image, spec.width, maxHeight);
}

/** Whether `word` drawn on its own, unwrapped, is wider than the box (Pango must break it). */
async function widerThanLine(word: string, spec: ClampedText, fonts: FontFiles): Promise<boolean> {
  const image = await renderMarkup(escapeMarkup(word), spec.style, fonts);
  return (image?.width ?? 0) > spec.width;
}

/** Text renders shared by the cells of one sheet (see createTextCache). */
export interface TextCache {
  clamped(spec: ClampedText): Promise<RgbaImage | null>;
}

/**
 * Caption renders for one sheet: a text that repeats (a shot label, "No image") is drawn once
 * and its image shared (pieces are only read). At most `limit` images are kept, the least
 * recently used dropped first, so memory does not grow with the number of panels.
 */
export function createTextCache(fonts: FontFiles, limit = 64): TextCache {
  const kept = new Map<string, Promise<RgbaImage | null>>();
  return {
    clamped(spec) {
      const { style, metrics } = spec;
      const key = JSON.stringify([spec.prefixMarkup ?? '', spec.text, style.px, style.colour, style.bold ?? false, spec.width, spec.maxLines, metrics.strutMarkup, metrics.first, metrics.pitch]);
      let image = kept.get(key);
      if (image) kept.delete(key); // re-inserted below: most recently used last
      else {
        image = renderClamped(spec, fonts);
        image.catch(() => kept.delete(key));
      }
      kept.set(key, image);
      if (kept.size > limit) kept.delete(kept.keys().next().value as string);
      return image;
    },
  };
}
