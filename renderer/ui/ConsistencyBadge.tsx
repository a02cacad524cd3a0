/**
 * A take's consistency outcome as a small badge: "Consistent 0.31", "Drifted 0.71" or
 * "Not checked", with the full reason as its title and accessible name. Nothing is drawn for a
 * take that was never checked. Used on board cards (the active take) and in the take strip.
 * The status follows the current threshold (see state/consistency-slice).
 */
import { useShallow } from 'zustand/react/shallow';
import { consistencyLabel } from '../../shared/domain/consistency-outcomes';
import type { Panel } from '../../shared/domain/project';
import { useAppStore } from '../state/store-context';
import { takeStatus } from '../state/consistency-slice';
import { activeTakeOf } from '../state/takes';

const SHORT: Readonly<Record<string, string>> = { consistent: 'Consistent', drifted: 'Drifted', 'not-checked': 'Not checked' };
/** Symbols for small places (the take strip); the full label stays in the title and accessible name. */
const SYMBOL: Readonly<Record<string, string>> = { consistent: '✓', drifted: '!', 'not-checked': '–' };

export function ConsistencyBadge({ takeId, compact = false }: { takeId: string | null | undefined; compact?: boolean }) {
  const { status, distance, reason } = useAppStore(
    useShallow((s) => {
      const result = takeId ? s.consistencyByTake[takeId] : undefined;
      return { status: takeStatus(s, takeId), distance: result?.distance ?? null, reason: result?.reason ?? null };
    }),
  );
  if (!status) return null;
  const label = consistencyLabel({ status, distance, reason });
  return (
    <span className={`consistency-badge is-${status}${compact ? ' is-compact' : ''}`} title={label} aria-label={label} data-consistency={status}>
      {compact ? SYMBOL[status] : SHORT[status]}
      {!compact && distance !== null && <span className="consistency-distance"> {distance.toFixed(2)}</span>}
    </span>
  );
}

/** The badge of a panel's active take. */
export function PanelConsistencyBadge({ panel }: { panel: Pick<Panel, 'id' | 'activeTakeId'> }) {
  const takeId = useAppStore((s) => activeTakeOf(panel, s.takesByPanel[panel.id])?.id ?? null);
  return <ConsistencyBadge takeId={takeId} />;
}
