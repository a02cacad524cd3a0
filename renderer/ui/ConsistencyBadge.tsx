/**
 * A take's consistency outcome as a small badge: "Consistent 0.31", "Drifted 0.71" or
 * "Not checked", with the full reason as its title and accessible name, or "Out of date" (saying
 * what changed since the check) for an outcome that no longer holds. Nothing is drawn for a
 * take that was never checked. Used on board cards (the active take) and in the take strip.
 * The status follows the current threshold (see state/consistency-slice).
 */
import { useShallow } from 'zustand/react/shallow';
import { outOfDateLabel } from '../../shared/domain/consistency-freshness';
import { consistencyLabel } from '../../shared/domain/consistency-outcomes';
import type { Panel } from '../../shared/domain/project';
import { useAppStore } from '../state/store-context';
import { outOfDateReason, takeStatus, type ShownStatus } from '../state/consistency-slice';
import { activeTakeOf } from '../state/takes';

const SHORT: Readonly<Record<ShownStatus, string>> = { consistent: 'Consistent', drifted: 'Drifted', 'not-checked': 'Not checked', 'out-of-date': 'Out of date' };
/** Symbols for small places (the take strip); the full label stays in the title and accessible name. */
const SYMBOL: Readonly<Record<ShownStatus, string>> = { consistent: '✓', drifted: '!', 'not-checked': '–', 'out-of-date': '?' };

/** The badge itself; an out-of-date outcome shows no distance (it may no longer hold). */
function Badge({ status, label, distance, compact }: { status: ShownStatus; label: string; distance: number | null; compact: boolean }) {
  return (
    <span className={`consistency-badge is-${status}${compact ? ' is-compact' : ''}`} title={label} aria-label={label} data-consistency={status}>
      {compact ? SYMBOL[status] : SHORT[status]}
      {!compact && distance !== null && <span className="consistency-distance"> {distance.toFixed(2)}</span>}
    </span>
  );
}

export function ConsistencyBadge({ takeId, compact = false }: { takeId: string | null | undefined; compact?: boolean }) {
  const { status, distance, reason } = useAppStore(
    useShallow((s) => {
      const result = takeId ? s.consistencyByTake[takeId] : undefined;
      return { status: takeStatus(s, takeId), distance: result?.distance ?? null, reason: result?.reason ?? null };
    }),
  );
  if (!status) return null;
  if (status === 'out-of-date') return <Badge status={status} label={outOfDateLabel('reference-changed')} distance={null} compact={compact} />;
  return <Badge status={status} label={consistencyLabel({ status, distance, reason })} distance={distance} compact={compact} />;
}

/** The badge of a panel's active take, or "out of date" when another of its takes was the one checked. */
export function PanelConsistencyBadge({ panel }: { panel: Pick<Panel, 'id' | 'activeTakeId'> }) {
  const takeId = useAppStore((s) => activeTakeOf(panel, s.takesByPanel[panel.id])?.id ?? null);
  const takeChanged = useAppStore((s) => outOfDateReason(s, panel) === 'take-changed');
  if (takeChanged) return <Badge status="out-of-date" label={outOfDateLabel('take-changed')} distance={null} compact={false} />;
  return <ConsistencyBadge takeId={takeId} />;
}
