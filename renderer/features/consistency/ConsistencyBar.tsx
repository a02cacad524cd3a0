/**
 * The consistency check's bar above the board: progress while a check runs (it is local and free,
 * and says so), then the summary of the active takes (consistent / drifted / not checked), the
 * "drifted panels" filter, "Regenerate drifted" (which opens the usual batch confirmation with
 * its count and cost), the threshold and the "check new takes" setting. Hidden until the first
 * check. Statuses follow the threshold at once: outcomes keep their distances.
 */
import { useShallow } from 'zustand/react/shallow';
import type { ConsistencyStatus } from '../../../shared/domain/consistency-outcomes';
import { useAppStore } from '../../state/store-context';
import { plural } from '../../lib/format';
import { takeStatus } from '../../state/consistency-slice';
import { activeTakeOf } from '../../state/takes';
import { DismissableBanner } from '../../ui/DismissableBanner';
import { ThresholdInput, ThresholdNote, useThresholdDraft, type ThresholdDraft } from './ThresholdField';

type Counts = Record<ConsistencyStatus, number>;

/** Outcomes of the active takes; primitives only, so the bar re-renders when a count changes. */
function useSummary(): Counts {
  return useAppStore(
    useShallow((s) => {
      const counts: Counts = { consistent: 0, drifted: 0, 'not-checked': 0 };
      for (const panel of s.doc?.panels ?? []) {
        const status = takeStatus(s, activeTakeOf(panel, s.takesByPanel[panel.id])?.id);
        if (status) counts[status] += 1;
      }
      return counts;
    }),
  );
}

function Settings({ threshold }: { threshold: ThresholdDraft }) {
  const { checkNewTakes, updateSettings } = useAppStore(useShallow((s) => ({ checkNewTakes: s.settings?.checkNewTakes ?? false, updateSettings: s.updateSettings })));
  return (
    <span className="consistency-settings">
      <ThresholdInput field={threshold} />
      <label>
        <input type="checkbox" checked={checkNewTakes} onChange={(event) => void updateSettings({ checkNewTakes: event.target.checked })} /> Check new takes
      </label>
    </span>
  );
}

export function ConsistencyBar({ onRegenerateDrifted }: { onRegenerateDrifted: () => void }) {
  const { progress, error, dismissError, driftedOnly, setDriftedOnly } = useAppStore(
    useShallow((s) => ({
      progress: s.consistencyProgress,
      error: s.consistencyError,
      dismissError: s.dismissConsistencyError,
      driftedOnly: s.driftedOnly,
      setDriftedOnly: s.setDriftedOnly,
    })),
  );
  const counts = useSummary();
  const threshold = useThresholdDraft();
  const checked = counts.consistent + counts.drifted + counts['not-checked'] > 0;
  if (progress) {
    return (
      <div className="banner banner-info consistency-bar" role="status">
        <span>
          Checking consistency… {progress.done} of {plural(progress.total, 'panel')}. Free: faces are compared on this computer.
        </span>
        <progress max={Math.max(1, progress.total)} value={progress.done} aria-label="Consistency check progress" />
      </div>
    );
  }
  if (error) {
    return (
      <DismissableBanner tone="error" onDismiss={dismissError}>
        {error}
      </DismissableBanner>
    );
  }
  if (!checked) return null;
  return (
    <div className="banner banner-info consistency-bar" role="region" aria-label="Consistency">
      <span className="consistency-summary">
        Consistency: {counts.consistent} consistent · {counts.drifted} drifted · {counts['not-checked']} not checked
      </span>
      <span className="banner-actions">
        <button type="button" className="button-small" aria-pressed={driftedOnly} onClick={() => setDriftedOnly(!driftedOnly)}>
          {driftedOnly ? 'Show all panels' : 'Show drifted panels only'}
        </button>
        <button type="button" className="button-small" disabled={counts.drifted === 0} onClick={onRegenerateDrifted}>
          Regenerate drifted ({counts.drifted})
        </button>
        <Settings threshold={threshold} />
      </span>
      <ThresholdNote field={threshold} />
    </div>
  );
}
