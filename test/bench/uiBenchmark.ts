/**
 * The window in real Chromium against the real `totp-vault ui` host and a real 10,000-entry vault: unlock
 * click to the first codes painted, frames while scrolling and while the codes tick, and start-up to the
 * unlock screen. Timings are taken inside the page (performance.now, event time stamps, requestAnimationFrame,
 * the Long Animation Frames API), not around Playwright's round trips. See README.md for what each covers.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { KDF_BOUNDS } from '../../dist/main/crypto/index.js';
import { Vault } from '../../dist/main/vault/index.js';
import { CHROMIUM_PATH, desktopContext, launchChromium } from '../e2e/support/chromium.ts';
import { startUiHost } from '../e2e/support/uiHost.ts';
import { type Measurement, median } from './benchmarkReport.ts';
import { PASSWORD, runProbe, sampleItem } from './vaultBenchmark.ts';

const ENTRIES = 10_000;
const RUNS = 3;
const FRAME_TARGET_MILLISECONDS = 50;
const IDLE_MILLISECONDS = 5_000;
const KiB = 1024;
const TIMINGS_HOOK = new URL('./hostUnlockTimings.mjs', import.meta.url).href;

/**
 * Installed in every page before its own scripts (plain JavaScript: it runs in the browser, and the test
 * tsconfig has no DOM types). It records, in the page's clock:
 * - formPaintedAt: the unlock form's password field painted, from navigation start (the time origin);
 * - unlockClickAt: the time stamp of the click (or Enter) that submits the unlock form;
 * - firstRowsAt: the first list rows in the DOM (codes still placeholders);
 * - codesPaintedAt: the first row showing a code, painted.
 * "Painted" is the first task after the next frame's rendering: a requestAnimationFrame callback runs just
 * before style, layout and paint of its frame, and a message posted from it is handled just after them.
 * `startFrames`/`stopFrames` record every frame's interval (a requestAnimationFrame loop) and the Long
 * Animation Frames API's entries (frames whose work took over 50 ms) with their slowest scripts.
 */
const PAGE_SCRIPT = `(() => {
  const bench = { formPaintedAt: null, unlockClickAt: null, firstRowsAt: null, codesPaintedAt: null };
  window.__bench = bench;
  const afterPaint = (record) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => record(performance.now());
    channel.port2.postMessage(null);
  });
  const whenPresent = (selector, found) => {
    const check = () => {
      const element = document.querySelector(selector);
      if (element === null) return false;
      found(element);
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  };
  const UNLOCK_FIELD = 'form input[autocomplete="current-password"]';
  whenPresent(UNLOCK_FIELD, () => afterPaint((at) => { bench.formPaintedAt = at; }));
  const onSubmitGesture = (event) => {
    if (bench.unlockClickAt !== null) return;
    const form = event.target instanceof Element ? event.target.closest('form') : null;
    if (form === null || form.querySelector(UNLOCK_FIELD) === null) return;
    const submits = event.type === 'click' ? event.target.closest('button[type="submit"]') !== null : event.key === 'Enter';
    if (!submits) return;
    bench.unlockClickAt = event.timeStamp;
    whenPresent('[role="option"]', () => { bench.firstRowsAt = performance.now(); });
    whenPresent('[role="option"] .code:not(.code-placeholder)', () => afterPaint((at) => { bench.codesPaintedAt = at; }));
  };
  document.addEventListener('click', onSubmitGesture, true);
  document.addEventListener('keydown', onSubmitGesture, true);

  let frames = null;
  bench.startFrames = () => {
    const recording = { times: [], longFrames: [], running: true, observer: null };
    const tick = (time) => {
      recording.times.push(time);
      if (recording.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      recording.observer = new PerformanceObserver((list) => { recording.longFrames.push(...list.getEntries()); });
      recording.observer.observe({ type: 'long-animation-frame' });
    }
    frames = recording;
  };
  bench.stopFrames = () => new Promise((resolve) => requestAnimationFrame(() => {
    const recording = frames;
    recording.running = false;
    if (recording.observer !== null) {
      recording.longFrames.push(...recording.observer.takeRecords());
      recording.observer.disconnect();
    }
    const intervals = recording.times.slice(1).map((time, index) => time - recording.times[index]);
    resolve({
      frames: intervals.length,
      longestInterval: Math.max(0, ...intervals),
      intervalsOver50: intervals.filter((interval) => interval > 50).length,
      loafSupported: recording.observer !== null,
      longFrames: recording.longFrames.map((entry) => ({
        startTime: entry.startTime,
        renderStart: entry.renderStart,
        styleAndLayoutStart: entry.styleAndLayoutStart,
        firstUIEventTimestamp: entry.firstUIEventTimestamp,
        duration: entry.duration,
        blockingDuration: entry.blockingDuration,
        scripts: [...entry.scripts].sort((a, b) => b.duration - a.duration).slice(0, 3)
          .map((script) => ({ duration: Math.round(script.duration), invoker: script.invoker, source: script.sourceFunctionName + ' ' + script.sourceURL.split('/').pop() + ':' + script.sourceCharPosition })),
      })),
    });
  }));
})();`;

interface PageMarks {
  formPaintedAt: number | null;
  unlockClickAt: number | null;
  firstRowsAt: number | null;
  codesPaintedAt: number | null;
}

interface FrameRecord {
  frames: number;
  longestInterval: number;
  intervalsOver50: number;
  loafSupported: boolean;
  longFrames: { startTime: number; renderStart: number; styleAndLayoutStart: number; firstUIEventTimestamp: number; duration: number; blockingDuration: number; scripts: { duration: number; invoker: string; source: string }[] }[];
}

interface RequestTiming {
  name: string;
  startTime: number;
  requestStart: number;
  responseStart: number;
  responseEnd: number;
  encodedBodySize: number;
}

type Scenario = 'wheel' | 'wheelToBottom' | 'idle';

interface UiRun {
  hostStartMilliseconds: number;
  formPaintedMilliseconds: number;
  clickToCodesPainted: number;
  clickToRows: number;
  unlockAnswered: number;
  listAnswered: number;
  listBytes: number;
  requests: RequestTiming[];
  /** The host's own unlock, as Vault.unlockTimings reported it in that process (hostUnlockTimings.mjs). */
  hostKdfMilliseconds: number;
  hostOtherMilliseconds: number;
  /** The same KDF alone, cold, in a fresh Node process beside the run (unlockProbe.ts). */
  probeKdfMilliseconds: number;
  frames: Record<Scenario, FrameRecord>;
}

const SCENARIOS: readonly { key: Scenario; name: string }[] = [
  { key: 'wheel', name: 'scroll, 60 wheel steps of 400 px' },
  { key: 'wheelToBottom', name: 'scroll top to bottom, 60 wheel steps' },
  { key: 'idle', name: 'still for 5 s, codes updating every second' },
];

/** Returns no measurements (and says why on one line) when Chromium cannot be started. */
export async function runUiBenchmark(): Promise<Measurement[]> {
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`UI benchmark skipped: Chromium is not installed at ${CHROMIUM_PATH} (install Debian's chromium package).`);
    return [];
  }
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (thrown) {
    console.log(`UI benchmark skipped: Chromium did not start: ${(thrown as Error).message.split('\n')[0]}`);
    return [];
  }
  const folder = mkdtempSync(join(tmpdir(), 'totp-vault-ui-bench-'));
  try {
    const path = join(folder, 'vault.totpvault');
    // The lightest KDF the format allows (KDF_BOUNDS), so little of the click-to-codes time is the KDF; what
    // it did cost in the host is read back (hostUnlockTimings.mjs) and subtracted. See README.md.
    const kdf = { memoryBytes: KDF_BOUNDS.minMemoryBytes, passes: KDF_BOUNDS.minPasses };
    const vault = await Vault.create(path, PASSWORD, { kdf });
    vault.createItems(Array.from({ length: ENTRIES }, (_, index) => sampleItem(index)));
    vault.lock();
    const runs: UiRun[] = [];
    for (let run = 0; run < RUNS; run++) {
      // The KDF alone, cold, in a fresh process (as the host's first unlock is): the probe's first unlock.
      const probeKdfMilliseconds = runProbe(path).cold.kdfMilliseconds;
      runs.push({ ...(await measureOneRun(browser, path, join(folder, `host-timings-${run}.jsonl`))), probeKdfMilliseconds });
    }
    return toMeasurements(runs, kdf);
  } finally {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * One fresh host process (cold, as at a real first unlock) and one fresh browser context (new renderer
 * process, empty caches) in the one browser: start-up, unlock, then the frame scenarios.
 */
async function measureOneRun(browser: Browser, path: string, timingsFile: string): Promise<Omit<UiRun, 'probeKdfMilliseconds'>> {
  const nodeOptions = [process.env['NODE_OPTIONS'], `--import=${TIMINGS_HOOK}`].filter(Boolean).join(' ');
  const host = await startUiHost(path, { NODE_OPTIONS: nodeOptions, TOTP_VAULT_BENCH_TIMINGS: timingsFile });
  const context = await desktopContext(browser, host.origin);
  try {
    await context.addInitScript({ content: PAGE_SCRIPT });
    const page = await context.newPage();
    await page.goto(host.url);
    const formPaintedMilliseconds = (await waitForMark(page, 'formPaintedAt')).formPaintedAt!;

    await page.getByLabel('Master password').fill(PASSWORD);
    // A person takes a moment to type the password; clicking while the page and the host are still busy
    // starting up would charge their start-up work (and a slower KDF worker start) to the unlock.
    await page.waitForTimeout(1_000);
    await page.getByRole('button', { name: 'Unlock' }).click();
    const marks = await waitForMark(page, 'codesPaintedAt');
    const requests = await requestTimings(page);
    const clickAt = marks.unlockClickAt!;
    const answeredAt = (name: string) => requests.find((request) => request.name === name && request.startTime >= clickAt);
    const unlock = answeredAt('unlock');
    const list = answeredAt('listItems');
    const hostUnlock = JSON.parse(readFileSync(timingsFile, 'utf8').split('\n')[0]!) as { kdfMilliseconds: number; otherMilliseconds: number };

    // Let the first codes and the item details settle before measuring frames.
    await page.waitForTimeout(1_500);
    const listBox = page.getByTestId('code-list');
    await listBox.hover();
    const frames = {} as Record<Scenario, FrameRecord>;

    frames.wheel = await recordFrames(page, async () => {
      for (let step = 0; step < 60; step++) {
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(16);
      }
    });

    await listBox.evaluate((element) => (element.scrollTop = 0));
    await page.waitForTimeout(1_000);
    const { scrollHeight, clientHeight } = await listBox.evaluate((element) => ({ scrollHeight: element.scrollHeight, clientHeight: element.clientHeight }));
    const step = Math.ceil((scrollHeight - clientHeight) / 60);
    frames.wheelToBottom = await recordFrames(page, async () => {
      for (let index = 0; index < 60; index++) {
        await page.mouse.wheel(0, step);
        await page.waitForTimeout(16);
      }
      await page.waitForTimeout(500);
    });
    const bottom = await listBox.evaluate((element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 1);
    if (!bottom) throw new Error('the wheel did not reach the bottom of the list');

    frames.idle = await recordFrames(page, () => page.waitForTimeout(IDLE_MILLISECONDS));

    return {
      hostStartMilliseconds: host.startMilliseconds,
      formPaintedMilliseconds,
      clickToCodesPainted: marks.codesPaintedAt! - clickAt,
      clickToRows: marks.firstRowsAt! - clickAt,
      unlockAnswered: (unlock?.responseEnd ?? Number.NaN) - clickAt,
      listAnswered: (list?.responseEnd ?? Number.NaN) - clickAt,
      listBytes: list?.encodedBodySize ?? Number.NaN,
      hostKdfMilliseconds: hostUnlock.kdfMilliseconds,
      hostOtherMilliseconds: hostUnlock.otherMilliseconds,
      requests: requests.map((request) => ({ ...request, startTime: request.startTime - clickAt, requestStart: request.requestStart - clickAt, responseStart: request.responseStart - clickAt, responseEnd: request.responseEnd - clickAt })),
      frames,
    };
  } finally {
    await context.close();
    await host.stop();
  }
}

async function waitForMark(page: Page, mark: keyof PageMarks): Promise<PageMarks> {
  // A function, not a string: the page's CSP forbids eval, which a string predicate needs.
  await page.waitForFunction((name) => (globalThis as unknown as { __bench: PageMarks }).__bench[name] !== null, mark, { timeout: 60_000, polling: 50 });
  return page.evaluate<PageMarks>('({ ...window.__bench })');
}

async function recordFrames(page: Page, action: () => Promise<unknown>): Promise<FrameRecord> {
  await page.evaluate('window.__bench.startFrames()');
  await action();
  return page.evaluate<FrameRecord>('window.__bench.stopFrames()');
}

function requestTimings(page: Page): Promise<RequestTiming[]> {
  return page.evaluate<RequestTiming[]>(`performance.getEntriesByType('resource')
    .filter((entry) => new URL(entry.name).pathname.startsWith('/api/'))
    .map((entry) => ({ name: new URL(entry.name).pathname.slice('/api/'.length), startTime: entry.startTime, requestStart: entry.requestStart, responseStart: entry.responseStart, responseEnd: entry.responseEnd, encodedBodySize: entry.encodedBodySize }))`);
}

function toMeasurements(runs: readonly UiRun[], kdf: { memoryBytes: number; passes: number }): Measurement[] {
  const of = (pick: (run: UiRun) => number) => median(runs.map(pick));
  const unlock = `UI unlock, ${ENTRIES.toLocaleString('en')} entries (fresh host + page)`;
  const kdfName = `Argon2id ${kdf.memoryBytes / KiB} KiB, ${kdf.passes} pass${kdf.passes === 1 ? '' : 'es'}`;
  const measurements: Measurement[] = [
    { benchmark: unlock, metric: 'click to first codes painted, KDF excluded', value: of((run) => run.clickToCodesPainted - run.hostKdfMilliseconds), unit: 'ms', target: 200 },
    { benchmark: unlock, metric: `click to first codes painted, total (${kdfName})`, value: of((run) => run.clickToCodesPainted), unit: 'ms' },
    { benchmark: unlock, metric: 'KDF in the host, that run (in a new worker)', value: of((run) => run.hostKdfMilliseconds), unit: 'ms' },
    { benchmark: unlock, metric: 'KDF alone, fresh Node process beside the run', value: of((run) => run.probeKdfMilliseconds), unit: 'ms' },
    { benchmark: unlock, metric: 'host unlock, everything but the KDF', value: of((run) => run.hostOtherMilliseconds), unit: 'ms' },
    { benchmark: unlock, metric: 'click to unlock answered', value: of((run) => run.unlockAnswered), unit: 'ms' },
    { benchmark: unlock, metric: 'click to item list received (listItems)', value: of((run) => run.listAnswered), unit: 'ms' },
    { benchmark: unlock, metric: 'click to first rows in the DOM (codes pending)', value: of((run) => run.clickToRows), unit: 'ms' },
    { benchmark: unlock, metric: 'listItems answer size', value: of((run) => run.listBytes / KiB), unit: 'KiB' },
  ];
  for (const { key, name } of SCENARIOS) {
    const benchmark = `UI frames, ${ENTRIES.toLocaleString('en')} entries: ${name}`;
    measurements.push(
      { benchmark, metric: 'longest frame (requestAnimationFrame interval)', value: of((run) => run.frames[key].longestInterval), unit: 'ms', target: FRAME_TARGET_MILLISECONDS },
      { benchmark, metric: 'frames over 50 ms', value: of((run) => run.frames[key].intervalsOver50), unit: 'frames' },
      {
        benchmark,
        metric: 'longest long animation frame (LoAF API; 0 when none over 50 ms)',
        value: of((run) => Math.max(0, ...run.frames[key].longFrames.map((frame) => frame.duration))),
        unit: 'ms',
      },
    );
  }
  const start = 'UI start to unlock screen (fresh host + page)';
  measurements.push(
    { benchmark: start, metric: 'spawn to address printed (host start)', value: of((run) => run.hostStartMilliseconds), unit: 'ms' },
    { benchmark: start, metric: 'navigation start to password field painted', value: of((run) => run.formPaintedMilliseconds), unit: 'ms' },
    { benchmark: start, metric: 'sum', value: of((run) => run.hostStartMilliseconds + run.formPaintedMilliseconds), unit: 'ms' },
  );
  // Every run's numbers, requests and long frames (with their slowest scripts), for finding out why.
  if (process.env['UI_BENCH_DETAILS']) console.error(JSON.stringify(runs, null, 2));
  return measurements;
}
