/**
 * The queue, above the board: overall progress of the current batch with Cancel all; a paused
 * queue with its reason (a visible Retry-After countdown for a rate limit; Resume, and Settings
 * for a bad key, when only the artist can fix it); after a batch with failures, what was paid for
 * without an image; and why the last start failed.
 */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../state/store-context';
import { formatCents, formatCountdown, plural, withoutImageCounts } from '../../lib/format';
import { DismissableBanner } from '../../ui/DismissableBanner';
import { batchProgressWords } from '../../ui/batch-progress-words';
import { useBatchProgress, useNow } from '../../ui/use-batch-progress';

const PAUSE_TITLES = { 'out-of-credits': 'Out of credits', 'bad-key': 'API key refused', 'rate-limit-long': 'Paused: the gateway asked for a long wait' } as const;

function PauseNotice() {
  const { pause, resumeQueue, openDialog } = useAppStore(useShallow((s) => ({ pause: s.queue?.pause ?? null, resumeQueue: s.resumeQueue, openDialog: s.openDialog })));
  const now = useNow(pause?.reason === 'rate-limit');
  if (!pause) return null;
  if (pause.reason === 'rate-limit') {
    return (
      <div className="banner banner-warning" role="status">
        <span className="banner-title">Paused</span>
        <span>{pause.message}</span>
        <span className="countdown" aria-label="Resuming in">
          Resuming in <strong className="mono">{formatCountdown(pause.resumeAt - now)}</strong>
        </span>
      </div>
    );
  }
  return (
    <div className="banner banner-error" role="alert">
      <span className="banner-title">{PAUSE_TITLES[pause.reason]}</span>
      <span>{pause.message}</span>
      <span className="banner-actions">
        {pause.reason === 'bad-key' && (
          <button type="button" className="button-small" onClick={() => openDialog({ kind: 'settings' })}>
            Open settings
          </button>
        )}
        <button type="button" className="button-small button-primary" onClick={() => void resumeQueue()}>
          Resume
        </button>
      </span>
    </div>
  );
}

function BatchProgressBar() {
  const progress = useBatchProgress();
  const cancelAll = useAppStore((s) => s.cancelAll);
  if (!progress.running || progress.total === 0) return null;
  const words = batchProgressWords(progress);
  return (
    <div className="banner banner-progress">
      <span className="banner-title">Generating</span>
      <span>{words.summary}</span>
      <progress className="progress" aria-label="Batch progress" max={words.max} value={words.value} />
      <button type="button" className="button-small" onClick={() => void cancelAll()}>
        Cancel all
      </button>
    </div>
  );
}

/** Kept jobs are paid and on their way, not failures: say so, and how they arrive. */
function keptSentence(count: number): string {
  return count === 1
    ? "1 panel's image is paid for and still at the gateway: Collect on its card fetches it without paying again, and it arrives by itself when the project is next opened."
    : `${count} panels' images are paid for and still at the gateway: Collect on their cards fetches them without paying again, and they arrive by themselves when the project is next opened.`;
}

/** After a batch: how many panels failed (each card says why and offers Retry where it is safe) and a way to clear the messages. */
function FailureSummary() {
  const progress = useBatchProgress();
  const clearFinished = useAppStore((s) => s.clearFinishedJobs);
  const spend = useAppStore((s) => s.queue?.spend ?? null);
  if (progress.running || progress.failed + progress.kept === 0) return null;
  const withoutImage = spend ? spend.unusableImages + spend.unknownRequests : 0;
  return (
    <div className="banner banner-error" role="status">
      {progress.failed > 0 && (
        <>
          <span className="banner-title">{plural(progress.failed, 'panel')} failed</span>
          <span>Each failed panel says why and what to do next.</span>
        </>
      )}
      {progress.kept > 0 && (
        <span data-testid="kept-at-gateway">{keptSentence(progress.kept)}</span>
      )}
      {spend && withoutImage > 0 && (
        <span data-testid="paid-without-image">
          Paid for without an image: {formatCents(spend.unusableCents + spend.unknownCents)} ({withoutImageCounts(spend.unusableImages, spend.unknownRequests)}).
        </span>
      )}
      <span className="banner-actions">
        <button type="button" className="button-small button-ghost" onClick={() => void clearFinished()}>
          Clear messages
        </button>
      </span>
    </div>
  );
}

function StartError() {
  const { error, dismiss } = useAppStore(useShallow((s) => ({ error: s.jobsError, dismiss: s.dismissJobsError })));
  if (!error) return null;
  return (
    <DismissableBanner tone="error" onDismiss={dismiss}>
      {error}
    </DismissableBanner>
  );
}

export function QueueBanner() {
  return (
    <div className="queue-banners">
      <PauseNotice />
      <StartError />
      <BatchProgressBar />
      <FailureSummary />
    </div>
  );
}
