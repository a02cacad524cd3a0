/**
 * Whether a panel can be generated yet, and if not, the one thing the artist should do next.
 * Ideogram Character needs a scene and exactly one character reference image per request, so a
 * panel without them would only fail (or, worse, be refused after a paid attempt).
 */
import type { Project } from '../../shared/domain/project';
import { panelProblem } from '../../shared/generation/request-plan';

/** One list of reasons for the app, main and the CLI: a panel with "No character" is never given a stand-in. */
export { panelProblem };

export interface BatchPlan {
  ready: string[];
  /** Panels left out, with why (board numbers are 1-based). */
  skipped: Array<{ panelId: string; number: number; problem: string }>;
}

/** Splits panels into those that can be generated and those that cannot, in board order. */
export function planBatch(doc: Project, panelIds: readonly string[]): BatchPlan {
  const wanted = new Set(panelIds);
  const plan: BatchPlan = { ready: [], skipped: [] };
  doc.panels.forEach((panel, index) => {
    if (!wanted.has(panel.id)) return;
    const problem = panelProblem(panel, doc.characters);
    if (problem) plan.skipped.push({ panelId: panel.id, number: index + 1, problem });
    else plan.ready.push(panel.id);
  });
  return plan;
}
