/**
 * The preload: contextBridge only. It exposes the data-only bridge (shared/ipc/create-bridge.ts)
 * as `window.castboard` over ipcRenderer.invoke: contract channels only, answers passed on as the
 * `{ ok, value | error }` envelopes main sent, never thrown, because contextBridge would strip an
 * error down to its message. The renderer's bundle builds the typed API on it (renderer/lib/api.ts).
 * It also sends the renderer's start-up reads as it runs, before the page loads (startup-reads.ts).
 * The page never gets ipcRenderer itself. Bundled to CommonJS (sandboxed preloads cannot load ES
 * modules or other files).
 */
import '../../shared/zod-without-eval';
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { MEDIA_BASE_URL } from '../../shared/app-urls';
import type { Transport } from '../../shared/ipc/create-api';
import { createBridge } from '../../shared/ipc/create-bridge';
import { sendingStartupReads } from '../../shared/ipc/startup-reads';

const ipcTransport: Transport = {
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe(event, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
  mediaBaseUrl: MEDIA_BASE_URL,
};

// The start-up reads leave now, while the page is still loading (shared/ipc/startup-reads.ts).
contextBridge.exposeInMainWorld('castboard', createBridge(sendingStartupReads(ipcTransport)) satisfies Transport);
