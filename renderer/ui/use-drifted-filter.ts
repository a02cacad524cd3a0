/**
 * The board's "drifted panels" filter: null when it is off (show every panel), else the ids of
 * the panels it shows (filteredPanelIds: the drifted ones and those added since it was turned
 * on; off while the open project has no outcome). Selected as one string so the board
 * re-renders only when that set changes, not on every outcome.
 */
import { useMemo } from 'react';
import { useAppStore } from '../state/store-context';
import { filteredPanelIds } from '../state/consistency-slice';

export function useDriftedFilter(): ReadonlySet<string> | null {
  const key = useAppStore((s) => filteredPanelIds(s)?.join(',') ?? null);
  return useMemo(() => (key === null ? null : new Set(key ? key.split(',') : [])), [key]);
}
