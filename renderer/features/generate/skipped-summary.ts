/**
 * The panels a batch leaves out, told once per reason ("Panels 1–4: Add a reference image for
 * Mara first."), so a long list never hides a second reason behind "…and 12 more". The reasons
 * are planBatch's (the shared panelProblem), never reworded here; groups keep board order of
 * their first panel.
 */
import type { BatchPlan } from '../../state/readiness';
import { panelsLabel } from '../../lib/panel-numbers';

export interface SkippedReason {
  problem: string;
  /** "Panel 3", "Panels 3 and 8", "Panels 1, 2 and 4–7". */
  panels: string;
}

export function skippedReasons(skipped: BatchPlan['skipped']): SkippedReason[] {
  const byProblem = new Map<string, number[]>();
  for (const item of skipped) byProblem.set(item.problem, [...(byProblem.get(item.problem) ?? []), item.number]);
  return Array.from(byProblem, ([problem, numbers]) => ({ problem, panels: panelsLabel(numbers) }));
}
