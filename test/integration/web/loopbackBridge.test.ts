/**
 * The renderer's loopback client in real Chromium, against the real web host and service, under the
 * host's real CSP. The bridge and the contract it imports are transpiled as they are (no bundler), so the
 * page loads exactly these modules.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CALL_NAMES, API_EVENT_NAMES } from '../../../src/shared/api.js';
import { startWebHost } from '../../../src/main/web/index.js';
import { desktopContext, launchChromium } from '../../e2e/support/chromium.js';
import { ListenerCount, eventually, webHostSuite } from './webHostFixture.js';

const SOURCE = fileURLToPath(new URL('../../../src/', import.meta.url));
const MODULES = ['renderer/bridge/loopbackBridge.ts', 'shared/api.ts', 'shared/errors.ts', 'shared/result.ts'];
const HARNESS = [
  "import { createLoopbackBridge } from './src/renderer/bridge/loopbackBridge.js';",
  'window.bridge = createLoopbackBridge(window.location);',
  "document.documentElement.dataset['ready'] = 'yes';",
].join('\n');
const HARNESS_PAGE = '<!doctype html><title>bridge</title><script type="module" src="/harness.js"></script>\n';

const listeners = new ListenerCount();
const { host, service, folder } = webHostSuite({ wrapService: (real) => listeners.wrap(real) });
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  const renderer = join(folder(), 'renderer');
  for (const module of MODULES) {
    const output = ts.transpileModule(readFileSync(join(SOURCE, module), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    }).outputText;
    const target = join(renderer, 'src', module.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
  }
  writeFileSync(join(renderer, 'harness.js'), HARNESS);
  writeFileSync(join(renderer, 'index.html'), HARNESS_PAGE);
  browser = await launchChromium();
  context = await desktopContext(browser, `http://127.0.0.1:${host().port}`);
});

afterAll(async () => {
  await browser?.close();
});

async function openPage(url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-ready="yes"]', { timeout: 10_000 });
  return page;
}

/**
 * Evaluates `expression` in the page. Page code is passed as text: the tests are type-checked without the
 * DOM library, and `window.bridge` is the harness's global.
 */
function inPage(page: Page, expression: string): Promise<unknown> {
  return page.evaluate(expression);
}

describe('createLoopbackBridge in Chromium', () => {
  it('takes the token off the address bar, keeps it for reloads, and calls the API with it', async () => {
    const page = await openPage(host().url);
    try {
      expect(page.url()).toBe(`http://127.0.0.1:${host().port}/`);
      expect(await inPage(page, 'window.location.hash')).toBe('');
      expect(await inPage(page, 'window.bridge.host')).toBe('web');
      const status = await inPage(page, 'window.bridge.api.status({})');
      expect(status).toEqual({ ok: true, value: expect.objectContaining({ exists: false, unlocked: false }) });

      await page.reload();
      await page.waitForSelector('html[data-ready="yes"]');
      const again = await inPage(page, 'window.bridge.api.status({})');
      expect(again).toMatchObject({ ok: true });
    } finally {
      await page.close();
    }
  });

  it('offers every call of the contract, and passes failed Results through as values', async () => {
    const page = await openPage(host().url);
    try {
      expect(await inPage(page, 'Object.keys(window.bridge.api)')).toEqual([...API_CALL_NAMES]);
      const unlocked = await inPage(page, "window.bridge.api.unlock({ password: 'no vault here' })");
      expect(unlocked).toMatchObject({ ok: false, error: { code: 'VAULT_NOT_FOUND' } });
    } finally {
      await page.close();
    }
  });

  it('answers a failed Result, never a rejection, without a token', async () => {
    const stranger = await browser.newContext();
    try {
      const page = await stranger.newPage();
      await page.goto(`http://127.0.0.1:${host().port}/`);
      await page.waitForSelector('html[data-ready="yes"]');
      const status = await inPage(page, 'window.bridge.api.status({})');
      expect(status).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('totp-vault ui') } });
    } finally {
      await stranger.close();
    }
  });

  it('shares one event stream among listeners, delivers events, and closes it with the last listener', async () => {
    const page = await openPage(host().url);
    try {
      expect(listeners.value).toBe(0);
      await inPage(
        page,
        `window.heard = [];
        window.stops = [
          window.bridge.events.on('preferencesChanged', (payload) => window.heard.push(payload)),
          window.bridge.events.on('locked', (payload) => window.heard.push(payload)),
        ];`,
      );
      await eventually(() => listeners.value === API_EVENT_NAMES.length);
      expect(await service().dispatch('savePreferences', { preferences: { theme: 'light' } })).toMatchObject({ ok: true });
      // A function predicate, not a string: Playwright evals a string predicate in the page, which our CSP refuses.
      await page.waitForFunction(() => (globalThis as unknown as { heard: unknown[] }).heard.length > 0, undefined, { timeout: 5000 });
      expect(await inPage(page, 'window.heard')).toEqual([{ preferences: expect.objectContaining({ theme: 'light' }) }]);

      await inPage(page, 'window.stops[0]()');
      await new Promise((wake) => setTimeout(wake, 100));
      expect(listeners.value).toBe(API_EVENT_NAMES.length);
      await inPage(page, 'window.stops[1]()');
      await eventually(() => listeners.value === 0);
    } finally {
      await page.close();
    }
  });

  it('copies to the clipboard, and clears it only if it still holds what was copied', async () => {
    const page = await openPage(host().url);
    try {
      await page.bringToFront();
      const run = (expression: string): Promise<unknown> => inPage(page, expression);
      const clipboard = 'window.bridge.clipboard';
      expect(await run(`${clipboard}.writeText('123456')`)).toEqual({ ok: true, value: null });
      expect(await run('navigator.clipboard.readText()')).toBe('123456');
      expect(await run(`${clipboard}.clearIfUnchanged('123456')`)).toEqual({ ok: true, value: null });
      expect(await run('navigator.clipboard.readText()')).toBe('');

      expect(await run(`${clipboard}.writeText('654321')`)).toEqual({ ok: true, value: null });
      await run("navigator.clipboard.writeText('copied by the user since')");
      expect(await run(`${clipboard}.clearIfUnchanged('654321')`)).toEqual({ ok: true, value: null });
      expect(await run('navigator.clipboard.readText()')).toBe('copied by the user since');
    } finally {
      await page.close();
    }
  });

  it('leaves the clipboard alone when it may not read it', async () => {
    const page = await openPage(host().url);
    try {
      await page.bringToFront();
      await inPage(page, "window.bridge.clipboard.writeText('111222')");
      await context.clearPermissions();
      expect(await inPage(page, "window.bridge.clipboard.clearIfUnchanged('111222')")).toEqual({ ok: true, value: null });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${host().port}` });
      expect(await inPage(page, 'navigator.clipboard.readText()')).toBe('111222');
    } finally {
      await page.close();
    }
  });

  it('answers "the service stopped" once the host is gone', async () => {
    const own = await startWebHost({ service: service(), port: 0, rendererFolder: join(folder(), 'renderer') });
    const page = await openPage(own.url);
    try {
      await own.close();
      const status = await inPage(page, 'window.bridge.api.status({})');
      expect(status).toEqual({ ok: false, error: { code: 'INTERNAL', message: "TOTP Vault's background service stopped. Start it again." } });
    } finally {
      await page.close();
    }
  });
});
