/**
 * Debian's Chromium through playwright-core: Playwright cannot download its own browser on these machines.
 * The flags keep Chromium from reaching for Google's services, which the closed network refuses.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Throws a plain message when Chromium is missing: the README lists it as a prerequisite. */
export async function launchChromium(options: { headless?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: install Debian's chromium package (see README).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: options.headless ?? true, args: [...CHROMIUM_FLAGS] });
}

/** A desktop-sized page context, 1280×800 as the screenshots are specified, with clipboard access for copy tests. */
export async function desktopContext(browser: Browser, origin: string, colorScheme: 'light' | 'dark' = 'light', locale = 'en-GB'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme, locale });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  return context;
}
