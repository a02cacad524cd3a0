/**
 * The harness's stand-in for the preload, built as its own bundle (vite mode harness-bridge), as
 * the preload is: the same data-only bridge (createBridge) over HTTP instead of ipcRenderer,
 * exposed through an emulated contextBridge (context-bridge.ts: values structured-cloned, errors
 * reduced to their message). The renderer's bundle builds the typed API on it, exactly as in the
 * app. Loaded as a deferred classic script placed before the app's own (also deferred): both download
 * while the page parses and run in document order, so the bridge exists before the app's first
 * line, as the preload's does, without holding up the app's download. With no scripted dialogs a
 * file dialog shows as an in-page prompt (folder-prompt.ts). Like the preload, it sends the start-up
 * reads as it runs (shared/ipc/startup-reads.ts); the server has already put main's answers to them
 * in this script (server.ts), so they are answered at once, as the app's IPC answers them within
 * milliseconds, instead of after an HTTP round trip the app does not make.
 */
import '../../shared/zod-without-eval';
import type { ChannelName } from '../../shared/ipc/contract';
import type { Transport } from '../../shared/ipc/create-api';
import { createBridge } from '../../shared/ipc/create-bridge';
import { sendingStartupReads } from '../../shared/ipc/startup-reads';
import { exposeInMainWorld } from './context-bridge';
import { watchingForPrompts } from './folder-prompt';

let source: EventSource | undefined;

declare global {
  var castboardHarnessStartupAnswers: Partial<Record<ChannelName, unknown>> | undefined;
}

/** The start-up reads' answers the server sent with this script (server.ts), each used once. */
const carried = globalThis.castboardHarnessStartupAnswers ?? {};
delete globalThis.castboardHarnessStartupAnswers;

/**
 * The page's first fetch() costs its main thread several milliseconds while the network stack
 * starts up, where the app's first IPC message costs next to nothing. Calls made while the page
 * opens (the window title and modal reports) therefore go out at the page's first idle moment, in
 * the order they were made, instead of delaying the first render by a cost the app does not have.
 */
const pageIdle = new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 200 }));

const httpTransport: Transport = {
  invoke(channel, payload) {
    if (payload === undefined && channel in carried) {
      const answer = carried[channel];
      delete carried[channel];
      return Promise.resolve(answer);
    }
    // Main may wait on a file dialog during the call: the harness then shows an in-page prompt.
    return watchingForPrompts(async () => {
      await pageIdle;
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

exposeInMainWorld(window as unknown as Record<string, unknown>, 'castboard', createBridge(sendingStartupReads(httpTransport)));
