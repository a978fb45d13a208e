/**
 * Headed Debian Chromium on an Xvfb display, for what headless Chromium cannot do: capture a real screen.
 * With `--auto-select-desktop-capture-source="Entire screen"` (the title Chromium gives the whole X screen
 * in its picker) getDisplayMedia takes the X screen at once, without showing the picker; any other title,
 * e.g. "Screen 1" or "screen:0:0", leaves the picker open and the call waiting.
 *
 * Windows are placed by the DevTools protocol (Browser.setWindowBounds), in the browser's own DIPs: with
 * `--force-device-scale-factor=1.5` a window 400 DIPs wide covers 600 screen pixels. There is no window
 * manager on Xvfb, so windows have no frame and nothing moves them.
 *
 * What a capture shows besides the windows (seen on Xvfb with Chromium 156): the picker flashes up, and
 * dims its page, in the capturing window before it picks by itself; a "… is sharing your screen" bar
 * appears centred at the bottom of the screen while a capture runs; and the pointer is drawn in the middle
 * of the screen (Xvfb's -nocursor hides it from X, not from Chromium's capturer).
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.js';
import type { XvfbDisplay } from './xvfb.js';

/** The picker's title for the whole screen in Chromium 156 on X11 (checked on Xvfb). */
export const ENTIRE_SCREEN_SOURCE = 'Entire screen';

export interface HeadedChromiumOptions {
  /** Chromium's scale for everything it draws: 1.25 and 1.5 are Windows' 125 % and 150 % settings. */
  readonly deviceScaleFactor?: number;
}

/** A rectangle on the screen, in screen pixels. */
export interface ScreenRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Starts headed Chromium on the display, with the machine's flags and screen capture without a picker. */
export async function launchHeadedChromium(xvfb: XvfbDisplay, options: HeadedChromiumOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: install Debian's chromium package (see README).`);
  }
  const environment: Record<string, string | undefined> = { ...process.env, DISPLAY: xvfb.display };
  // A Wayland session on a developer's machine would otherwise win over the X display.
  delete environment.WAYLAND_DISPLAY;
  const args = [...CHROMIUM_FLAGS, '--ozone-platform=x11', `--auto-select-desktop-capture-source=${ENTIRE_SCREEN_SOURCE}`];
  if (options.deviceScaleFactor !== undefined) args.push(`--force-device-scale-factor=${options.deviceScaleFactor}`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: false, env: environment, args });
}

export interface WindowOptions {
  /** Where the window goes, in screen pixels; divided by `deviceScaleFactor` for Chromium. */
  readonly bounds: ScreenRect;
  /** The scale the browser was launched with (1 unless given). */
  readonly deviceScaleFactor?: number;
  readonly colorScheme?: 'light' | 'dark';
  readonly locale?: string;
}

/**
 * A new window (its own browser context) whose page fills it: no viewport emulation, so the page is laid
 * out and painted in the real window, which is what a capture of the screen sees. Emulation would also
 * tell the page its screen is 1280×720, and getDisplayMedia({video: true}) then scales the whole screen
 * down to 1280×720 frames.
 */
export async function openWindow(browser: Browser, options: WindowOptions): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ viewport: null, colorScheme: options.colorScheme ?? 'light', locale: options.locale ?? 'en-GB' });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  const { windowId } = (await session.send('Browser.getWindowForTarget')) as { windowId: number };
  const scale = options.deviceScaleFactor ?? 1;
  const { left, top, width, height } = options.bounds;
  await session.send('Browser.setWindowBounds', {
    windowId,
    bounds: { left: Math.round(left / scale), top: Math.round(top / scale), width: Math.round(width / scale), height: Math.round(height / scale), windowState: 'normal' },
  });
  await session.detach();
  return page;
}

/** The few browser globals the page functions below use (the test tsconfig has no DOM library). */
interface CaptureGlobals {
  readonly navigator: {
    readonly mediaDevices: { getDisplayMedia(constraints: unknown): Promise<{ getVideoTracks(): CaptureTrack[] }> };
  };
  readonly ImageCapture: new (track: CaptureTrack) => { grabFrame(): Promise<CaptureBitmap> };
  readonly OffscreenCanvas: new (width: number, height: number) => {
    getContext(type: '2d'): { drawImage(image: CaptureBitmap, x: number, y: number): void; getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray } };
  };
  requestAnimationFrame(callback: () => void): number;
}
interface CaptureTrack {
  readonly label: string;
  getSettings(): { width?: number; height?: number; displaySurface?: string };
  stop(): void;
}
interface CaptureBitmap {
  readonly width: number;
  readonly height: number;
  close(): void;
}

export interface ScreenCapture {
  readonly label: string;
  readonly displaySurface: string;
  readonly width: number;
  readonly height: number;
  /** [red, green, blue] at each point asked for, in frame pixels. */
  readonly samples: readonly (readonly [number, number, number])[];
}

/**
 * One frame of the whole screen, taken by the page as the app takes it (getDisplayMedia, ImageCapture),
 * asking for the largest size so the frame is the screen's own; with the points' colours. The page must
 * be a secure context (http://127.0.0.1 is).
 */
export function captureScreen(page: Page, points: readonly { readonly x: number; readonly y: number }[] = []): Promise<ScreenCapture> {
  return page.evaluate(async (where) => {
    const browser = globalThis as unknown as CaptureGlobals;
    const stream = await browser.navigator.mediaDevices.getDisplayMedia({ video: { width: { ideal: 16384 }, height: { ideal: 16384 } }, audio: false });
    const [track] = stream.getVideoTracks();
    if (track === undefined) throw new Error('The capture has no video.');
    try {
      const bitmap = await new browser.ImageCapture(track).grabFrame();
      const canvas = new browser.OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      const samples = where.map(({ x, y }) => {
        const [red = 0, green = 0, blue = 0] = context.getImageData(x, y, 1, 1).data;
        return [red, green, blue] as [number, number, number];
      });
      const result = { label: track.label, displaySurface: track.getSettings().displaySurface ?? '', width: bitmap.width, height: bitmap.height, samples };
      bitmap.close();
      return result;
    } finally {
      track.stop();
    }
  }, points);
}

/** Resolves once the page has painted twice more: what it shows now is on the screen. */
export async function painted(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const browser = globalThis as unknown as CaptureGlobals;
        browser.requestAnimationFrame(() => browser.requestAnimationFrame(() => resolve()));
      }),
  );
}
