/**
 * The store as the window uses it: the state layer's store, plus the app-level wiring the state
 * layer must not know about (menu commands from main run the same functions as buttons and
 * shortcuts; the window title and unsaved state go back to main). Disposing the store undoes both.
 */
import type { CastboardApi } from '../lib/api';
import type { AppStore } from '../state/app-state';
import { createAppStore, type AppStoreOptions } from '../state/create-app-store';
import { createCommands } from './commands';
import { connectMainCommands } from './main-commands';

export function createWiredAppStore(api: CastboardApi, options: AppStoreOptions = {}): AppStore {
  const store = createAppStore(api, options);
  const disconnect = connectMainCommands(store, api, createCommands(store));
  const disposeStore = store.dispose;
  return Object.assign(store, {
    dispose() {
      disconnect();
      disposeStore();
    },
  });
}
