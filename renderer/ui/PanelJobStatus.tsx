/**
 * A panel's generation state: queued, working (or paused with the queue), failed with the error
 * in the artist's words and a Retry button, with Cancel while it waits or runs. Drawn over a
 * board card (the error clamped to three lines, whole in its title) and in the inspector (whole).
 * A failed job never changed the panel's takes, so the previous take stays active underneath.
 */
import { useAppStore } from '../state/store-context';
import { Icon } from './Icon';
import type { PanelJob } from './use-panel-job';
import { paidButton } from './paid-button';

export interface PanelJobStatusProps {
  panelNumber: number;
  job: PanelJob;
  variant: 'card' | 'inspector';
}

export function PanelJobStatus({ panelNumber, job, variant }: PanelJobStatusProps) {
  const retryPanel = useAppStore((s) => s.retryPanel);
  const cancelJob = useAppStore((s) => s.cancelJob);
  if (job.phase === 'idle' || job.phase === 'cancelled') return null;
  if (job.phase === 'failed') {
    const error = job.error ?? 'This panel could not be generated.';
    return (
      <div className={`job-status job-failed job-${variant}`} role="alert">
        {/* The card clamps the message to stay compact; its title holds the rest (often what to do
            next, e.g. that Retry does not charge twice). The inspector shows it whole. */}
        <p className="job-error" title={variant === 'card' ? error : undefined}>
          {error}
        </p>
        {/* The message says the project was not changed; the money was spent all the same. */}
        {job.charged && variant === 'inspector' && <p className="job-error">This answer was charged: Spent counts it, and Retry is a new request.</p>}
        {/* Held images are already paid for: a Retry would pay again, so none is offered. */}
        {/* A kept job's image is paid for and waiting: the button collects it, and says so. */}
        {!job.heldByMain && job.kept && (
          <button type="button" className="button-small" aria-label={`Collect panel ${panelNumber}'s image`} title="Ask the gateway again for the image already paid for (nothing new is paid)" {...paidButton(() => void retryPanel(job.panelId))}>
            <Icon name="retry" size={13} /> Collect
          </button>
        )}
        {!job.heldByMain && !job.kept && (
          <button type="button" className="button-small" aria-label={`Retry panel ${panelNumber}`} {...paidButton(() => void retryPanel(job.panelId))}>
            <Icon name="retry" size={13} /> Retry
          </button>
        )}
      </div>
    );
  }
  const verb = job.kind === 'restyle' ? 'Restyling' : 'Generating';
  const label = job.finishing ? 'Finishing after cancel (paid for, kept as a take)' : job.paused ? 'Paused' : job.phase === 'queued' ? 'Queued' : `${verb}…`;
  return (
    <div className={`job-status job-${job.phase} job-${variant}`} role="status">
      <span className="job-pill">
        {job.phase === 'working' && !job.paused && <span className="spinner" aria-hidden="true" />}
        {label}
      </span>
      {job.jobId && !job.finishing && (
        <button
          type="button"
          className="button-small button-ghost"
          aria-label={`Cancel panel ${panelNumber}`}
          title="Cancel this panel's generation"
          onClick={() => job.jobId && void cancelJob(job.jobId)}
        >
          <Icon name="close" size={12} />
          {variant === 'inspector' && ' Cancel'}
        </button>
      )}
    </div>
  );
}
