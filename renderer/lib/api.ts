/**
 * The only module that reads the bridge. In the app the preload puts `window.castboard` there;
 * in the browser harness its bridge script does. Everything else receives the API through
 * React context (renderer/app/api-context.tsx), so components can be tested with any transport.
 */
import type { CastboardApi } from '../../shared/ipc/create-api';

declare global {
  interface Window {
    castboard?: CastboardApi;
  }
}

export function getBridge(): CastboardApi {
  const bridge = window.castboard;
  if (!bridge) throw new Error('Castboard bridge missing: the preload script did not run.');
  return bridge;
}

export type { CastboardApi };
