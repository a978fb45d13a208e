/**
 * "Scan screen" for real: an Xvfb screen with two Chromium windows side by side, the app (the real
 * `totp-vault ui` host) on the left and a Microsoft-style set-up page with QR codes on the right. The
 * app's button captures the whole X screen with getDisplayMedia (headed Chromium picks "Entire screen"
 * itself), decodes it in its worker and lists what it found. Nothing is faked on the way: the page is
 * only watched, to record the size of the frames it grabbed. "Select a region" grabs the same way and shows the
 * screen in the dialog: a rectangle dragged with the mouse, or moved and resized with the arrow keys, around one
 * of two codes must read that code alone, which checks the picture-to-frame mapping and the crop by their result.
 *
 * The set-up page runs in its own Chromium, so that it can be drawn at 125 % and 150 % (Chromium's
 * --force-device-scale-factor) while the app stays at 100 %. Before any scan a probe proves that the
 * capture works and that the windows are where the tests put them.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../src/main/vault/index.js';
import { emptyItemContent } from '../../src/shared/item.js';
import { TEST_KDF, TEST_PASSWORD } from '../support/temporaryVaultPath.js';
import { acceptableCodes, withoutSpaces } from './support/expectedCodes.js';
import { captureScreen, launchHeadedChromium, openWindow, painted, type ScreenRect } from './support/headedChromium.js';
import { startUiHost, type UiHost } from './support/uiHost.js';
import { codeList, openScanDialog, row, scanCandidate, scanDialog, shownCode, unlock } from './support/vaultPage.js';
import { startXvfb, type XvfbDisplay, xvfbSkipReason } from './support/xvfb.js';

const SCREEN = { width: 1920, height: 1080 } as const;
/** Where the region selector's screenshots go for people to look at (git-ignored). */
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
/** The app on the left, the set-up page on the right, a gap between them: neither covers the other. */
const APP_WINDOW: ScreenRect = { left: 0, top: 0, width: 1060, height: SCREEN.height };
const PAGE_WINDOW: ScreenRect = { left: 1080, top: 0, width: SCREEN.width - 1080, height: SCREEN.height };

const ENTRA_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ENTRA = `otpauth://totp/Contoso:alice%40contoso.com?secret=${ENTRA_SECRET}&issuer=Microsoft`;
const DROPBOX_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const DROPBOX = `otpauth://totp/Dropbox:carol%40example.com?secret=${DROPBOX_SECRET}&issuer=Dropbox`;
const GITLAB_SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSNBQW4ZAA';
const GITLAB = `otpauth://totp/GitLab:dave?secret=${GITLAB_SECRET}&issuer=GitLab&digits=8`;
const GITHUB_SECRET = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
const GITHUB = `otpauth://totp/GitHub:erin?secret=${GITHUB_SECRET}&issuer=GitHub`;
const SLACK_SECRET = 'ONSWG4TFORXXI2LTMFRWK5DQNBSXEZLU';
const SLACK = `otpauth://totp/Slack:frank%40example.org?secret=${SLACK_SECRET}&issuer=Slack`;
const OKTA_SECRET = 'NBSWY3DPEB3W64TMMQQHEZLTMVRXEZLU';
const OKTA = `otpauth://totp/Okta:grace%40example.net?secret=${OKTA_SECRET}&issuer=Okta`;
const AWS_SECRET = 'IFBEGRCFIZDUQSKKJNGE2TSPKBIVEUSM';
const AWS = `otpauth://totp/Amazon%20Web%20Services:heidi%40example.com?secret=${AWS_SECRET}&issuer=Amazon%20Web%20Services`;
const PUSH = 'phonefactor://activate_account?code=123456789&url=https%3A%2F%2Fmobileappcommunicator.auth.microsoft.com%2Factivate';

/** One code on the set-up page: Microsoft draws 4 px modules with a 4-module white quiet zone. */
interface ShownCode {
  readonly text: string;
  /** Light modules on a dark ground, as some dark-mode pages draw their codes. */
  readonly inverted?: boolean;
}

interface Scene {
  readonly codes: readonly ShownCode[];
  /** A dark page (Microsoft's dark theme); a normal code keeps its white quiet zone as a light box. */
  readonly dark?: boolean;
  /** Chromium's scale for the set-up page's window: 1, 1.25 or 1.5. */
  readonly scale?: number;
}

async function codeImage(code: ShownCode): Promise<string> {
  const color = code.inverted ? { dark: '#f2f2f2ff', light: '#1b1a19ff' } : { dark: '#000000ff', light: '#ffffffff' };
  return QRCode.toDataURL(code.text, { errorCorrectionLevel: 'M', margin: 4, scale: 4, color });
}

/** The set-up page as Microsoft's "Security info" wizard shows it, with the codes where the QR image goes. */
async function sceneHtml(scene: Scene): Promise<string> {
  const images = await Promise.all(scene.codes.map(async (code) => `<img alt="QR code" src="${await codeImage(code)}">`));
  const [page, text, link] = scene.dark ? ['#1b1a19', '#f3f2f1', '#6cb8f6'] : ['#ffffff', '#1b1b1b', '#0067b8'];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Keep your account secure</title><style>
  html,body{margin:0;background:${page};color:${text};font:15px/1.4 "DejaVu Sans",sans-serif}
  main{padding:24px 32px} h1{font-size:24px;font-weight:600;margin:0 0 16px} a{color:${link}}
  .codes{display:flex;flex-wrap:wrap;gap:32px;margin:20px 0} img{display:block;image-rendering:auto}
  </style></head><body><main>
  <h1>Keep your account secure</h1><h2>Authenticator app</h2>
  <p>Scan the QR code</p><p>Use the authenticator app to scan the QR code. This will connect your app with your account.</p>
  <p>After you scan the QR code, choose “Next”.</p>
  <div class="codes">${images.join('')}</div>
  <p><a href="#">Can’t scan image?</a></p><p><a href="#">I want to set up a different method</a></p>
  </main></body></html>`;
}

/** A page that is all one colour, for the probe to find on the screen. */
const MARKER = [255, 0, 255] as const;
/** The capture goes through a video format: colours come back a few levels off. */
function isMarker(colour: readonly number[]): boolean {
  return colour.every((level, channel) => Math.abs(level - MARKER[channel]!) <= 12);
}
const MARKER_HTML = `<!doctype html><html><head><style>html,body{margin:0;height:100%;background:rgb(${MARKER.join(',')})}</style></head><body></body></html>`;

/** The page the set-up page's window opens first: an http://127.0.0.1 origin, a secure context that may capture. */
function startBlankServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end('<!doctype html><title>blank</title>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

/** The browser globals the init script uses (the test tsconfig has no DOM library). */
interface FrameRecorderGlobals {
  __grabbedFrames?: { width: number; height: number }[];
  readonly ImageCapture?: { prototype: { grabFrame(): Promise<{ width: number; height: number }> } };
}

/** What show() reads in the set-up page (the test tsconfig has no DOM library). */
interface SceneGlobals {
  readonly devicePixelRatio: number;
  readonly innerWidth: number;
  readonly innerHeight: number;
}
interface SceneImage {
  decode(): Promise<void>;
  getBoundingClientRect(): { readonly left: number; readonly top: number; readonly width: number; readonly height: number; readonly right: number; readonly bottom: number };
}
/** Where the set-up page's window lies on the screen: without a window manager, its content sits below Chromium's toolbars. */
interface WindowPlacement {
  readonly screenX: number;
  readonly screenY: number;
  readonly outerWidth: number;
  readonly outerHeight: number;
}

/** The region selector's own account of its rectangle, in the screen's pixels, as it shows it under the picture. */
async function selectedRegion(dialog: Locator): Promise<ScreenRect> {
  const text = await dialog.getByTestId('scan-region-position').innerText();
  const match = /^Selected: ([\d,]+) × ([\d,]+) pixels, ([\d,]+) from the left and ([\d,]+) from the top\.$/.exec(text);
  if (match === null) throw new Error(`The selector says “${text}”.`);
  const [width, height, left, top] = match.slice(1).map((number) => Number(number.replaceAll(',', '')));
  return { left: left!, top: top!, width: width!, height: height! };
}

const skipReason = xvfbSkipReason();

describe.skipIf(skipReason !== null)('scan screen under Xvfb', () => {
  let folder: string;
  let xvfb: XvfbDisplay;
  let appBrowser: Browser;
  let host: UiHost;
  let app: Page;
  let blank: { server: Server; url: string };
  /** The set-up page's browser and window, relaunched when a scene asks for another scale. */
  let pageWindow: { scale: number; browser: Browser; page: Page } | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'totp-vault-screen-'));
    xvfb = await startXvfb(SCREEN);
    blank = await startBlankServer();
    const vaultPath = join(folder, 'vault.totpvault');
    const vault = await Vault.create(vaultPath, TEST_PASSWORD, { kdf: TEST_KDF });
    vault.createItems([{ ...emptyItemContent(), title: 'Topdesk', username: 'alice@contoso.com' }]);
    vault.lock();
    [host, appBrowser] = await Promise.all([startUiHost(vaultPath), launchHeadedChromium(xvfb)]);

    app = await openWindow(appBrowser, { bounds: APP_WINDOW });
    app.on('pageerror', (error) => pageErrors.push(error.message));
    // Watch the frames the app grabs (ImageCapture.grabFrame is how it reads the capture); change nothing.
    await app.addInitScript(() => {
      const browser = globalThis as unknown as FrameRecorderGlobals;
      const prototype = browser.ImageCapture?.prototype;
      if (prototype === undefined) return;
      const grabFrame = prototype.grabFrame;
      browser.__grabbedFrames = [];
      prototype.grabFrame = async function (this: unknown) {
        const bitmap = await grabFrame.call(this);
        browser.__grabbedFrames?.push({ width: bitmap.width, height: bitmap.height });
        return bitmap;
      };
    });
    await app.goto(host.url);
    await unlock(app, TEST_PASSWORD);
    await row(app, 'Topdesk').waitFor();
  });

  afterEach(async () => {
    // A test that failed half-way leaves its dialog open; the next one starts from the code list.
    const dialog = app === undefined ? undefined : scanDialog(app);
    if (dialog !== undefined && (await dialog.count()) > 0) {
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    const errors = pageErrors.splice(0);
    expect(errors, 'uncaught errors in the app').toEqual([]);
  });

  afterAll(async () => {
    await pageWindow?.browser.close();
    await appBrowser?.close();
    await host?.stop();
    await xvfb?.stop();
    blank?.server.close();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  /** The set-up page's window at `scale`, in place (a new Chromium when the scale changes). */
  async function pageAt(scale: number): Promise<Page> {
    if (pageWindow?.scale === scale) return pageWindow.page;
    await pageWindow?.browser.close();
    pageWindow = undefined;
    const browser = await launchHeadedChromium(xvfb, scale === 1 ? {} : { deviceScaleFactor: scale });
    const page = await openWindow(browser, { bounds: PAGE_WINDOW, deviceScaleFactor: scale });
    await page.goto(blank.url);
    pageWindow = { scale, browser, page };
    return page;
  }

  /** Shows the scene in the set-up page's window and waits until it is on the screen. */
  async function show(scene: Scene): Promise<Page> {
    const page = await pageAt(scene.scale ?? 1);
    await page.setContent(await sceneHtml(scene));
    // Every code decoded, drawn at the page's scale and wholly inside the window, where no other window is.
    const placed = await page.locator('img').evaluateAll(async (images) => {
      const browser = globalThis as unknown as SceneGlobals;
      await Promise.all(images.map((image) => (image as unknown as SceneImage).decode()));
      return {
        scale: browser.devicePixelRatio,
        inside: images.every((image) => {
          const box = (image as unknown as SceneImage).getBoundingClientRect();
          return box.width > 0 && box.right <= browser.innerWidth && box.bottom <= browser.innerHeight;
        }),
      };
    });
    expect(placed).toEqual({ scale: scene.scale ?? 1, inside: true });
    await painted(page);
    return page;
  }

  /**
   * Scan QR code → Scan screen, in a fresh dialog; waits until the app has read the screen, and checks that
   * it read one frame of the whole screen at its physical size (a scaled-down frame loses small modules).
   */
  async function scanScreen(): Promise<Locator> {
    await grabbedFrames();
    const dialog = await openScanDialog(app);
    await dialog.getByRole('button', { name: 'Scan screen' }).click();
    await dialog.getByRole('status').getByText(/^\d+ accounts? found\.$/).waitFor({ timeout: 30_000 });
    expect(await grabbedFrames(), 'the frames the app read').toEqual([SCREEN]);
    return dialog;
  }

  /** The set-up page's codes on the screen, quiet zone included, in screen pixels (its window is at 100 %). */
  async function codesOnScreen(page: Page): Promise<ScreenRect[]> {
    return page.locator('img').evaluateAll((images) => {
      const browser = globalThis as unknown as SceneGlobals & WindowPlacement;
      const contentLeft = browser.screenX + browser.outerWidth - browser.innerWidth;
      const contentTop = browser.screenY + browser.outerHeight - browser.innerHeight;
      return images.map((image) => {
        const box = (image as unknown as SceneImage).getBoundingClientRect();
        return { left: contentLeft + box.left, top: contentTop + box.top, width: box.width, height: box.height };
      });
    });
  }

  /**
   * Select a region, clicked or (`'Enter'`) pressed on the focused button; waits for the selector, which takes
   * the focus, and checks that it grabbed one frame of the whole screen.
   */
  async function openRegionSelector(dialog: Locator, how: 'click' | 'Enter' = 'click'): Promise<Locator> {
    await grabbedFrames();
    const button = dialog.getByRole('button', { name: 'Select a region' });
    if (how === 'click') await button.click();
    else {
      await button.and(app.locator(':focus')).waitFor();
      await app.keyboard.press('Enter');
    }
    const area = dialog.getByRole('application', { name: 'Area to scan on Screen 1' });
    await area.and(app.locator(':focus')).waitFor({ timeout: 30_000 });
    expect(await grabbedFrames(), 'the frames the app grabbed').toEqual([SCREEN]);
    return area;
  }

  async function press(key: string, times: number): Promise<void> {
    for (let count = 0; count < times; count += 1) await app.keyboard.press(key);
  }

  /**
   * With the arrow keys alone, makes the selector's rectangle hold `target`: one Shift+Left says how far a key
   * moves it; then it is shrunk to one to two steps larger than the target and moved so that its top left
   * corner is less than a step above and left of the target's. Returns the rectangle, as the selector states it.
   */
  async function selectWithKeys(dialog: Locator, target: ScreenRect): Promise<ScreenRect> {
    const first = await selectedRegion(dialog);
    await press('Shift+ArrowLeft', 1);
    const now = await selectedRegion(dialog);
    const step = first.width - now.width;
    expect(step).toBeGreaterThan(0);
    await press('Shift+ArrowLeft', Math.floor((now.width - target.width - step) / step));
    await press('Shift+ArrowUp', Math.floor((now.height - target.height - step) / step));
    const across = Math.floor((target.left - now.left) / step);
    const down = Math.floor((target.top - now.top) / step);
    await press(across < 0 ? 'ArrowLeft' : 'ArrowRight', Math.abs(across));
    await press(down < 0 ? 'ArrowUp' : 'ArrowDown', Math.abs(down));
    const selected = await selectedRegion(dialog);
    expect(selected.left).toBeLessThanOrEqual(target.left);
    expect(selected.top).toBeLessThanOrEqual(target.top);
    expect(selected.left + selected.width).toBeGreaterThanOrEqual(target.left + target.width);
    expect(selected.top + selected.height).toBeGreaterThanOrEqual(target.top + target.height);
    return selected;
  }

  async function close(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async function expectLiveCode(candidate: Locator, secret: string, digits = 6): Promise<void> {
    const code = withoutSpaces(await candidate.getByTestId('scan-candidate-code').innerText());
    expect(acceptableCodes(secret, { digits })).toContain(code);
  }

  /** The sizes of the frames the app grabbed since the last call. */
  async function grabbedFrames(): Promise<{ width: number; height: number }[]> {
    return app.evaluate(() => (globalThis as unknown as FrameRecorderGlobals).__grabbedFrames?.splice(0) ?? []);
  }

  it('captures the whole X screen at its size, with the windows where the tests put them', async () => {
    // The probe captures from a window of its own over the app's, as the app will: the screen picker flashes
    // up (and dims its page) in the capturing window before it picks "Entire screen" by itself.
    const probe = await openWindow(appBrowser, { bounds: APP_WINDOW });
    try {
      await probe.goto(blank.url);
      for (const scale of [1.5, 1]) {
        const page = await pageAt(scale);
        await page.setContent(MARKER_HTML);
        await painted(page);
        const { left, top, width, height } = PAGE_WINDOW;
        // Inside the set-up page's window: its left and right edges and its middle, low down (its top is
        // Chromium's tab strip); then just left of it, the gap between the windows. Chromium's "… is sharing
        // your screen" bar, centred at the bottom of the screen, may cover its bottom left corner.
        const low = top + Math.round(height * 0.8);
        const capture = await captureScreen(probe, [
          { x: left + 4, y: low },
          { x: left + width / 2, y: low },
          { x: left + width - 5, y: top + height - 5 },
          { x: left - 4, y: low },
        ]);
        expect({ surface: capture.displaySurface, width: capture.width, height: capture.height }).toEqual({ surface: 'monitor', ...SCREEN });
        expect(capture.samples.map(isMarker), `the set-up page's window at ${scale * 100} % fills its place and no more: ${JSON.stringify(capture.samples)}`).toEqual([
          true,
          true,
          true,
          false,
        ]);
      }
    } finally {
      await probe.context().close();
    }
  });

  it('finds the Microsoft Entra code on the screen, shows its live code, and saves it to the vault', async () => {
    await show({ codes: [{ text: ENTRA }] });
    const dialog = await scanScreen();
    const entra = scanCandidate(dialog, 'alice@contoso.com');
    await entra.waitFor();
    expect(await dialog.getByTestId('scan-candidate').count()).toBe(1);
    await entra.getByText('Microsoft', { exact: true }).waitFor();
    await entra.getByText('Time-based · SHA1 · 6 digits · every 30 s · From Screen 1').waitFor();
    await expectLiveCode(entra, ENTRA_SECRET);

    await dialog.getByRole('button', { name: 'Save 1 account' }).click();
    await dialog.waitFor({ state: 'detached' });
    await app.getByText('1 account added.').waitFor();
    await row(app, 'Microsoft').waitFor();
    expect(acceptableCodes(ENTRA_SECRET)).toContain(withoutSpaces(await shownCode(row(app, 'Microsoft'))));
  });

  it('finds both codes when the screen shows two', async () => {
    await show({ codes: [{ text: DROPBOX }, { text: GITLAB }] });
    const dialog = await scanScreen();
    await dialog.getByRole('status').getByText('2 accounts found.').waitFor();
    await expectLiveCode(scanCandidate(dialog, 'carol@example.com'), DROPBOX_SECRET);
    await expectLiveCode(scanCandidate(dialog, 'dave'), GITLAB_SECRET, 8);
    await close(dialog);
  });

  it('finds a code on a dark page in its light box, and an inverted code (light modules on dark)', async () => {
    await show({ dark: true, codes: [{ text: GITHUB }] });
    let dialog = await scanScreen();
    await expectLiveCode(scanCandidate(dialog, 'erin'), GITHUB_SECRET);
    await close(dialog);

    await show({ dark: true, codes: [{ text: SLACK, inverted: true }] });
    dialog = await scanScreen();
    await expectLiveCode(scanCandidate(dialog, 'frank@example.org'), SLACK_SECRET);
    await close(dialog);
  });

  it('explains a Microsoft Authenticator push code instead of calling it unreadable', async () => {
    await show({ codes: [{ text: PUSH }] });
    const dialog = await scanScreen();
    const notice = dialog.getByTestId('scan-unusable');
    await notice.getByText('Screen 1', { exact: true }).waitFor();
    await notice.getByText(/for Microsoft Authenticator notifications/).waitFor();
    await notice.getByText(/then “Can’t scan image\?”, and scan again/).waitFor();
    expect(await dialog.getByTestId('scan-candidate').count()).toBe(0);
    await close(dialog);
  });

  it('says plainly that no QR code was found when the screen shows none', async () => {
    await show({ codes: [] });
    const dialog = await scanScreen();
    await dialog.getByTestId('scan-unusable').filter({ hasText: 'Screen 1' }).getByText(/^No QR code found\./).waitFor();
    expect(await dialog.getByTestId('scan-candidate').count()).toBe(0);
    await close(dialog);
  });

  for (const [scale, text, account, secret] of [
    [1.25, OKTA, 'grace@example.net', OKTA_SECRET],
    [1.5, AWS, 'heidi@example.com', AWS_SECRET],
  ] as const) {
    it(`finds a code on a page shown at ${scale * 100} % scaling, reading the screen at its physical pixels`, async () => {
      await show({ scale, codes: [{ text }] });
      const dialog = await scanScreen();
      await expectLiveCode(scanCandidate(dialog, account), secret);
      await close(dialog);
    });
  }

  it('reads only the code in a region dragged with the mouse, and Escape cancels a selection without adding anything', async () => {
    const page = await show({ codes: [{ text: DROPBOX }, { text: GITLAB }] });
    const [dropbox] = await codesOnScreen(page);
    const dialog = await openScanDialog(app);
    const area = await openRegionSelector(dialog);
    // The default rectangle is the middle third of the screen.
    expect(await selectedRegion(dialog)).toEqual({ left: 640, top: 360, width: 640, height: 360 });

    // Drag from 8 screen pixels above and left of the Dropbox code to 8 below and right of it, on the scaled picture.
    const picture = (await area.boundingBox())!;
    const onPicture = (x: number, y: number) => ({ x: picture.x + (x * picture.width) / SCREEN.width, y: picture.y + (y * picture.height) / SCREEN.height });
    const from = onPicture(dropbox!.left - 8, dropbox!.top - 8);
    const to = onPicture(dropbox!.left + dropbox!.width + 8, dropbox!.top + dropbox!.height + 8);
    await app.mouse.move(from.x, from.y);
    await app.mouse.down();
    await app.mouse.move(to.x, to.y, { steps: 4 });
    await app.mouse.up();
    const selected = await selectedRegion(dialog);
    // Mapped back to the screen's pixels, give or take the picture's own pixel (it shows the screen at about a third).
    const slack = SCREEN.width / picture.width + 1;
    expect(Math.abs(selected.left - (dropbox!.left - 8))).toBeLessThanOrEqual(slack);
    expect(Math.abs(selected.left + selected.width - (dropbox!.left + dropbox!.width + 8))).toBeLessThanOrEqual(slack);
    await mkdir(SCREENSHOTS, { recursive: true });
    await dialog.screenshot({ path: join(SCREENSHOTS, 'region-selector-mouse.png'), animations: 'disabled' });

    await dialog.getByRole('button', { name: 'Scan selected area' }).click();
    await dialog.getByRole('status').getByText('1 account found.').waitFor({ timeout: 30_000 });
    const carol = scanCandidate(dialog, 'carol@example.com');
    await carol.getByText('Time-based · SHA1 · 6 digits · every 30 s · From Screen 1, selected area').waitFor();
    await expectLiveCode(carol, DROPBOX_SECRET);
    expect(await dialog.getByTestId('scan-candidate').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Select a region' }).and(app.locator(':focus')).waitFor();

    // Escape in the selector ends the selection, not the dialog, and adds nothing.
    await openRegionSelector(dialog);
    expect(await dialog.getByTestId('scan-candidate').count(), 'the list is out of the way while selecting').toBe(0);
    await app.keyboard.press('Escape');
    await dialog.getByRole('status').getByText('Selection cancelled. Nothing was scanned.').waitFor();
    await dialog.getByRole('button', { name: 'Select a region' }).and(app.locator(':focus')).waitFor();
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByTestId('scan-candidate').count()).toBe(1);
    await carol.waitFor();
    await close(dialog);
  });

  it('selects the other code with the keyboard alone, adding it to the scan, and passes axe in both themes', async () => {
    const page = await show({ codes: [{ text: DROPBOX }, { text: GITLAB }] });
    const [dropbox, gitlab] = await codesOnScreen(page);
    await codeList(app).focus();
    await app.keyboard.press('Control+Shift+S');
    const dialog = scanDialog(app);
    await dialog.getByRole('button', { name: 'Scan screen' }).and(app.locator(':focus')).waitFor();
    await app.keyboard.press('Tab');
    const area = await openRegionSelector(dialog, 'Enter');
    const selected = await selectWithKeys(dialog, gitlab!);
    expect(selected.left, 'the Dropbox code is left out').toBeGreaterThan(dropbox!.left + dropbox!.width);

    await mkdir(SCREENSHOTS, { recursive: true });
    const violations: Record<string, string[]> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme });
      await dialog.screenshot({ path: join(SCREENSHOTS, `region-selector-keyboard-${colorScheme}.png`), animations: 'disabled' });
      const result = await new AxeBuilder({ page: app }).include('[data-testid="scan-dialog"]').analyze();
      violations[colorScheme] = result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    }
    await app.emulateMedia({ colorScheme: 'light' });
    expect(violations).toEqual({ light: [], dark: [] });

    await area.and(app.locator(':focus')).waitFor();
    await app.keyboard.press('Enter');
    await dialog.getByRole('status').getByText('1 account found.').waitFor({ timeout: 30_000 });
    const dave = scanCandidate(dialog, 'dave');
    await dave.getByText(/From Screen 1, selected area$/).waitFor();
    await expectLiveCode(dave, GITLAB_SECRET, 8);
    expect(await dialog.getByTestId('scan-candidate').count()).toBe(1);

    // Focus is back on the button: a second area, the Dropbox code, joins the first in the same scan.
    await openRegionSelector(dialog, 'Enter');
    await selectWithKeys(dialog, dropbox!);
    await app.keyboard.press('Enter');
    await dialog.getByRole('status').getByText('2 accounts found.').waitFor({ timeout: 30_000 });
    await expectLiveCode(scanCandidate(dialog, 'carol@example.com'), DROPBOX_SECRET);
    await dave.waitFor();
    await close(dialog);
  });
});
