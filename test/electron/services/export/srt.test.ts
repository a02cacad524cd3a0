/**
 * The animatic's subtitles read like subtitles: at most 2 lines of at most 42 characters per cue,
 * broken at spaces, long dialogue spread over consecutive cues that share the panel's time in
 * proportion to their length. A character is what the reader sees: an emoji made of several code
 * points (family, flag, skin tone) or a letter typed with a combining accent counts once and is
 * never cut in two. The project is made with `castboard init` / `panel add` and the
 * subtitles written by `castboard export --format mp4 --srt`, as an artist does.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutFrames } from '../../../../electron/services/export/production-input';
import { cli, makeProject, tempDir } from '../../cli/cli-kit';

const LONG = 'Keep the lamp lit until the ferry is past the rocks, whatever the storm does, and do not open the door for anyone who knocks before dawn.';
const LINK = 'Read it: https://example.com/keepers/logbook/1897/the-night-of-the-storm-and-the-ferry now';
const TWO_SPEAKERS = 'Who is there?\nOnly the wind, Mara.';
const SHORT = 'Who is there?';
// "e" + U+0301 and "a" + U+0300: accents typed as combining marks (as some keyboards and pastes do).
const EMOJI_WORDS = 'The family 👩‍👩‍👧 waves 👋🏽 from the quay under the flag 🇫🇷 and the keeper calls out “Cafe\u0301, de\u0301ja\u0300 vu!” to them all';
const EMOJI_RUN = 'Ole\u0301🇫🇷👋🏽👩‍👩‍👧'.repeat(10); // 60 characters, no space: cut between characters
/** Panels in order: [dialogue, duration in seconds]. */
const PANEL_SPECS: Array<[string, number]> = [[SHORT, 2], [LONG, 4.5], ['', 1], [LINK, 3], [TWO_SPEAKERS, 2], [EMOJI_WORDS, 4], [EMOJI_RUN, 3]];

interface Cue {
  number: number;
  start: number;
  end: number;
  lines: string[];
}

/** An independent SubRip reader: blocks separated by a blank line, "HH:MM:SS,mmm --> HH:MM:SS,mmm". */
function parseSrt(text: string): Cue[] {
  const ms = (stamp: string) => {
    const match = /^(\d{2}):(\d{2}):(\d{2}),(\d{3})$/.exec(stamp);
    if (!match) throw new Error(`bad timestamp ${stamp}`);
    return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000 + Number(match[4]);
  };
  return text
    .trimEnd()
    .split('\n\n')
    .map((block) => {
      const [number = '', times = '', ...lines] = block.split('\n');
      const [start = '', end = ''] = times.split(' --> ');
      return { number: Number(number), start: ms(start), end: ms(end), lines };
    });
}

// An independent count of user-perceived characters (extended grapheme clusters).
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const characters = (text: string) => Array.from(segmenter.segment(text), (part) => part.segment);
const chars = (text: string) => characters(text).length;

let dir: string;
let cleanup: () => Promise<void>;
let cues: Cue[];
let srt: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const project = await makeProject(dir, []);
  const frame = path.join(dir, 'frame.png');
  await sharp({ create: { width: 320, height: 180, channels: 3, background: '#345678' } }).png().toFile(frame);
  for (const [dialogue, duration] of PANEL_SPECS) {
    const added = await cli(['panel', 'add', project, '--image', frame, '--scene', 'The lamp room', '--duration', String(duration), ...(dialogue ? ['--dialogue', dialogue] : [])]);
    expect(added.code, added.stderr).toBe(0);
  }
  const out = path.join(dir, 'animatic.mp4');
  const result = await cli(['export', project, '--format', 'mp4', '--out', out, '--fps', '25', '--size', '1280x720', '--no-captions', '--srt']);
  expect(result.code, result.stderr).toBe(0);
  srt = await readFile(out.replace(/\.mp4$/, '.srt'), 'utf8');
  cues = parseSrt(srt);
});
afterAll(() => cleanup());

/** Each panel's start and end in ms: the video's frame-exact cuts at 25 fps. */
const CUTS = cutFrames(PANEL_SPECS.map(([, durationSeconds]) => ({ durationSeconds })), 25).map((frame) => Math.round((frame / 25) * 1000));
const PANELS = CUTS.slice(0, -1).map((start, index) => [start, CUTS[index + 1] ?? 0] as const);
const within = (cue: Cue, panel: number) => cue.start >= (PANELS[panel]?.[0] ?? -1) && cue.end <= (PANELS[panel]?.[1] ?? -1);

describe('animatic subtitles (SRT)', () => {
  it('never shows more than 2 lines of 42 characters, numbered from 1 in order, LF line ends', () => {
    expect(srt).not.toContain('\r');
    expect(cues.map((cue) => cue.number)).toEqual(cues.map((_, index) => index + 1));
    for (const cue of cues) {
      expect(cue.lines.length).toBeGreaterThanOrEqual(1);
      expect(cue.lines.length).toBeLessThanOrEqual(2);
      for (const line of cue.lines) {
        expect(chars(line), line).toBeLessThanOrEqual(42);
        expect(line).toBe(line.trim());
      }
    }
  });

  it('keeps a short line as one cue over its whole panel, and the artist\'s own line breaks', () => {
    expect(srt.startsWith(`1\n00:00:00,000 --> 00:00:02,000\n${SHORT}\n`)).toBe(true);
    expect(cues.filter((cue) => within(cue, 4))).toEqual([{ number: expect.any(Number), start: PANELS[4]?.[0], end: PANELS[4]?.[1], lines: ['Who is there?', 'Only the wind, Mara.'] }]);
    expect(cues.some((cue) => within(cue, 2))).toBe(false); // the silent panel has no cue
  });

  it('breaks at spaces, loses no word, and cuts a word longer than a line between characters', () => {
    const long = cues.filter((cue) => within(cue, 1));
    expect(long.flatMap((cue) => cue.lines).join(' ')).toBe(LONG);
    const link = cues.filter((cue) => within(cue, 3)).flatMap((cue) => cue.lines);
    expect(link.join('').replace(/\s/g, '')).toBe(LINK.replace(/\s/g, ''));
    expect(link[0]).toBe('Read it:'); // the address starts its own line...
    expect(link[1]).toHaveLength(42); // ...and fills whole lines before it is cut
  });

  it('spreads long dialogue over cues that share the panel time by length, with no gap or overlap', () => {
    for (const panel of [1, 3, 5]) {
      const parts = cues.filter((cue) => within(cue, panel));
      expect(parts.length, `panel ${panel + 1}`).toBeGreaterThan(1);
      expect(parts[0]?.start).toBe(PANELS[panel]?.[0]);
      expect(parts.at(-1)?.end).toBe(PANELS[panel]?.[1]);
      const total = parts.reduce((sum, cue) => sum + chars(cue.lines.join('')), 0);
      const span = (PANELS[panel]?.[1] ?? 0) - (PANELS[panel]?.[0] ?? 0);
      parts.forEach((cue, index) => {
        expect(cue.end).toBeGreaterThan(cue.start);
        if (index > 0) expect(cue.start).toBe(parts[index - 1]?.end);
        expect(Math.abs(cue.end - cue.start - (span * chars(cue.lines.join(''))) / total)).toBeLessThanOrEqual(2);
      });
    }
    for (let index = 1; index < cues.length; index += 1) expect(cues[index]?.start).toBeGreaterThanOrEqual(cues[index - 1]?.end ?? Infinity);
  });

  const panelLines = (panel: number) => cues.filter((cue) => within(cue, panel)).flatMap((cue) => cue.lines);

  it('counts an emoji or an accented letter as one character, so lines fill to 42 of them', () => {
    const lines = panelLines(5);
    expect(lines.join(' ')).toBe(EMOJI_WORDS);
    lines.forEach((line, index) => {
      expect(chars(line), line).toBeLessThanOrEqual(42);
      // Broken only when the next word would not fit: no line ends early because of its emoji.
      const next = lines[index + 1]?.split(' ')[0];
      if (next !== undefined) expect(chars(line) + 1 + chars(next), line).toBeGreaterThan(42);
    });
  });

  it('cuts a run of emoji and accented letters only between characters, never inside one', () => {
    const lines = panelLines(6);
    expect(lines.join('')).toBe(EMOJI_RUN);
    // Each line on its own holds whole characters: together they are the dialogue's characters.
    expect(lines.flatMap(characters)).toEqual(characters(EMOJI_RUN));
    expect(lines.map(chars)).toEqual([42, 18]);
  });
});
