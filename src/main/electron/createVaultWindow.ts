import { app, BrowserWindow } from 'electron';

export const WINDOW_TITLE = 'TOTP Vault';

/**
 * The one vault window. The renderer is untrusted: sandboxed, context-isolated, no Node, and its only
 * way out is the preload's `totpVault` bridge. DevTools exist only in unpackaged development runs.
 * Content protection keeps codes out of screenshots and screen sharing (Windows, macOS) and, with it,
 * keeps our own window out of the frames the QR scanner captures.
 */
export function createVaultWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    title: WINDOW_TITLE,
    show: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium downloads spell-check dictionaries from Google; the app makes no network requests.
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  window.setContentProtection(true);
  // The title stays ours: window titles are visible to every other app and to the taskbar, and a page
  // title could one day name an item.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  return window;
}
