/**
 * The status bar: save state (saved / unsaved / saving / the error and what to do), generation
 * progress, what this session has spent, the gateway balance when known, and the key.
 */
import { useShallow } from 'zustand/react/shallow';
import type { SaveStatus } from '../../../shared/domain/project-status';
import { useAppStore } from '../../app/app-context';
import { formatCents, formatCountdown, formatSavedAt } from '../../lib/format';
import { useBatchProgress, useNow } from '../../ui/use-batch-progress';

function saveText(status: SaveStatus | null, localChanges: boolean): { text: string; tone: string } {
  if (!status) return { text: 'Opening…', tone: 'muted' };
  if (localChanges && status.state !== 'error' && !status.readOnlyReason) return { text: 'Unsaved changes', tone: 'muted' };
  if (status.readOnlyReason) return { text: `Read-only: ${status.readOnlyReason}`, tone: 'warn' };
  switch (status.state) {
    case 'saving':
      return { text: 'Saving…', tone: 'muted' };
    case 'unsaved':
      return { text: 'Unsaved changes', tone: 'muted' };
    case 'error':
      return { text: status.message ?? 'Could not save. Your work is still here; try Save again.', tone: 'error' };
    default:
      return { text: status.lastSavedAt ? `All changes saved · ${formatSavedAt(status.lastSavedAt)}` : 'All changes saved', tone: 'ok' };
  }
}

function QueueStatus() {
  const progress = useBatchProgress();
  const pause = useAppStore((s) => s.queue?.pause ?? null);
  const now = useNow(pause?.reason === 'rate-limit', 500);
  if (pause) {
    const text = pause.reason === 'rate-limit' ? `Paused · resuming in ${formatCountdown(pause.resumeAt - now)}` : pause.reason === 'out-of-credits' ? 'Paused · out of credits' : 'Paused · API key refused';
    return <span className="status-item tone-warn">{text}</span>;
  }
  if (!progress.running) return <span className="status-item muted">Queue idle</span>;
  const finished = progress.done + progress.failed + progress.cancelled;
  return (
    <span className="status-item">
      Generating {finished}/{progress.total}
      <progress className="progress progress-mini" aria-label="Generation progress" max={progress.total} value={finished} />
    </span>
  );
}

export function StatusBar() {
  const { saveStatus, localChanges, hasProject, spentCents, balanceCents, keyStatus } = useAppStore(
    useShallow((s) => ({
      saveStatus: s.saveStatus,
      localChanges: s.localChanges,
      hasProject: s.doc !== null,
      spentCents: s.queue?.spentCents ?? 0,
      balanceCents: s.balanceCents,
      keyStatus: s.keyStatus,
    })),
  );
  const save = saveText(saveStatus, localChanges);
  return (
    <footer className="statusbar" aria-label="Status">
      {hasProject ? (
        <span className={`status-item tone-${save.tone}`} role="status" data-testid="save-status" title={save.text}>
          <span className={`dot dot-${save.tone}`} aria-hidden="true" />
          {save.text}
        </span>
      ) : (
        <span className="status-item">No project open</span>
      )}
      <span className="statusbar-right">
        {hasProject && <QueueStatus />}
        {(hasProject || spentCents > 0) && (
          <span className="status-item" data-testid="spent" title="Spent on images since Castboard started">
            Spent {formatCents(spentCents)}
          </span>
        )}
        {balanceCents !== null && (
          <span className="status-item" data-testid="balance">
            Balance {formatCents(balanceCents)}
          </span>
        )}
        <span className="status-item">{keyStatus?.hasKey ? `API key …${keyStatus.last4}` : 'No API key'}</span>
      </span>
    </footer>
  );
}
