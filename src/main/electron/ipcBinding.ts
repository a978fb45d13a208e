import { clipboard, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ApiService } from '../vault/apiService.js';
import { createIpcRoutes } from './createIpcRoutes.js';
import { EVENT_CHANNELS } from './ipcChannels.js';
import { isTrustedSender } from './senderPolicy.js';

/**
 * Carries the API between `window` and `service`: an `ipcMain.handle` per route (every API call, the
 * clipboard and the capture calls, see createIpcRoutes.ts) answering only our window's main frame, and every service
 * event sent on to the window. Returns the function that undoes it all.
 */
export function bindIpc(window: BrowserWindow, service: Pick<ApiService, 'dispatch' | 'on'>): () => void {
  const contents = window.webContents;
  const routes = createIpcRoutes<IpcMainInvokeEvent>({
    service,
    clipboard,
    captureWindow: {
      hide: () => window.hide(),
      show: () => {
        window.show();
        window.focus();
      },
    },
    isTrusted: (event) => isTrustedSender({ contents: event.sender, frame: event.senderFrame }, contents),
  });
  for (const [channel, route] of routes) {
    ipcMain.handle(channel, (event, payload: unknown) => route(event, payload));
  }
  const unsubscribes = EVENT_CHANNELS.map(({ name, channel }) =>
    service.on(name, (payload) => {
      if (!contents.isDestroyed()) {
        contents.send(channel, payload);
      }
    }),
  );
  return () => {
    for (const channel of routes.keys()) {
      ipcMain.removeHandler(channel);
    }
    for (const unsubscribe of unsubscribes) {
      unsubscribe();
    }
  };
}
