/**
 * The consistency check as the renderer sees it: outcomes by take id (so a badge follows its
 * take, in the board and in the take strip), the progress of a running check, and the "drifted
 * panels" filter. Outcomes keep their distance, so changing the threshold re-labels them at once
 * without running the model again; "not checked" has no distance and never becomes a pass.
 * A check with no take to compare says so (a notice) and asks main for nothing.
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
  /** Show only panels whose active take drifted (and those added since, see driftedFilterBase). */
  driftedOnly: boolean;
  /**
   * The project's panels when the filter was turned on. Any other panel was added since (N, D,
   * paste) and stays shown, so a panel is never created out of the artist's sight.
   */
  driftedFilterBase: { root: string | null; panelIds: ReadonlySet<string> } | null;
  /** Checks the active takes of these panels (default: all). */
  checkConsistency(panelIds?: readonly string[]): Promise<void>;
  applyConsistencyResults(results: readonly TakeConsistency[]): void;
  setConsistencyProgress(progress: { done: number; total: number }): void;
  setDriftedOnly(on: boolean): void;
  dismissConsistencyError(): void;
}

/** Said when Check consistency (button, C, menu) finds no take to compare. */
export const NOTHING_TO_CHECK = "Nothing to check yet: no panel has a take. The check compares each panel's image with its character's reference image, so generate panels first.";

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
 * Ids of the panels the drifted filter shows, in board order, or null when it is off or does not
 * apply (no outcome for this project): the drifted ones, and the ones added since it was turned on.
 */
export function filteredPanelIds(state: Pick<AppState, 'doc' | 'root' | 'takesByPanel' | 'settings' | 'consistencyByTake' | 'driftedOnly' | 'driftedFilterBase'>): string[] | null {
  if (!state.driftedOnly || !hasOutcomes(state)) return null;
  const drifted = new Set(driftedPanelIds(state));
  const base = state.driftedFilterBase;
  // Turned on in another project: every panel here would look new, so only drift counts.
  const before = base && base.root === state.root ? base.panelIds : null;
  return (state.doc?.panels ?? []).filter((panel) => drifted.has(panel.id) || (before !== null && !before.has(panel.id))).map((panel) => panel.id);
}

/**
 * The panels the board shows, in board order: every panel, or only those the drifted filter shows
 * while it is on and applies. Keys and Select all act on these, so focus never lands on a hidden card.
 */
export function shownPanels(state: Parameters<typeof filteredPanelIds>[0]): ReadonlyArray<{ id: string }> {
  const panels = state.doc?.panels ?? [];
  const filtered = filteredPanelIds(state);
  if (filtered === null) return panels;
  const shown = new Set(filtered);
  return panels.filter((panel) => shown.has(panel.id));
}

export function createConsistencySlice(deps: StoreDeps): AppSlice<ConsistencySlice> {
  return (set, get) => ({
    consistencyByTake: {},
    consistencyProgress: null,
    consistencyError: null,
    driftedOnly: false,
    driftedFilterBase: null,
    async checkConsistency(panelIds) {
      const { doc, takesByPanel } = get();
      if (!doc || get().consistencyProgress) return;
      const wanted = panelIds ? new Set(panelIds) : null;
      if (!doc.panels.some((panel) => (!wanted || wanted.has(panel.id)) && activeTakeOf(panel, takesByPanel[panel.id]))) {
        // Main would answer with nothing to show: say why here instead of seeming to do nothing.
        get().showNotice(NOTHING_TO_CHECK);
        return;
      }
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
    setDriftedOnly: (on) => {
      const { doc, root } = get();
      set({ driftedOnly: on, driftedFilterBase: on ? { root, panelIds: new Set(doc?.panels.map((panel) => panel.id)) } : null });
    },
    dismissConsistencyError: () => set({ consistencyError: null }),
  });
}
