/**
 * The export dialog's status line: progress while an export runs, with a Cancel button that stops
 * it in main (nothing is written); then the outcome: saved (with Show in folder / Open), cancelled
 * (a plain note, never an error), or what went wrong.
 */
import { useState } from 'react';
import type { ExportProgress } from '../../state/export-slice';

export type Outcome = { kind: 'saved' | 'cancelled' | 'failed'; text: string; revealable?: boolean } | null;

const OUTCOME_CLASS: Record<NonNullable<Outcome>['kind'], string> = { saved: 'callout callout-ok', cancelled: 'callout', failed: 'callout callout-error' };

interface ExportStatusProps {
  busy: boolean;
  progress: ExportProgress | null;
  /** What the progress counts ("Page 2 of 5" for a paged sheet, else "3 of 12 panels"). */
  label: (progress: ExportProgress) => string;
  outcome: Outcome;
  onCancel: () => Promise<void>;
  onReveal: (target: 'folder' | 'file') => Promise<void>;
}

export function ExportStatus({ busy, progress, label, outcome, onCancel, onReveal }: ExportStatusProps) {
  const [cancelling, setCancelling] = useState(false);
  if (!busy && cancelling) setCancelling(false);
  const cancel = () => {
    setCancelling(true);
    void onCancel();
  };
  return (
    <div role="status" aria-live="polite" className="status-line">
      {busy && (
        <span className="export-progress">
          {progress ? <progress className="progress" aria-label="Export progress" max={progress.total} value={progress.done} /> : <progress className="progress" aria-label="Export progress" />}
          <span>{cancelling ? 'Cancelling…' : progress ? label(progress) : 'Starting…'}</span>
          <button type="button" className="button-small" disabled={cancelling} onClick={cancel}>
            Cancel export
          </button>
        </span>
      )}
      {!busy && outcome && <p className={OUTCOME_CLASS[outcome.kind]}>{outcome.text}</p>}
      {!busy && outcome?.revealable && (
        <span className="reveal-actions">
          <button type="button" className="button-small" onClick={() => void onReveal('folder')}>
            Show in folder
          </button>
          <button type="button" className="button-small" onClick={() => void onReveal('file')}>
            Open
          </button>
        </span>
      )}
    </div>
  );
}
