/**
 * Paid results whose images could not be written into the project yet (a full disk, a folder made
 * read-only): held in memory and written by themselves every few seconds, oldest first, until they
 * are. Invariants: a held result is never dropped silently; only `abandon` (a caller that cannot
 * wait, the CLI ending) gives them up, and then an image answered at once is recorded as paid
 * without an image while an async job's stays pending in the project (collected later, not paid again).
 */
import type { GenerationResult } from '../gateway/gateway-types';
import type { QueueJob, ResultContext } from '../gateway/queue-types';
import type { createSpendRecord } from './spend-record';

const HELD_RETRY_MS = 5000;
const NOT_WRITTEN = 'made and paid for, but the project folder could not be written (disk full?) before the command ended';

interface HeldResult {
  job: QueueJob;
  result: GenerationResult;
  context: ResultContext;
}

export interface HeldResultsDeps {
  /** Writes one result into the project; throws while it still cannot. */
  store: (job: QueueJob, result: GenerationResult, context: ResultContext) => Promise<void>;
  spendRecord: ReturnType<typeof createSpendRecord>;
  /** A held result was written at last (its job is done now). */
  onStored: (jobId: string) => void;
}

export function createHeldResults(deps: HeldResultsDeps) {
  const held: HeldResult[] = [];
  let retryTimer: ReturnType<typeof setInterval> | undefined;

  function stopRetrying(): void {
    clearInterval(retryTimer);
    retryTimer = undefined;
  }

  /** Tries the held results again, oldest first; stops at the first that still cannot be written. */
  async function storeAll(): Promise<void> {
    while (held.length > 0) {
      const [next] = held;
      if (!next) break;
      try {
        await deps.store(next.job, next.result, next.context);
      } catch {
        return;
      }
      held.shift();
      deps.onStored(next.job.id);
    }
    stopRetrying();
  }

  const imagesOf = (list: readonly HeldResult[]) => list.reduce((sum, { result }) => sum + result.images.length, 0);
  const centsOf = (list: readonly HeldResult[]) => list.reduce((sum, { result }) => sum + result.costCents, 0);

  return {
    hold(job: QueueJob, result: GenerationResult, context: ResultContext): void {
      held.push({ job, result, context });
      retryTimer ??= setInterval(() => void storeAll(), HELD_RETRY_MS);
      retryTimer.unref?.();
    },
    storeAll,
    /**
     * For a caller that cannot wait for space (the CLI ends): gives up the held results. An async
     * job's stays pending in the project (collected again later, not paid again); an image answered
     * at once is recorded as paid without an image. Says what was held and what was lost.
     */
    abandon: async (): Promise<{ images: number; cents: number; lostImages: number; lostCents: number }> => {
      stopRetrying();
      const given = held.splice(0);
      const lost = given.filter(({ result }) => !result.remoteJobId);
      await Promise.all(
        lost.map(({ job, result, context }) =>
          deps.spendRecord.add(job.panelId, { kind: 'unusable', reason: NOT_WRITTEN, costCents: result.costCents, images: result.images.length, idempotencyKey: context.idempotencyKey }),
        ),
      );
      return { images: imagesOf(given), cents: centsOf(given), lostImages: imagesOf(lost), lostCents: centsOf(lost) };
    },
    /** Images held for this panel that no pending async job will bring (those answered at once). */
    comingTo(panelId: string): number {
      return imagesOf(held.filter(({ job, result }) => job.panelId === panelId && !result.remoteJobId));
    },
    get count(): number {
      return held.length;
    },
    images: (): number => imagesOf(held),
    stopRetrying,
  };
}
