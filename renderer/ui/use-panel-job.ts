/**
 * The generation state of one panel in a render-friendly shape: primitives only, so a card
 * re-renders when its own job changes and not on every queue push.
 */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../state/store-context';
import { isKept } from '../state/jobs-slice';

export type PanelJobPhase = 'idle' | 'queued' | 'working' | 'failed' | 'cancelled';

export interface PanelJob {
  panelId: string;
  phase: PanelJobPhase;
  jobId: string | null;
  kind: 'generate' | 'restyle' | 'resume' | null;
  error: string | null;
  /** True when the images were paid for and are only waiting to be written: retrying would pay again. */
  heldByMain: boolean;
  /** True while the whole queue is paused (rate limit, key, credits). */
  paused: boolean;
  /** Cancelled while its request was in flight: it finishes (paid for) and is kept; shown only on a panel with no take. */
  finishing: boolean;
  /** Failed with an answer that was paid for but unusable: a Retry is a new charge. */
  charged: boolean;
  /** Paid and still at the gateway (contact lost): its Retry collects the image, it sends nothing new. */
  kept: boolean;
}

export function usePanelJob(panelId: string): PanelJob {
  return useAppStore(
    useShallow((s): PanelJob => {
      const job = s.jobByPanel[panelId];
      const paused = s.queue?.pause != null;
      if (!job || job.state === 'done') return { panelId, phase: 'idle', jobId: null, kind: null, error: null, heldByMain: false, paused, finishing: false, charged: false, kept: false };
      const phase: PanelJobPhase =
        job.state === 'failed' ? 'failed' : job.state === 'cancelled' ? 'cancelled' : job.state === 'queued' ? 'queued' : 'working';
      return { panelId, phase, jobId: job.id, kind: job.kind, error: job.error?.message ?? null, heldByMain: job.error?.code === 'RESULT_NOT_STORED', paused, finishing: job.cancelRequested === true, charged: job.paidWithoutImage === 'unusable', kept: isKept(job) };
    }),
  );
}
