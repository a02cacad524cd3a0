/**
 * Board numbers in words for messages that name several panels ("Panel 3", "Panels 3 and 8",
 * "Panels 1, 2 and 4–7"): runs of three or more are shortened, so a long list stays one line.
 */

/** Board numbers as runs: [1, 2, 3, 5] -> ["1–3", "5"]; a run of two stays two numbers. */
function runsOf(numbers: readonly number[]): string[] {
  const runs: string[] = [];
  let start = 0;
  for (let index = 1; index <= numbers.length; index += 1) {
    if (index < numbers.length && numbers[index] === (numbers[index - 1] ?? 0) + 1) continue;
    const first = numbers[start] ?? 0;
    const last = numbers[index - 1] ?? 0;
    if (last - first >= 2) runs.push(`${first}–${last}`);
    else for (let n = first; n <= last; n += 1) runs.push(String(n));
    start = index;
  }
  return runs;
}

/** Ascending board numbers as "Panel 3", "Panels 3 and 8", "Panels 1, 2 and 4–7". */
export function panelsLabel(numbers: readonly number[]): string {
  if (numbers.length === 1) return `Panel ${numbers[0] ?? ''}`;
  const runs = runsOf(numbers);
  const last = runs.pop() ?? '';
  return runs.length === 0 ? `Panels ${last}` : `Panels ${runs.join(', ')} and ${last}`;
}
