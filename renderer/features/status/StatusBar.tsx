/**
 * The status bar: save state (saved / unsaved / saving / the error and what to do), generation
 * progress, what this session has paid for (stored, unusable, of unknown outcome) and what is
 * paid for but still waiting at the gateway, the limits learned from the gateway, the gateway
 * balance when known, and the key.
 */
import { useDeferredValue } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Pacing } from '../../../shared/domain/jobs';
import type { SaveStatus } from '../../../shared/domain/project-status';
import { useAppStore } from '../../state/store-context';
import { formatCents, formatSavedAt } from '../../lib/format';
import { batchProgressWords } from '../../ui/batch-progress-words';
import { useBatchProgress, useNow } from '../../ui/use-batch-progress';
import { pauseStatusText } from './pause-text';
import { awaitingBreakdown, awaitingText, spendBreakdown, spentWithoutImage } from './spend-words';

/** `withTime` false: the saved state without its time (the first render, see StatusBar). */
function saveText(status: SaveStatus | null, localChanges: boolean, withTime: boolean): { text: string; tone: string } {
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
      return { text: status.lastSavedAt && withTime ? `All changes saved · ${formatSavedAt(status.lastSavedAt)}` : 'All changes saved', tone: 'ok' };
  }
}

function QueueStatus() {
  const progress = useBatchProgress();
  const pause = useAppStore((s) => s.queue?.pause ?? null);
  const now = useNow(pause?.reason === 'rate-limit', 500);
  if (pause) {
    return (
      <span className="status-item tone-warn" title={pause.message}>
        {pauseStatusText(pause, now)}
      </span>
    );
  }
  if (!progress.running) return <span className="status-item muted">Queue idle</span>;
  const words = batchProgressWords(progress);
  return (
    <span className="status-item">
      Generating {words.short}
      <progress className="progress progress-mini" aria-label="Generation progress" max={words.max} value={words.value} />
    </span>
  );
}

/** The limits learned from the gateway, once it said something; null while only the setting applies. */
function pacingText(pacing: Pacing): string | null {
  if (pacing.learnedFrom === 'setting') return null;
  return `Gateway limit ${[pacing.requestsPerMinute ? `${pacing.requestsPerMinute}/min` : '', `${pacing.inFlightLimit} at once`].filter(Boolean).join(', ')}`;
}

export function StatusBar() {
  const { saveStatus, localChanges, hasProject, spentCents, unknown, unusable, awaiting, spendTitle, pacing, balanceCents, keyStatus } = useAppStore(
    useShallow((s) => ({
      saveStatus: s.saveStatus,
      localChanges: s.localChanges,
      hasProject: s.doc !== null,
      spentCents: s.queue?.spentCents ?? 0,
      unknown: s.queue?.spend.unknownRequests ?? 0,
      unusable: s.queue?.spend.unusableImages ?? 0,
      // Accepted jobs are paid for before Spent can count them (their cost comes with their images).
      awaiting: s.queue ? awaitingText(s.queue.awaiting) : '',
      spendTitle: s.queue ? [spendBreakdown(s.queue.spend), awaitingBreakdown(s.queue.awaiting)].filter(Boolean).join('\n') : 'Spent on images since Castboard started',
      pacing: s.queue ? pacingText(s.queue.pacing) : null,
      balanceCents: s.balanceCents,
      keyStatus: s.keyStatus,
    })),
  );
  // The saved time appears in a render right after the first one: formatting it can load the
  // locale data (~20 ms), which should not delay the board's first paint when a project opens.
  const withTime = useDeferredValue(true, false);
  const save = saveText(saveStatus, localChanges, withTime);
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
        {(hasProject || spentCents > 0 || awaiting) && (
          <span className="status-item" data-testid="spent" title={spendTitle}>
            Spent {formatCents(spentCents)}
            {spentWithoutImage(unusable, unknown)}
            {awaiting}
          </span>
        )}
        {pacing && (
          <span className="status-item" data-testid="pacing" title="What the gateway allows, learned from its answers this session">
            {pacing}
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
