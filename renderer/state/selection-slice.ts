/**
 * Which panels are selected and which one the inspector shows (`focusedId`). UI state only: it is
 * never in undo history and never sent to main. Ids may briefly name panels that an undo removed;
 * readers filter them against the document (`liveSelection`).
 */
import type { Project } from '../../shared/domain/project';
import { shownPanels } from './consistency-slice';
import type { AppSlice } from './store-types';

export type SelectMode = 'replace' | 'toggle' | 'range';

export interface SelectionSlice {
  selectedIds: readonly string[];
  focusedId: string | null;
  /** Where a Shift-click range starts. */
  anchorId: string | null;
  selectPanel(panelId: string, mode?: SelectMode): void;
  /** Selects every panel the board shows (only the drifted ones while that filter is on). */
  selectAll(): void;
  /** Moves focus (and selection) by `delta` of the panels the board shows, clamped to them. */
  focusRelative(delta: number): void;
}

/** The selected panels that still exist, in board order. */
const selectionSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * The selection as a set, built once per selection array: every card asks "am I selected?" on
 * each store change, and a list scan per card made Ctrl+A on a 2,000-panel board quadratic.
 */
export function selectionSet(selectedIds: readonly string[]): ReadonlySet<string> {
  let set = selectionSets.get(selectedIds);
  if (!set) {
    set = new Set(selectedIds);
    selectionSets.set(selectedIds, set);
  }
  return set;
}

export function liveSelection(doc: Project | null, selectedIds: readonly string[]): string[] {
  if (!doc || selectedIds.length === 0) return [];
  const wanted = new Set(selectedIds);
  return doc.panels.filter((panel) => wanted.has(panel.id)).map((panel) => panel.id);
}

export function createSelectionSlice(): AppSlice<SelectionSlice> {
  return (set, get) => ({
    selectedIds: [],
    focusedId: null,
    anchorId: null,
    selectPanel(panelId, mode = 'replace') {
      const { selectedIds, anchorId, doc } = get();
      if (mode === 'toggle') {
        const has = selectedIds.includes(panelId);
        const next = has ? selectedIds.filter((id) => id !== panelId) : [...selectedIds, panelId];
        set({ selectedIds: next, focusedId: has ? (next.at(-1) ?? null) : panelId, anchorId: panelId });
        return;
      }
      if (mode === 'range' && doc && anchorId) {
        const ids = shownPanels(get()).map((panel) => panel.id);
        const from = ids.indexOf(anchorId);
        const to = ids.indexOf(panelId);
        if (from >= 0 && to >= 0) {
          set({ selectedIds: ids.slice(Math.min(from, to), Math.max(from, to) + 1), focusedId: panelId });
          return;
        }
      }
      set({ selectedIds: [panelId], focusedId: panelId, anchorId: panelId });
    },
    selectAll() {
      const ids = shownPanels(get()).map((panel) => panel.id);
      set({ selectedIds: ids, anchorId: ids[0] ?? null, focusedId: get().focusedId ?? ids[0] ?? null });
    },
    focusRelative(delta) {
      const { focusedId } = get();
      const panels = shownPanels(get());
      if (panels.length === 0) return;
      const index = panels.findIndex((panel) => panel.id === focusedId);
      const start = index < 0 ? (delta > 0 ? -1 : panels.length) : index;
      const target = panels[Math.max(0, Math.min(panels.length - 1, start + delta))];
      if (target) set({ selectedIds: [target.id], focusedId: target.id, anchorId: target.id });
    },
  });
}
