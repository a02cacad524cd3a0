/**
 * The consistency check as the renderer sees it: outcomes by take id (so a badge follows its
 * take, in the board and in the take strip), the progress of a running check, and the "drifted
 * panels" filter. Outcomes keep their distance, so changing the threshold re-labels them at once
 * without running the model again; "not checked" has no distance and never becomes a pass.
 * UI state only: never in the document or undo history.
 */
import type { TakeConsistency } from '../../shared/domain/consistency';
import { DEFAULT_CONSISTENCY_THRESHOLD, statusForDistance, type ConsistencyStatus } from '../../shared/domain/consistency-outcomes';
import type { AppState } from './app-state';
import { messageOf } from '../lib/errors';
import { activeTakeOf } from './takes';
import type { AppSlice, StoreDeps } from './store-types';

export interface ConsistencySlice {
  consistencyByTake: Readonly<Record<string, TakeConsistency>>;
  consistencyProgress: { done: number; total: number } | null;
  consistencyError: string | null;
  /** Show only panels whose active take drifted. */
  driftedOnly: boolean;
  /** Checks the active takes of these panels (default: all). */
  checkConsistency(panelIds?: readonly string[]): Promise<void>;
  applyConsistencyResults(results: readonly TakeConsistency[]): void;
  setConsistencyProgress(progress: { done: number; total: number }): void;
  setDriftedOnly(on: boolean): void;
  dismissConsistencyError(): void;
}

export function consistencyThreshold(state: Pick<AppState, 'settings'>): number {
  return state.settings?.consistencyThreshold ?? DEFAULT_CONSISTENCY_THRESHOLD;
}

/** The outcome of one take under the current threshold, or null when it was never checked. */
export function takeStatus(state: Pick<AppState, 'settings' | 'consistencyByTake'>, takeId: string | null | undefined): ConsistencyStatus | null {
  const result = takeId ? state.consistencyByTake[takeId] : undefined;
  if (!result) return null;
  return result.distance === null ? 'not-checked' : statusForDistance(result.distance, consistencyThreshold(state));
}

/** Whether any panel's active take has an outcome (false after opening another project). */
export function hasOutcomes(state: Pick<AppState, 'doc' | 'takesByPanel' | 'consistencyByTake'>): boolean {
  return (state.doc?.panels ?? []).some((panel) => {
    const takeId = activeTakeOf(panel, state.takesByPanel[panel.id])?.id;
    return takeId !== undefined && takeId in state.consistencyByTake;
  });
}

/** Ids of the panels whose active take drifted, in board order. */
export function driftedPanelIds(state: Pick<AppState, 'doc' | 'takesByPanel' | 'settings' | 'consistencyByTake'>): string[] {
  return (state.doc?.panels ?? []).filter((panel) => takeStatus(state, activeTakeOf(panel, state.takesByPanel[panel.id])?.id) === 'drifted').map((panel) => panel.id);
}

/**
 * The panels the board shows, in board order: every panel, or only the drifted ones while that
 * filter is on and applies. Keys and Select all act on these, so focus never lands on a hidden card.
 */
export function shownPanels(state: Pick<AppState, 'doc' | 'takesByPanel' | 'settings' | 'consistencyByTake' | 'driftedOnly'>): ReadonlyArray<{ id: string }> {
  const panels = state.doc?.panels ?? [];
  if (!state.driftedOnly || !hasOutcomes(state)) return panels;
  const drifted = new Set(driftedPanelIds(state));
  return panels.filter((panel) => drifted.has(panel.id));
}

export function createConsistencySlice(deps: StoreDeps): AppSlice<ConsistencySlice> {
  return (set, get) => ({
    consistencyByTake: {},
    consistencyProgress: null,
    consistencyError: null,
    driftedOnly: false,
    async checkConsistency(panelIds) {
      if (!get().doc || get().consistencyProgress) return;
      set({ consistencyProgress: { done: 0, total: panelIds?.length ?? get().doc?.panels.length ?? 0 }, consistencyError: null });
      try {
        // Main checks its copy of the project: hand it the latest edits first.
        await deps.sync().flush();
        const { results } = await deps.api.consistency.check(panelIds ? { panelIds: [...panelIds] } : {});
        get().applyConsistencyResults(results);
      } catch (error) {
        set({ consistencyError: messageOf(error) });
      } finally {
        set({ consistencyProgress: null });
      }
    },
    applyConsistencyResults(results) {
      const next = { ...get().consistencyByTake };
      for (const result of results) if (result.takeId) next[result.takeId] = result;
      set({ consistencyByTake: next });
    },
    setConsistencyProgress(progress) {
      if (get().consistencyProgress) set({ consistencyProgress: progress });
    },
    setDriftedOnly: (on) => set({ driftedOnly: on }),
    dismissConsistencyError: () => set({ consistencyError: null }),
  });
}
