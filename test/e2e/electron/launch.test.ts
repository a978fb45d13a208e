/**
 * Launches the real Electron app where its binary exists (needs `npm run build` first) and checks what
 * the unit tests cannot: the window, the preload's bridge as the page sees it, IPC through to the
 * service, and that the page has no Node and no network. On machines without the binary (all of ours so
 * far) the suite is skipped, and says so.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { API_CALL_NAMES } from '../../../src/shared/api.js';
import { electronBinaryPath } from '../../../bin/electronBinaryPath.js';

const APP_FOLDER = fileURLToPath(new URL('../../../', import.meta.url));
const binary = electronBinaryPath();

if (binary === null) {
  console.log('Electron binary not installed here: the _electron suite was skipped');
}

describe('the Electron host', () => {
  if (binary === null) {
    it.skip('opens the vault window with the totpVault bridge and nothing else (needs the Electron binary)', () => undefined);
    return;
  }

  it('opens the vault window with the totpVault bridge and nothing else', async () => {
    // A config folder of its own (Linux: userData follows XDG_CONFIG_HOME): the test never touches the
    // user's vault, and a TOTP Vault the user has open does not take the single-instance lock from it.
    const configFolder = await mkdtemp(join(tmpdir(), 'totp-vault-electron-'));
    const { ELECTRON_RUN_AS_NODE: _runAsNode, ...environment } = process.env;
    const application = await _electron.launch({
      executablePath: binary,
      args: [APP_FOLDER],
      env: { ...(environment as Record<string, string>), XDG_CONFIG_HOME: configFolder },
    });
    try {
      const page = await application.firstWindow();
      await page.waitForLoadState('domcontentloaded');

      const windowTitle = await application.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => window.getTitle()));
      expect(windowTitle).toEqual(['TOTP Vault']);
      expect(page.url()).toMatch(/^app:\/\/totp-vault\/index\.html/);

      const seen = await page.evaluate(() => {
        const page = globalThis as unknown as Record<string, unknown>;
        const bridge = page['totpVault'] as Record<string, Record<string, unknown>>;
        return {
          bridge: Object.keys(bridge).sort(),
          api: Object.keys(bridge['api'] ?? {}).sort(),
          events: Object.keys(bridge['events'] ?? {}),
          clipboard: Object.keys(bridge['clipboard'] ?? {}).sort(),
          host: bridge['host'],
          nodeGlobals: ['require', 'process', 'module', 'Buffer', 'global', 'ipcRenderer', 'electron'].filter((name) => name in page),
        };
      });
      expect(seen).toEqual({
        bridge: ['api', 'clipboard', 'events', 'host'],
        api: [...API_CALL_NAMES].sort(),
        events: ['on'],
        clipboard: ['clearIfUnchanged', 'writeText'],
        host: 'electron',
        nodeGlobals: [],
      });

      const status = await page.evaluate(async () => {
        const bridge = (globalThis as unknown as { totpVault: { api: { status: (request: object) => Promise<unknown> } } }).totpVault;
        return bridge.api.status({});
      });
      expect(status).toMatchObject({ ok: true, value: { exists: false, unlocked: false } });

      const network = await page.evaluate(() => fetch('https://example.com/').then(() => 'reached', () => 'blocked'));
      expect(network).toBe('blocked');
    } finally {
      await application.close();
      await rm(configFolder, { recursive: true, force: true });
    }
  });
});
