/**
 * One zustand store built from typed feature slices (zustand "slices pattern"). Components read
 * it with narrow selectors (`useShallow` for several fields) so typing in one field does not
 * re-render the board.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CastboardApi } from '../lib/api';
import { createSettingsSlice, type SettingsSlice } from '../features/settings/settings-slice';

export type AppState = SettingsSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(api: CastboardApi): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createSettingsSlice(api)(...args),
  }));
}
