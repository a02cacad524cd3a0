/**
 * The editor's commands, shared by the title bar, the inspector and the keyboard. Each reads the
 * store when it runs (no subscription) so the callbacks are stable. Deleting panels that have
 * takes says so, with Undo at hand: takes are never removed silently.
 */
import { useMemo } from 'react';
import { liveSelection } from '../state/selection-slice';
import { isTerminal } from '../state/jobs-slice';
import { driftedPanelIds } from '../state/consistency-slice';
import { plural } from '../lib/format';
import type { AppStore } from '../state/app-state';
import { useAppStoreApi } from '../state/store-context';
import { focusBoard } from './board-focus';

export interface Commands {
  addPanel(): void;
  duplicateSelection(): void;
  deleteSelection(): void;
  /** Deletes these panels and says so, with Undo at hand. */
  deletePanels(panelIds: readonly string[]): void;
  generateSelection(): void;
  generateMissing(): void;
  nudgeSelection(delta: -1 | 1): void;
  focusRelative(delta: number): void;
  selectAll(): void;
  undo(): void;
  redo(): void;
  save(): void;
  openShortcuts(): void;
  openSettings(): void;
  openExport(): void;
  newProject(): void;
  openProject(): void;
  saveAs(): void;
  closeProject(): void;
  reloadProject(): void;
  focusRestyle(): void;
  /** Checks every panel against its character (local, free). */
  checkConsistency(): void;
  /** Opens the batch confirmation for the panels whose active take drifted. */
  regenerateDrifted(): void;
}

/** The panels a command acts on: the selection, else the panel in the inspector. */
export function targetPanels(store: AppStore): string[] {
  const { doc, selectedIds, focusedId } = store.getState();
  const selection = liveSelection(doc, selectedIds);
  if (selection.length > 0) return selection;
  return focusedId && doc?.panels.some((panel) => panel.id === focusedId) ? [focusedId] : [];
}

/** Panels with no take that are not already being generated. */
export function missingPanels(store: AppStore): string[] {
  const { doc, takesByPanel, jobByPanel } = store.getState();
  return (doc?.panels ?? [])
    .filter((panel) => (takesByPanel[panel.id]?.length ?? 0) === 0)
    .filter((panel) => {
      const job = jobByPanel[panel.id];
      return !job || isTerminal(job);
    })
    .map((panel) => panel.id);
}

function deletePanelsWithNotice(store: AppStore, ids: readonly string[]): void {
  const state = store.getState();
  if (ids.length === 0) return;
  const takes = ids.reduce((sum, id) => sum + (state.takesByPanel[id]?.length ?? 0), 0);
  const numbers = ids.map((id) => (state.doc?.panels.findIndex((panel) => panel.id === id) ?? -1) + 1);
  state.deletePanels(ids);
  const what = ids.length === 1 ? `Panel ${numbers[0]} deleted` : `${ids.length} panels deleted`;
  const after = store.getState().doc;
  state.showNotice(takes > 0 ? `${what} with ${plural(takes, 'take')}. Undo brings everything back; it also stays under Recently deleted.` : `${what}.`, after);
}

/**
 * Runs an undo or redo; when the step took away the control that had the keyboard (an undone add
 * of the only panel removes the inspector's Scene field), the keyboard goes to the board, not the page.
 */
function keepingKeyboard(step: () => void): void {
  const had = document.activeElement;
  step();
  requestAnimationFrame(() => {
    if (had instanceof HTMLElement && !had.isConnected && (document.activeElement === null || document.activeElement === document.body)) focusBoard();
  });
}

export function createCommands(store: AppStore): Commands {
  const state = () => store.getState();
  return {
    addPanel: () => void state().addPanel(),
    duplicateSelection: () => state().duplicatePanels(targetPanels(store)),
    deleteSelection() {
      deletePanelsWithNotice(store, targetPanels(store));
    },
    deletePanels: (panelIds) => deletePanelsWithNotice(store, panelIds),
    generateSelection() {
      const panelIds = targetPanels(store);
      if (panelIds.length > 0) state().openDialog({ kind: 'batch', mode: 'selected', panelIds });
    },
    generateMissing: () => state().openDialog({ kind: 'batch', mode: 'missing', panelIds: missingPanels(store) }),
    nudgeSelection: (delta) => state().nudgePanels(targetPanels(store), delta),
    focusRelative: (delta) => state().focusRelative(delta),
    selectAll: () => state().selectAll(),
    undo: () => keepingKeyboard(() => state().undo()),
    redo: () => keepingKeyboard(() => state().redo()),
    save: () => void state().saveProject(),
    openShortcuts: () => state().openDialog({ kind: 'shortcuts' }),
    openSettings: () => state().openDialog({ kind: 'settings' }),
    openExport() {
      if (state().doc) state().openDialog({ kind: 'export' });
    },
    newProject: () => state().openDialog({ kind: 'newProject' }),
    openProject: () => void state().openProject(),
    saveAs: () => void state().saveProjectAs(),
    closeProject: () => void state().closeProject(),
    reloadProject: () => void state().reloadCurrent(),
    focusRestyle: () => document.querySelector<HTMLElement>('.restyle textarea')?.focus(),
    checkConsistency: () => void state().checkConsistency(),
    regenerateDrifted() {
      const panelIds = driftedPanelIds(state());
      if (panelIds.length > 0) state().openDialog({ kind: 'batch', mode: 'drifted', panelIds });
    },
  };
}

export function useCommands(): Commands {
  const store = useAppStoreApi();
  return useMemo(() => createCommands(store), [store]);
}
