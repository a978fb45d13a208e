/**
 * One end-to-end test file's world: a temporary folder for vault files, one Chromium for the whole file,
 * and as many real `totp-vault ui` hosts and browser pages as the tests open. Everything is torn down in
 * afterAll; an uncaught error in any page fails the test that was running.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { desktopContext, launchChromium } from './chromium.js';
import { startUiHost, type UiHost } from './uiHost.js';

export interface PageOptions {
  readonly colorScheme?: 'light' | 'dark';
  /** The browser's language, which the app follows while its language preference is "system". */
  readonly locale?: string;
}

export interface App {
  /** A path inside this file's temporary folder; nothing is created there. */
  path(...segments: string[]): string;
  /** Starts `totp-vault ui` on a vault file; stopped in afterAll unless the test stops it first. */
  startHost(vaultPath: string): Promise<UiHost>;
  /** A fresh browser context at 1280×800 on the host's address, showing its first screen. */
  openPage(host: UiHost, options?: PageOptions): Promise<Page>;
  /** Both of the above: the usual start of a test. */
  open(vaultPath: string, options?: PageOptions): Promise<{ host: UiHost; page: Page }>;
}

export function withApp(): App {
  let folder: string | undefined;
  let browser: Browser | undefined;
  const hosts = new Set<UiHost>();
  const pageErrors: string[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'totp-vault-e2e-'));
    browser = await launchChromium();
  });

  afterEach(() => {
    const errors = pageErrors.splice(0);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([...hosts].map((host) => host.stop()));
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  const app: App = {
    path(...segments) {
      if (folder === undefined) throw new Error('withApp: the temporary folder exists only once beforeAll has run');
      return join(folder, ...segments);
    },

    async startHost(vaultPath) {
      const started = await startUiHost(vaultPath);
      const host: UiHost = {
        ...started,
        stop: () => {
          hosts.delete(host);
          return started.stop();
        },
      };
      hosts.add(host);
      return host;
    },

    async openPage(host, options = {}) {
      if (browser === undefined) throw new Error('withApp: Chromium starts in beforeAll');
      const context = await desktopContext(browser, host.origin, options.colorScheme ?? 'light', options.locale ?? 'en-GB');
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(host.url);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      return page;
    },

    async open(vaultPath, options) {
      const host = await app.startHost(vaultPath);
      return { host, page: await app.openPage(host, options) };
    },
  };
  return app;
}
