/**
 * Builds the one zustand store from typed slices (zustand "slices pattern"; the types are in
 * app-state.ts), wrapped in zundo's
 * `temporal` so undo/redo covers the document (`doc`) and nothing else (see state/history.ts).
 * Push events from main are subscribed here, outside React; components read the store with
 * narrow selectors (`useShallow` for several fields) so typing in one field does not re-render
 * the board. The document reaches main through state/doc-sync.ts.
 */
import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import type { CastboardApi } from '../lib/api';
import { createSettingsSlice } from './settings-slice';
import { startDocSync, SYNC_DELAY_MS, type DocSync } from './doc-sync';
import { createConsistencySlice } from './consistency-slice';
import { createDocumentSlice } from './document-slice';
import { createExportSlice } from './export-slice';
import { createCoalescer, historyOptions } from './history';
import { createJobsSlice } from './jobs-slice';
import { createProjectSlice } from './project-slice';
import { createReferenceSlice } from './reference-slice';
import { createSelectionSlice } from './selection-slice';
import { createSketchSlice } from './sketch-slice';
import type { StoreDeps } from './store-types';
import type { AppState, AppStore, HistoryStore } from './app-state';
import { createUiSlice, watchDeletionNotice } from './ui-slice';

export interface AppStoreOptions {
  now?: () => number;
  syncDelayMs?: number;
}

export function createAppStore(api: CastboardApi, options: AppStoreOptions = {}): AppStore {
  const now = options.now ?? (() => Date.now());
  // Filled in right after the store exists; slices only call them from actions.
  const late: { sync?: DocSync; history?: HistoryStore } = {};
  let booting: Promise<void> | null = null;
  const deps: StoreDeps = {
    api,
    coalescer: createCoalescer(now),
    now,
    history: () => late.history ?? fail('history'),
    sync: () => late.sync ?? fail('sync'),
  };
  const store = createStore<AppState>()(
    temporal(
      (...args) => ({
        ...createSettingsSlice(api)(...args),
        ...createProjectSlice(deps)(...args),
        ...createDocumentSlice(deps)(...args),
        ...createSelectionSlice()(...args),
        ...createJobsSlice(deps)(...args),
        ...createUiSlice()(...args),
        ...createExportSlice(deps)(...args),
        ...createConsistencySlice(deps)(...args),
        ...createReferenceSlice(deps)(...args),
        ...createSketchSlice(deps)(...args),
        bootError: null,
        // Once per store: the entry calls it before React's first render so the start-up requests
        // are in flight while the app shell renders (renderer/main.tsx); App calls it again.
        boot() {
          booting ??= bootOnce(args[0], args[1]);
          return booting;
        },
      }),
      historyOptions<AppState>(deps.coalescer),
    ),
  );
  const history = store.temporal;
  const sync = startDocSync(
    store,
    api,
    {
      onStatus: (status) => store.getState().setSaveStatus(status),
      onPending: (pending) => {
        if (store.getState().localChanges !== pending) store.setState({ localChanges: pending });
      },
    },
    options.syncDelayMs ?? SYNC_DELAY_MS,
  );

  const state = store.getState();
  const unsubscribers = [
    state.subscribeSettings(),
    api.on('project:status', (status) => store.getState().setSaveStatus(status)),
    api.on('project:takesAdded', (event) => store.getState().applyTakesAdded(event)),
    api.on('project:imageChosen', () => store.getState().referenceImageChosen()),
    api.on('jobs:progress', (snapshot) => store.getState().applySnapshot(snapshot)),
    api.on('export:progress', (progress) => store.getState().setExportProgress(progress)),
    api.on('consistency:progress', (progress) => store.getState().setConsistencyProgress(progress)),
    api.on('consistency:results', ({ results }) => store.getState().applyConsistencyResults(results)),
    watchDeletionNotice(store),
    // A "no API key" message goes away once a key is saved: the problem it names is fixed.
    store.subscribe((now, before) => {
      if (now.keyStatus?.hasKey && !before.keyStatus?.hasKey && now.jobsErrorCode === 'NO_API_KEY') now.dismissJobsError();
    }),
  ];
  late.history = history;
  late.sync = sync;
  const appStore = Object.assign(store, {
    temporal: history,
    sync,
    dispose() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      sync.dispose();
    },
  });
  return appStore;
}

/** Settings, the project main still has open, the recent list and the queue, all requested at once. */
async function bootOnce(set: (partial: Partial<AppState>) => void, get: () => AppState): Promise<void> {
  const state = get();
  await Promise.all([
    state.loadSettings().catch(() => set({ bootError: 'Castboard could not read its settings. Restart the app; your projects are not affected.' })),
    state.restoreCurrent(),
    state.loadRecent(),
    state.loadSnapshot(),
  ]);
  void get().refreshBalance();
}

function fail(what: string): never {
  throw new Error(`The store's ${what} is used before the store exists.`);
}

