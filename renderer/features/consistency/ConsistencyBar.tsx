/**
 * The consistency check's bar above the board: progress while a check runs (it is local and free,
 * and says so), then the summary of the active takes (consistent / drifted / not checked), the
 * "drifted panels" filter, "Regenerate drifted" (which opens the usual batch confirmation with
 * its count and cost), the threshold and the "check new takes" setting. Hidden until the first
 * check (or until a project whose last check was kept is opened: its outcomes show again, those
 * that changed since counted "out of date", never as current). Statuses follow the threshold at once:
 * outcomes keep their distances. Panels not checked
 * are named with why, once per reason: a "not checked" count alone leaves the artist hovering
 * badge after badge to learn that one fix (a reference image with a face) would check them all.
 */
import { useShallow } from 'zustand/react/shallow';
import { OUT_OF_DATE_TEXT, type OutOfDateReason } from '../../../shared/domain/consistency-freshness';
import { NOT_CHECKED_TEXT, type NotCheckedReason } from '../../../shared/domain/consistency-outcomes';
import { useAppStore } from '../../state/store-context';
import { plural } from '../../lib/format';
import { panelsLabel } from '../../lib/panel-numbers';
import { outOfDateReason, panelStatus, takeStatus, type ShownStatus } from '../../state/consistency-slice';
import { activeTakeOf } from '../../state/takes';
import { DismissableBanner } from '../../ui/DismissableBanner';
import { ThresholdInput, ThresholdNote, useThresholdDraft, type ThresholdDraft } from './ThresholdField';

type Counts = Record<ShownStatus, number>;

/** Outcomes of the active takes; primitives only, so the bar re-renders when a count changes. */
function useSummary(): Counts {
  return useAppStore(
    useShallow((s) => {
      const counts: Counts = { consistent: 0, drifted: 0, 'not-checked': 0, 'out-of-date': 0 };
      for (const panel of s.doc?.panels ?? []) {
        const status = panelStatus(s, panel);
        if (status) counts[status] += 1;
      }
      return counts;
    }),
  );
}

/** "Panels 2, 5 out of date: …", once per reason: what changed since the last check, and that a new one is free. */
function useOutOfDateLines(): string[] {
  const joined = useAppStore((s) => {
    const byReason = new Map<OutOfDateReason, number[]>();
    (s.doc?.panels ?? []).forEach((panel, index) => {
      const reason = outOfDateReason(s, panel);
      if (reason) byReason.set(reason, [...(byReason.get(reason) ?? []), index + 1]);
    });
    return Array.from(byReason, ([reason, numbers]) => `${panelsLabel(numbers)} out of date: ${OUT_OF_DATE_TEXT[reason]}. Check consistency again (free) to update.`).join('\n');
  });
  return joined === '' ? [] : joined.split('\n');
}

/** What to do about a reason the shared wording does not already say how to fix. */
const NEXT_STEP: Partial<Record<NotCheckedReason, string>> = {
  'no-reference': 'add one in the character card',
  'no-reference-face': 'replace it in the character card with a clear, front-facing picture',
};

/**
 * The not-checked active takes grouped by reason, in board order of each reason's first panel:
 * "Panels 1–6 not checked: no face was found in the character's reference image". One joined
 * string from the store, so the bar re-renders only when a group changes.
 */
function useNotCheckedLines(): string[] {
  const joined = useAppStore((s) => {
    const byReason = new Map<string, number[]>();
    (s.doc?.panels ?? []).forEach((panel, index) => {
      const takeId = activeTakeOf(panel, s.takesByPanel[panel.id])?.id;
      if (!takeId || takeStatus(s, takeId) !== 'not-checked') return;
      const reason = s.consistencyByTake[takeId]?.reason ?? '';
      byReason.set(reason, [...(byReason.get(reason) ?? []), index + 1]);
    });
    return Array.from(byReason, ([reason, numbers]) => {
      const why = reason === '' ? 'nothing to measure' : NOT_CHECKED_TEXT[reason as NotCheckedReason];
      const next = NEXT_STEP[reason as NotCheckedReason];
      return `${panelsLabel(numbers)} not checked: ${why}${next ? `: ${next}` : ''}.`;
    }).join('\n');
  });
  return joined === '' ? [] : joined.split('\n');
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
  const notChecked = useNotCheckedLines();
  const outOfDate = useOutOfDateLines();
  const threshold = useThresholdDraft();
  const checked = counts.consistent + counts.drifted + counts['not-checked'] + counts['out-of-date'] > 0;
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
        {counts['out-of-date'] > 0 && ` · ${counts['out-of-date']} out of date`}
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
      {notChecked.length > 0 && (
        <ul className="consistency-reasons" aria-label="Why panels were not checked">
          {notChecked.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {outOfDate.length > 0 && (
        <ul className="consistency-reasons" aria-label="Outcomes out of date">
          {outOfDate.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <ThresholdNote field={threshold} />
    </div>
  );
}
