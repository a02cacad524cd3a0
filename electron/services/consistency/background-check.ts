/**
 * "Check new takes": when the artist turned it on, each take that arrives from the gateway is
 * checked against its character in the background and the outcome is pushed to the window.
 * Takes that arrive while a check runs are gathered and checked together next, so bursts of
 * results never start more than one check at a time. A failure is logged and dropped: it is a
 * convenience, the artist can always run the check by hand.
 */
import type { TakeConsistency } from '../../../shared/domain/consistency';
import type { Project } from '../../../shared/domain/project';
import type { Settings } from '../../../shared/domain/settings';
import type { Logger } from '../logger';
import type { ConsistencyService } from './consistency-service';

export interface BackgroundCheckDeps {
  consistency: ConsistencyService;
  /** The open project (root null when none is open). */
  workspace(): { root: string | null; project: Project | null };
  settings(): Pick<Settings, 'checkNewTakes' | 'consistencyThreshold'>;
  logger: Logger;
  /** The outcomes, with the project they were measured in (it may have been closed since). */
  onResults(results: TakeConsistency[], checked: { root: string; project: Project }): void;
}

/** Returns the function to call with the ids of new takes. */
export function checkNewTakesInBackground(deps: BackgroundCheckDeps): (takeIds: readonly string[]) => void {
  const waiting = new Set<string>();
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    try {
      while (waiting.size > 0) {
        const takeIds = [...waiting];
        waiting.clear();
        const { root, project } = deps.workspace();
        if (!root || !project) return;
        const results = await deps.consistency.check({ root, project, takeIds, threshold: deps.settings().consistencyThreshold });
        if (results.length > 0) deps.onResults(results, { root, project });
      }
    } catch (error) {
      deps.logger.warn('Checking new takes for consistency failed', { error });
    } finally {
      running = false;
    }
  }

  return (takeIds) => {
    if (!deps.settings().checkNewTakes || takeIds.length === 0) return;
    for (const id of takeIds) waiting.add(id);
    if (!running) void drain();
  };
}
