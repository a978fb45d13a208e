/**
 * The preload of the vault window. It runs sandboxed, so it cannot require our other files: Vite bundles
 * it with createHostBridge and the API lists into one CommonJS file, dist/main/electron/preload.cjs
 * (preload.vite.config.ts), with electron left external. It exposes exactly one object, `totpVault`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createHostBridge } from './createHostBridge.js';

const bridge = createHostBridge({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe: (channel, listener) => {
    // The event object carries `sender` (ipcRenderer itself); the page must never see it.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
});

contextBridge.exposeInMainWorld('totpVault', bridge);
