/**
 * The panels a batch leaves out, told once per reason ("Panels 1–4: Add a reference image for
 * Mara first."), so a long list never hides a second reason behind "…and 12 more". The reasons
 * are planBatch's (the shared panelProblem), never reworded here; groups keep board order of
 * their first panel.
 */
import type { BatchPlan } from '../../state/readiness';

export interface SkippedReason {
  problem: string;
  /** "Panel 3", "Panels 3 and 8", "Panels 1, 2 and 4–7". */
  panels: string;
}

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

function panelsLabel(numbers: readonly number[]): string {
  if (numbers.length === 1) return `Panel ${numbers[0] ?? ''}`;
  const runs = runsOf(numbers);
  const last = runs.pop() ?? '';
  return runs.length === 0 ? `Panels ${last}` : `Panels ${runs.join(', ')} and ${last}`;
}

export function skippedReasons(skipped: BatchPlan['skipped']): SkippedReason[] {
  const byProblem = new Map<string, number[]>();
  for (const item of skipped) byProblem.set(item.problem, [...(byProblem.get(item.problem) ?? []), item.number]);
  return Array.from(byProblem, ([problem, numbers]) => ({ problem, panels: panelsLabel(numbers) }));
}
