/**
 * The harness's stand-in for the preload: `window.castboard` built by the same createApi(), over
 * HTTP instead of ipcRenderer. Loaded as a classic script before the app's module script. With
 * no scripted dialogs a file dialog shows as an in-page prompt (folder-prompt.ts).
 */
import '../../shared/zod-without-eval';
import { createApi, type CastboardApi, type Transport } from '../../shared/ipc/create-api';
import { watchingForPrompts } from './folder-prompt';

declare global {
  interface Window {
    castboard?: CastboardApi;
  }
}

let source: EventSource | undefined;

const httpTransport: Transport = {
  invoke(channel, payload) {
    // Main may wait on a file dialog during the call: the harness then shows an in-page prompt.
    return watchingForPrompts(async () => {
      const response = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ payload: payload ?? null }),
      });
      return response.json() as Promise<unknown>;
    });
  },
  subscribe(event, listener) {
    source ??= new EventSource('/events');
    const forward = (message: MessageEvent<string>) => listener(JSON.parse(message.data));
    source.addEventListener(event, forward);
    return () => source?.removeEventListener(event, forward);
  },
  mediaBaseUrl: `${location.origin}/media/`,
};

window.castboard = createApi(httpTransport);
