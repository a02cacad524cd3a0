/**
 * The preload: contextBridge only. It exposes the contract-derived API as `window.castboard`
 * over ipcRenderer.invoke; the renderer gets typed functions, never ipcRenderer itself.
 * Bundled to CommonJS (sandboxed preloads cannot load ES modules or other files).
 */
import '../../shared/zod-without-eval';
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { MEDIA_BASE_URL } from '../../shared/app-urls';
import { createApi, type CastboardApi, type Transport } from '../../shared/ipc/create-api';

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

contextBridge.exposeInMainWorld('castboard', createApi(ipcTransport) satisfies CastboardApi);
