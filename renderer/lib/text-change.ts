/**
 * Where two versions of a text differ: the one run that was removed and the one inserted in its
 * place, at `at`. A keystroke, a paste, an undo or a redo of typing each change one run, so this
 * is exact for them, except where the run could sit in more than one place ("a" typed into
 * "aa"): then it is put as far right as the texts allow (`leftmost` puts it as far left).
 */
export interface TextChange {
  at: number;
  removed: string;
  inserted: string;
}

function commonStart(a: string, b: string, limit: number): number {
  let length = 0;
  while (length < limit && a[length] === b[length]) length += 1;
  return length;
}

function commonEnd(a: string, b: string, limit: number): number {
  let length = 0;
  while (length < limit && a[a.length - 1 - length] === b[b.length - 1 - length]) length += 1;
  return length;
}

export function textChange(before: string, after: string, options: { leftmost?: boolean } = {}): TextChange {
  const shorter = Math.min(before.length, after.length);
  let at: number;
  let tail: number;
  if (options.leftmost) {
    tail = commonEnd(before, after, shorter);
    at = commonStart(before, after, shorter - tail);
  } else {
    at = commonStart(before, after, shorter);
    tail = commonEnd(before, after, shorter - at);
  }
  return { at, removed: before.slice(at, before.length - tail), inserted: after.slice(at, after.length - tail) };
}
