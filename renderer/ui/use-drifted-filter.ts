/**
 * The board's "drifted panels" filter: null when it is off (show every panel), else the ids of
 * the panels whose active take drifted. Selected as one string so the board re-renders only
 * when that set changes, not on every outcome.
 */
import { useMemo } from 'react';
import { useAppStore } from '../app/app-context';
import { driftedPanelIds } from '../state/consistency-slice';

export function useDriftedFilter(): ReadonlySet<string> | null {
  const key = useAppStore((s) => (s.driftedOnly ? driftedPanelIds(s).join(',') : null));
  return useMemo(() => (key === null ? null : new Set(key ? key.split(',') : [])), [key]);
}
