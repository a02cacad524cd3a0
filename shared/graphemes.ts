/**
 * Text split into user-perceived characters (Unicode extended grapheme clusters), the unit every
 * export counts and cuts by: a family 👩‍👩‍👧 (5 code points), a flag 🇫🇷 (2), a waving hand with
 * a skin tone 👋🏽 (2) or an "e" followed by a combining accent (2) is one character.
 * Invariants:
 *  - counting is in graphemes, so a subtitle line holds 42 of what the reader sees, not 42 code
 *    points (emoji and decomposed accents would make lines break early);
 *  - a cut falls only between graphemes, so it never prints half an emoji or drops an accent
 *    from its letter;
 *  - graphemes(text).join('') === text.
 * Intl.Segmenter is built into Node 20+ and Chromium, so this needs no dependency (the app, the CLI
 * and the renderer can all use it).
 */

// Made on first use, not when the module loads: the renderer's start-up imports this module
// (project-edit.ts), and the first Intl object of a page loads locale data (renderer/lib/format.ts).
let made: Intl.Segmenter | undefined;
const segmenter = () => (made ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/** The user-perceived characters of `text`, in order. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter().segment(text), (part) => part.segment);
}

/** How many user-perceived characters `text` holds. */
export function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of segmenter().segment(text)) count += 1;
  return count;
}

/** The first `count` user-perceived characters of `text` (all of it when it is shorter). */
export function firstGraphemes(text: string, count: number): string {
  return graphemes(text).slice(0, Math.max(0, count)).join('');
}

/**
 * The longest start of `text` made of whole user-perceived characters and at most `maxLength`
 * UTF-16 code units: for budgets that count units (file names), so a cut never leaves half an
 * emoji (a lone surrogate, written to disk as "�").
 */
export function cutToLength(text: string, maxLength: number): string {
  let kept = '';
  for (const { segment } of segmenter().segment(text)) {
    if (kept.length + segment.length > maxLength) break;
    kept += segment;
  }
  return kept;
}
