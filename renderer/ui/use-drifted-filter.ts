/**
 * The board's "drifted panels" filter: null when it is off (show every panel), else the ids of
 * the panels whose active take drifted (off while the open project has no outcome). Selected as one string so the board re-renders only
 * when that set changes, not on every outcome.
 */
import { useMemo } from 'react';
import { useAppStore } from '../state/store-context';
import { driftedPanelIds, hasOutcomes } from '../state/consistency-slice';

export function useDriftedFilter(): ReadonlySet<string> | null {
  // With no outcome for this project (another one was opened), the filter cannot apply.
  const key = useAppStore((s) => (s.driftedOnly && hasOutcomes(s) ? driftedPanelIds(s).join(',') : null));
  return useMemo(() => (key === null ? null : new Set(key ? key.split(',') : [])), [key]);
}
