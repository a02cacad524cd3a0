/**
 * Which dialog is open and the transient notice under the board (e.g. "Panel 3 deleted — Undo").
 * UI state only: never in undo history, never sent to main. One dialog at a time.
 */
import type { AppSlice } from './store-types';

export type DialogState =
  | { kind: 'batch'; mode: 'missing' | 'selected' | 'drifted'; panelIds: readonly string[] }
  | { kind: 'shortcuts' }
  | { kind: 'settings' }
  | { kind: 'export' }
  | { kind: 'newProject' }
  | null;

export interface Notice {
  id: number;
  text: string;
  /** Offer the Undo button next to the text. */
  undoable: boolean;
}

export interface UiSlice {
  dialog: DialogState;
  notice: Notice | null;
  openDialog(dialog: NonNullable<DialogState>): void;
  closeDialog(): void;
  showNotice(text: string, undoable?: boolean): void;
  dismissNotice(): void;
}

let noticeIds = 0;

export function createUiSlice(): AppSlice<UiSlice> {
  return (set) => ({
    dialog: null,
    notice: null,
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    showNotice: (text, undoable = false) => set({ notice: { id: ++noticeIds, text, undoable } }),
    dismissNotice: () => set({ notice: null }),
  });
}
