/**
 * Types every slice shares: a slice creator over the whole app state (zustand "slices pattern",
 * inside zundo's `temporal`), and the dependencies a slice may use. `history()` and `sync()` are
 * functions because they exist only once the store itself has been created.
 */
import type { StateCreator } from 'zustand';
import type { AppState, HistoryStore } from './app-state';
import type { CastboardApi } from '../lib/api';
import type { DocSync } from './doc-sync';
import type { Coalescer } from './history';

export type AppSlice<S> = StateCreator<AppState, [['temporal', unknown]], [], S>;

export interface StoreDeps {
  api: CastboardApi;
  coalescer: Coalescer;
  history(): HistoryStore;
  sync(): DocSync;
  now(): number;
}
