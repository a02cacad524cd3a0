/**
 * The last consistency outcomes of a project, kept in its folder at cache/consistency.json so the
 * board shows them again when the project is reopened (outcomes are by take and name the reference
 * image they were measured against, so the renderer can tell the ones that went out of date).
 * Invariants:
 *  - it is a cache, never part of project.json: missing, damaged or of another format, it is
 *    ignored (the check can be run again) and never a reason to refuse opening the project;
 *  - a check adds its outcomes to the saved ones (a check of panels 1-3 keeps panel 7's) and
 *    outcomes of takes the project no longer has are dropped;
 *  - writes are atomic but not fsynced, and a failed write never fails the check (a read-only
 *    project is still checked, its outcomes are just not remembered): remember answers with the
 *    error instead of throwing, the app ignores it and the CLI says it as a warning;
 *  - the app and the CLI (`castboard consistency`) keep outcomes in the same file by the same
 *    rules; as with the face cache, when both write at once the last write wins (a cache: an
 *    outcome lost that way only needs the check again).
 *  - saves run one after the other, so a background check and a requested one never interleave
 *    their read-merge-write.
 */
import { z } from 'zod';
import { TakeConsistencySchema, type TakeConsistency } from '../../../shared/domain/consistency';
import type { Project } from '../../../shared/domain/project';
import { readProjectFileIfSafe, writeProjectFile } from '../project/project-files';
import { CONSISTENCY_RESULTS_FILE } from '../project/project-paths';

const FORMAT = 1;
const MAX_RESULTS = 100_000;

const SavedFileSchema = z.object({
  format: z.literal(FORMAT),
  results: z.array(TakeConsistencySchema).max(MAX_RESULTS),
});

/** Whether remember could write the file; `error` is the file system's (for the CLI's warning). */
export type RememberOutcome = { saved: true } | { saved: false; error: unknown };

export interface SavedResults {
  /** Adds these outcomes to the project's saved ones; never throws (a failed write is answered, not thrown). */
  remember(root: string, project: Project, results: readonly TakeConsistency[]): Promise<RememberOutcome>;
  /** The saved outcomes of takes the project still has; [] when there are none or the file is damaged. */
  recall(root: string, project: Project): Promise<TakeConsistency[]>;
}

async function readSaved(root: string): Promise<TakeConsistency[]> {
  try {
    const bytes = await readProjectFileIfSafe(root, CONSISTENCY_RESULTS_FILE, 'cache');
    if (!bytes) return [];
    const parsed = SavedFileSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data.results : [];
  } catch {
    return [];
  }
}

/** Outcomes of takes still in the project, keyed by take (an outcome without a take says nothing to keep). */
function ofExistingTakes(project: Project, results: readonly TakeConsistency[]): Map<string, TakeConsistency> {
  const panelOfTake = new Map(project.panels.flatMap((panel) => panel.takes.map((take) => [take.id, panel.id] as const)));
  const kept = new Map<string, TakeConsistency>();
  for (const result of results) {
    if (result.takeId !== null && panelOfTake.get(result.takeId) === result.panelId) kept.set(result.takeId, result);
  }
  return kept;
}

export function createSavedResults(): SavedResults {
  let saving: Promise<void> = Promise.resolve();
  return {
    remember(root, project, results) {
      const write = saving.then(async () => {
        const merged = ofExistingTakes(project, [...(await readSaved(root)), ...results]);
        const body = JSON.stringify({ format: FORMAT, results: [...merged.values()].slice(-MAX_RESULTS) });
        await writeProjectFile(root, CONSISTENCY_RESULTS_FILE, body, { durable: false });
      });
      // The next save waits for this one whether it worked or not.
      saving = write.catch(() => undefined);
      return write.then(
        (): RememberOutcome => ({ saved: true }),
        (error: unknown): RememberOutcome => ({ saved: false, error }),
      );
    },
    async recall(root, project) {
      return [...ofExistingTakes(project, await readSaved(root)).values()];
    },
  };
}
