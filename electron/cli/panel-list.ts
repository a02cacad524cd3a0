/**
 * Panel lists as artists write them: 1-based panel numbers and ranges, "1,3-5". The result is
 * sorted and without duplicates, so "3,1-3" means panels 1, 2 and 3, each once. Numbers outside
 * the project are a usage error naming the valid range, never silently dropped: a typo must not
 * shrink (or redirect) a paid batch.
 */
import { UsageError } from './cli-io';

function rangeText(count: number): string {
  return count === 1 ? 'only panel 1' : `panels 1-${count}`;
}

function parsePart(part: string, option: string, raw: string): [number, number] {
  const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
  if (!match) throw new UsageError(`${option} takes panel numbers and ranges such as 1,3-5 (you gave "${raw}").`);
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (to < from) throw new UsageError(`The range ${from}-${to} in ${option} goes backwards; write ${to}-${from}.`);
  return [from, to];
}

/** Parses "1,3-5" against a project of `count` panels; returns 1-based numbers, ascending. */
export function parsePanelList(raw: string, count: number, option = '--panels'): number[] {
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.every((part) => part === '')) throw new UsageError(`${option} needs at least one panel number, e.g. ${option} 1,3-5.`);
  const numbers = new Set<number>();
  for (const part of parts) {
    if (part === '') continue; // tolerate "1,,2" and a trailing comma
    const [from, to] = parsePart(part, option, raw);
    if (from < 1 || to > count) {
      const bad = from < 1 ? from : to;
      throw new UsageError(`There is no panel ${bad}: this project has ${rangeText(count)}. Fix ${option}.`);
    }
    for (let n = from; n <= to; n += 1) numbers.add(n);
  }
  return [...numbers].sort((a, b) => a - b);
}
