/**
 * The consistency check as the renderer sees it: outcomes by take id (so a badge follows its
 * take, in the board and in the take strip), the progress of a running check, and the "drifted
 * panels" filter. Outcomes keep their distance, so changing the threshold re-labels them at once
 * without running the model again; "not checked" has no distance and never becomes a pass.
 * Outcomes name the reference image they were measured against: one whose panel's reference has
 * changed since, or a panel whose chosen take was not the one checked, is shown "out of date",
 * never as current (this is how the outcomes saved by the last check are shown at open).
 * A check with no take to compare says so (a notice) and asks main for nothing.
 * UI state only: never in the document or undo history.
 */
import type { TakeConsistency } from '../../shared/domain/consistency';
import { panelReference, referenceChanged, type OutOfDateReason } from '../../shared/domain/consistency-freshness';
import { DEFAULT_CONSISTENCY_THRESHOLD, statusForDistance, type ConsistencyStatus } from '../../shared/domain/consistency-outcomes';
import type { Panel, Project } from '../../shared/domain/project';
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
  /**
   * Shows the open project's outcomes kept by its last check (asked at open). Outcomes this
   * window already has are newer and stay; a project opened meanwhile gets none of them.
   */
  loadSavedConsistency(): Promise<void>;
  setConsistencyProgress(progress: { done: number; total: number }): void;
  setDriftedOnly(on: boolean): void;
  dismissConsistencyError(): void;
}

/** Said when Check consistency (button, C, menu) finds no take to compare. */
export const NOTHING_TO_CHECK = "Nothing to check yet: no panel has a take. The check compares each panel's image with its character's reference image, so generate panels first.";

export function consistencyThreshold(state: Pick<AppState, 'settings'>): number {
  return state.settings?.consistencyThreshold ?? DEFAULT_CONSISTENCY_THRESHOLD;
}

/** An outcome as the board shows it: out of date when what it measured is no longer what a check would measure. */
export type ShownStatus = ConsistencyStatus | 'out-of-date';

type StatusState = Pick<AppState, 'settings' | 'consistencyByTake' | 'doc'>;

/** Panels by id, built once per document (the board asks for every panel on each render). */
const panelsById = new WeakMap<readonly Panel[], ReadonlyMap<string, Panel>>();
function panelById(doc: Project, panelId: string): Panel | undefined {
  let byId = panelsById.get(doc.panels);
  if (!byId) panelsById.set(doc.panels, (byId = new Map(doc.panels.map((panel) => [panel.id, panel]))));
  return byId.get(panelId);
}

/**
 * The outcome of one take under the current threshold, or null when it was never checked;
 * 'out-of-date' when its panel's reference image is no longer the one it was compared with (a
 * saved outcome shown at open, or the reference replaced since the check): never shown as current.
 */
export function takeStatus(state: StatusState, takeId: string | null | undefined): ShownStatus | null {
  const result = takeId ? state.consistencyByTake[takeId] : undefined;
  if (!result) return null;
  const panel = state.doc ? panelById(state.doc, result.panelId) : undefined;
  if (state.doc && (!panel || referenceChanged(result, panelReference(state.doc, panel)))) return 'out-of-date';
  return result.distance === null ? 'not-checked' : statusForDistance(result.distance, consistencyThreshold(state));
}

/**
 * A panel's outcome: its active take's; 'out-of-date' when only another of its takes was checked
 * (the chosen take changed since the check); null when none of its takes was checked.
 */
export function panelStatus(state: StatusState & Pick<AppState, 'takesByPanel'>, panel: Pick<Panel, 'id' | 'activeTakeId'>): ShownStatus | null {
  const takes = state.takesByPanel[panel.id] ?? [];
  const status = takeStatus(state, activeTakeOf(panel, takes)?.id);
  if (status) return status;
  return takes.some((take) => take.id in state.consistencyByTake) ? 'out-of-date' : null;
}

/** Why a panel's outcome is out of date, or null when it is not. */
export function outOfDateReason(state: StatusState & Pick<AppState, 'takesByPanel'>, panel: Pick<Panel, 'id' | 'activeTakeId'>): OutOfDateReason | null {
  if (panelStatus(state, panel) !== 'out-of-date') return null;
  const active = activeTakeOf(panel, state.takesByPanel[panel.id] ?? []);
  return active && active.id in state.consistencyByTake ? 'reference-changed' : 'take-changed';
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
  // Out-of-date outcomes never count: regenerating (paid) on an old verdict would be wrong.
  return (state.doc?.panels ?? []).filter((panel) => panelStatus(state, panel) === 'drifted').map((panel) => panel.id);
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
    async loadSavedConsistency() {
      const { root } = get();
      if (!root) return;
      try {
        const { results } = await deps.api.consistency.saved();
        if (get().root !== root) return;
        const known = get().consistencyByTake;
        get().applyConsistencyResults(results.filter((result) => result.takeId !== null && !(result.takeId in known)));
      } catch {
        // Only a convenience: the check can be run again (free), and opening the project went fine.
      }
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
