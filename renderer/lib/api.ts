/**
 * The only module that reads the bridge. In the app the preload puts the data-only bridge at
 * `window.castboard` (shared/ipc/create-bridge.ts); in the browser harness its bridge script does,
 * through an emulated contextBridge. The typed API is built here, in the renderer's own bundle, so
 * the `CastboardError`s it throws are this bundle's class (isCastboardError works) and keep their
 * code. Nothing else reads the bridge: the store is built over the API it returns
 * (renderer/app/app-store.ts), so components and slices can be tested over any transport.
 */
import { createApi, type CastboardApi, type Transport } from '../../shared/ipc/create-api';

declare global {
  interface Window {
    castboard?: Transport;
  }
}

export function getBridge(): CastboardApi {
  const bridge = window.castboard;
  if (!bridge) throw new Error('Castboard bridge missing: the preload script did not run.');
  return createApi(bridge);
}

export type { CastboardApi };
