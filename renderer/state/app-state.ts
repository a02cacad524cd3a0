/**
 * The store's types, and nothing else: `AppState` is the intersection of the slice interfaces
 * (zustand's slices pattern for TypeScript), `AppStore` the store built from them with zundo's
 * history. The store owns no type of its own; each fact lives in the slice that owns it.
 * Slices are typed against AppState, so this file and the slices name each other's types: the one
 * type-only loop the cycle check allows (scripts/check-cycles.ts), and it stays inside state/.
 */
import type { StoreApi } from 'zustand';
import type { TemporalState } from 'zundo';
import type { ConsistencySlice } from './consistency-slice';
import type { DocSync } from './doc-sync';
import type { DocumentSlice } from './document-slice';
import type { ExportSlice } from './export-slice';
import type { HistoryState } from './history';
import type { JobsSlice } from './jobs-slice';
import type { ProjectSlice } from './project-slice';
import type { ReferenceSlice } from './reference-slice';
import type { SelectionSlice } from './selection-slice';
import type { SettingsSlice } from './settings-slice';
import type { SketchSlice } from './sketch-slice';
import type { UiSlice } from './ui-slice';

export interface BootSlice {
  /** Set when the window could not load what it needs to start (settings). */
  bootError: string | null;
  /** Loads what the window shows at start (or after a reload): settings, the open project, the queue. */
  boot: () => Promise<void>;
}

export type AppState = SettingsSlice & ProjectSlice & DocumentSlice & SelectionSlice & JobsSlice & UiSlice & ExportSlice & ConsistencySlice & ReferenceSlice & SketchSlice & BootSlice;

export type HistoryStore = StoreApi<TemporalState<HistoryState>>;

export type AppStore = StoreApi<AppState> & {
  readonly temporal: HistoryStore;
  /** Unsubscribes from main's push events and stops syncing (tests, hot reload). */
  dispose: () => void;
  readonly sync: DocSync;
};
