/**
 * Where two versions of a text differ: the one run that was removed and the one inserted in its
 * place, at `at` (longest common start, then longest common end that does not overlap it). A
 * keystroke, a paste, an undo or a redo of typing each change one run, so this is exact for them.
 */
export interface TextChange {
  at: number;
  removed: string;
  inserted: string;
}

export function textChange(before: string, after: string): TextChange {
  const shorter = Math.min(before.length, after.length);
  let at = 0;
  while (at < shorter && before[at] === after[at]) at += 1;
  let tail = 0;
  while (tail < shorter - at && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail += 1;
  return { at, removed: before.slice(at, before.length - tail), inserted: after.slice(at, after.length - tail) };
}
