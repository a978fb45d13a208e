/**
 * The Electron host's composition root (package.json "main": dist/main/electron/main.js). Everything it
 * wires is in a file of its own; the decisions that need electron values live here and in the files it
 * imports from this folder, the pure ones in files tests can load under plain Node.
 *
 * An ES module: Electron loads it before `ready` and runs its top level first, so the calls that must
 * precede `ready` (paths, sandbox, scheme privileges, the single-instance lock) are top-level statements.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { toErrorInfo } from '../../shared/result.js';
import { createApiService, type ApiService } from '../vault/apiService.js';
import { APP_DATA_FOLDER, VAULT_FILE_NAME, defaultVaultPath } from '../vault/vaultLocation.js';
import { APP_ENTRY_URL } from './appOrigin.js';
import { bindPowerLock } from './bindPowerLock.js';
import { createVaultWindow, WINDOW_TITLE } from './createVaultWindow.js';
import { guardWebContents } from './guardWebContents.js';
import { hardenSession } from './hardenSession.js';
import { bindIpc } from './ipcBinding.js';
import { registerAppScheme, serveAppProtocol } from './registerAppProtocol.js';
import { watchLockOnMinimise } from './watchLockOnMinimise.js';

/** dist/main/electron → dist/renderer, both in a checkout and inside app.asar. */
const RENDERER_ROOT = join(import.meta.dirname, '..', '..', 'renderer');
/** The bundled, sandbox-safe preload (preload.vite.config.ts). */
const PRELOAD_PATH = join(import.meta.dirname, 'preload.cjs');

// userData is named after package.json's `name` ("totp-vault") unless told otherwise; the CLI looks for
// the vault under the product name (vaultLocation.ts), so both must say the same. Before the lock,
// which lives in userData.
app.setName(APP_DATA_FOLDER);
app.setPath('userData', join(app.getPath('appData'), APP_DATA_FOLDER));
app.enableSandbox();
registerAppScheme();

if (app.requestSingleInstanceLock()) {
  run();
} else {
  // Another copy holds the vault; it has been told to come forward (`second-instance`).
  app.quit();
}

function run(): void {
  let window: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (window !== undefined && !window.isDestroyed()) {
      if (window.isMinimized()) {
        window.restore();
      }
      window.show();
      window.focus();
    }
  });
  // A vault has no reason to linger without its window, on macOS too.
  app.on('window-all-closed', () => app.quit());
  guardWebContents();

  app.whenReady().then(
    () => {
      try {
        window = start();
      } catch (thrown) {
        fail(thrown);
      }
    },
    (thrown: unknown) => fail(thrown),
  );
}

function start(): BrowserWindow {
  const vaultPath = join(app.getPath('userData'), VAULT_FILE_NAME);
  if (vaultPath !== defaultVaultPath()) {
    // Paths are not secrets; saying so explains why the CLI would open another vault than the window.
    console.warn(`TOTP Vault: the desktop vault ${vaultPath} is not where the CLI looks by default (${defaultVaultPath()}).`);
  }
  // Chromium makes userData on start, but a first run must never meet a missing folder as a storage error.
  mkdirSync(app.getPath('userData'), { recursive: true });
  const service = createApiService({ vaultPath, systemLocale: app.getLocale() });
  serveAppProtocol(RENDERER_ROOT);
  // Created before anything is loaded into it, so every guard below is in place for its first request.
  const window = createVaultWindow(PRELOAD_PATH);
  hardenSession(session.defaultSession, window.webContents);
  const unbindIpc = bindIpc(window, service);
  bindWindowLocks(window, service);
  const unbindPowerLock = bindPowerLock(service);
  app.once('will-quit', () => {
    unbindPowerLock();
    unbindIpc();
    service.dispose();
  });

  window.loadURL(APP_ENTRY_URL).catch((thrown: unknown) => fail(thrown));
  return window;
}

/** Minimising locks when the user asked for it; closing always locks, and then the app quits. */
function bindWindowLocks(window: BrowserWindow, service: ApiService): void {
  const lockOnMinimise = watchLockOnMinimise(service);
  window.on('minimize', () => {
    if (lockOnMinimise.current()) {
      service.lock('minimised');
    }
  });
  window.on('close', () => service.lock('closed'));
  window.once('closed', () => lockOnMinimise.dispose());
}

/** A start-up failure is shown, never only logged: a desktop app has no terminal to read. */
function fail(thrown: unknown): void {
  dialog.showErrorBox(WINDOW_TITLE, toErrorInfo(thrown).message);
  app.exit(1);
}
