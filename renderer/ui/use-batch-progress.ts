/**
 * Progress of the current batch (every job started since the queue was last idle, by this page or
 * found running by it: see joinBatch in jobs-slice): how many finished, failed, were cancelled,
 * or are kept (paid, still at the gateway: not a failure, collected by Retry or the next open),
 * and whether any is still running. Primitives only, so the status bar and banner re-render when
 * a number changes, not on every push.
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../state/store-context';
import { isKept, isTerminal } from '../state/jobs-slice';

export interface BatchProgress {
  total: number;
  done: number;
  failed: number;
  /** Paid jobs the gateway still holds after Castboard lost contact (GATEWAY_JOB_KEPT). */
  kept: number;
  cancelled: number;
  running: boolean;
}

export function useBatchProgress(): BatchProgress {
  return useAppStore(
    useShallow((s): BatchProgress => {
      const jobs = new Map((s.queue?.jobs ?? []).map((job) => [job.id, job]));
      const progress: BatchProgress = { total: 0, done: 0, failed: 0, kept: 0, cancelled: 0, running: false };
      for (const id of s.batchJobIds) {
        const job = jobs.get(id);
        if (!job) continue;
        progress.total += 1;
        if (job.state === 'done') progress.done += 1;
        else if (isKept(job)) progress.kept += 1;
        else if (job.state === 'failed') progress.failed += 1;
        else if (job.state === 'cancelled') progress.cancelled += 1;
        if (!isTerminal(job)) progress.running = true;
      }
      return progress;
    }),
  );
}

/** The current time, re-read every `intervalMs` while `active` (for countdowns). */
export function useNow(active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
