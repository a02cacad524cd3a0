/**
 * Provides the store to components; tests pass a store built over any transport.
 * `useAppStore(selector)` subscribes narrowly; `useAppStoreApi()` gives the store itself for
 * event handlers that read state at the moment they run (no re-render subscription);
 * `useHistory(selector)` reads undo/redo availability from zundo's temporal store.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { HistoryState } from './history';
import type { TemporalState } from 'zundo';
import type { AppState, AppStore } from './app-state';

const StoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <AppStoreProvider>.');
  return store;
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

export function useHistory<T>(selector: (state: TemporalState<HistoryState>) => T): T {
  return useStore(useAppStoreApi().temporal, selector);
}
