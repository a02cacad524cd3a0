/**
 * Which dialog is open and the transient notice under the board (e.g. "Panel 3 deleted — Undo").
 * UI state only: never in undo history, never sent to main. One dialog at a time.
 * A deletion notice remembers the document the deletion produced: its Undo only acts while that
 * is still the current document (see watchDeletionNotice), so it can never undo another edit.
 */
import type { Project } from '../../shared/domain/project';
import type { AppSlice } from './store-types';

export type DialogState =
  | { kind: 'batch'; mode: 'missing' | 'selected' | 'drifted'; panelIds: readonly string[] }
  | { kind: 'shortcuts' }
  | { kind: 'settings' }
  | { kind: 'export' }
  | { kind: 'newProject' }
  | { kind: 'takes'; panelId: string }
  | null;

export interface Notice {
  id: number;
  text: string;
  /** For a deletion: the document right after it. Undo is offered while the document is still this one. */
  undoesTo: Project | null;
}

export interface UiSlice {
  dialog: DialogState;
  notice: Notice | null;
  /** Takes that arrived since the project was opened and have not been looked at yet (highlighted). */
  freshTakeIds: Readonly<Record<string, true>>;
  /** The artist's choice: a newly generated or restyled take becomes the panel's active take. */
  activateNewTakes: boolean;
  /** A panel just added: its Scene field takes the keyboard when the inspector shows it (then cleared). */
  sceneFocusFor: string | null;
  sceneFocused(): void;
  setActivateNewTakes(on: boolean): void;
  markTakesSeen(takeIds: readonly string[]): void;
  openDialog(dialog: NonNullable<DialogState>): void;
  closeDialog(): void;
  showNotice(text: string, undoesTo?: Project | null): void;
  dismissNotice(): void;
}

let noticeIds = 0;
const ACTIVATE_KEY = 'castboard.activateNewTakes';

function readPreference(): boolean {
  try {
    return globalThis.localStorage?.getItem(ACTIVATE_KEY) === 'true';
  } catch {
    return false;
  }
}

function writePreference(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(ACTIVATE_KEY, String(on));
  } catch {
    // Not remembered across restarts; the choice still holds for this session.
  }
}

export function createUiSlice(): AppSlice<UiSlice> {
  return (set) => ({
    dialog: null,
    notice: null,
    freshTakeIds: {},
    activateNewTakes: readPreference(),
    sceneFocusFor: null,
    sceneFocused: () => set({ sceneFocusFor: null }),
    setActivateNewTakes(on) {
      writePreference(on);
      set({ activateNewTakes: on });
    },
    markTakesSeen: (takeIds) =>
      set((state) => {
        if (!takeIds.some((id) => state.freshTakeIds[id])) return {};
        const freshTakeIds = { ...state.freshTakeIds };
        for (const id of takeIds) delete freshTakeIds[id];
        return { freshTakeIds };
      }),
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    showNotice: (text, undoesTo = null) => set({ notice: { id: ++noticeIds, text, undoesTo } }),
    dismissNotice: () => set({ notice: null }),
  });
}

/**
 * Removes a deletion notice as soon as the document is no longer the one the deletion produced:
 * the deletion was undone (button, keys, menu), another edit moved history on, or the project
 * was closed, reopened or switched. Returns the unsubscribe function.
 */
export function watchDeletionNotice(store: {
  subscribe(listener: (state: { doc: Project | null; notice: Notice | null }, previous: { doc: Project | null }) => void): () => void;
  getState(): { dismissNotice(): void };
}): () => void {
  return store.subscribe((state, previous) => {
    if (state.doc === previous.doc || !state.notice?.undoesTo) return;
    if (state.doc !== state.notice.undoesTo) store.getState().dismissNotice();
  });
}
