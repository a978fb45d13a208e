/**
 * A virtual X display (Xvfb) for the tests that need a real screen: headed Chromium on it can capture the
 * whole X screen with getDisplayMedia, which headless Chromium cannot do at all.
 *
 * Xvfb picks a free display number itself and writes it to the file descriptor given with `-displayfd`,
 * once it is ready for clients: no guessing at numbers, no lock-file races with another Xvfb, and no sleep.
 * It listens on its Unix socket only (`-nolisten tcp`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Readable } from 'node:stream';

export interface XvfbOptions {
  /** Screen size in pixels, e.g. 1920×1080 or 2560×1440. */
  readonly width: number;
  readonly height: number;
  /** Bits a pixel; 24 is what a desktop has. */
  readonly depth?: number;
}

export interface XvfbDisplay {
  /** The value for DISPLAY, e.g. ":99". */
  readonly display: string;
  readonly width: number;
  readonly height: number;
  /** Ends Xvfb (SIGTERM, then SIGKILL after 5 s); resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** How long Xvfb may take to open its display; it normally takes a fraction of a second. */
const START_TIMEOUT_MILLISECONDS = 15_000;

/** The Xvfb binary on PATH, or undefined when it is not installed. */
export function findXvfb(): string | undefined {
  const folders = (process.env.PATH ?? '').split(delimiter).filter((folder) => folder !== '');
  for (const folder of folders) {
    const candidate = join(folder, 'Xvfb');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/**
 * Why the Xvfb tests cannot run here, in one line, or null when they can. On CI Xvfb is installed by
 * .ci/run, so a missing Xvfb there is a broken set-up, not a reason to skip: see `xvfbSkipReason`.
 */
export function xvfbMissingReason(): string | null {
  return findXvfb() === undefined ? 'Xvfb is not installed (Debian: apt-get install xvfb xauth): skipping the screen-capture tests.' : null;
}

/**
 * For `describe.skipIf`: the reason to skip, printed once, or null to run. With CI set a missing Xvfb
 * throws instead, so that CI never passes by skipping what it installed Xvfb for.
 */
export function xvfbSkipReason(): string | null {
  const reason = xvfbMissingReason();
  if (reason === null) return null;
  if (process.env.CI) throw new Error(`CI is set but ${reason.replace(/: skipping.*$/, '')}; .ci/run installs it.`);
  console.warn(reason);
  return reason;
}

/** Starts Xvfb on a free display number with one screen of the given size. */
export async function startXvfb(options: XvfbOptions): Promise<XvfbDisplay> {
  const binary = findXvfb();
  if (binary === undefined) throw new Error(xvfbMissingReason() ?? 'Xvfb is not installed.');
  const { width, height, depth = 24 } = options;
  // fd 3 is a pipe on which Xvfb writes the display number it took, followed by a newline.
  const child = spawn(binary, ['-displayfd', '3', '-screen', '0', `${width}x${height}x${depth}`, '-nolisten', 'tcp', '-nocursor'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const displayNumber = await readDisplayNumber(child);
  const display = `:${displayNumber}`;
  let stopped: Promise<void> | undefined;
  return {
    display,
    width,
    height,
    stop: () => (stopped ??= stopProcess(child)),
  };
}

function readDisplayNumber(child: ChildProcess): Promise<number> {
  const numberPipe = child.stdio[3] as Readable;
  const errorPipe = child.stderr!;
  return new Promise((resolve, reject) => {
    let written = '';
    let errors = '';
    const fail = (message: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      // Xvfb's stderr is mostly harmless chatter (xkbcomp warnings); its last lines say why it stopped.
      const tail = errors.trim().split('\n').slice(-3).join(' | ');
      reject(new Error(tail === '' ? message : `${message}: ${tail}`));
    };
    const timer = setTimeout(() => fail(`Xvfb opened no display within ${START_TIMEOUT_MILLISECONDS / 1000} s`), START_TIMEOUT_MILLISECONDS);
    errorPipe.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    numberPipe.on('data', (chunk: Buffer) => {
      written += chunk.toString();
      const match = /^(\d+)\n/.exec(written);
      if (match) {
        clearTimeout(timer);
        child.removeListener('exit', onExit);
        // Keep draining stderr so that Xvfb never blocks on a full pipe.
        errorPipe.resume();
        resolve(Number(match[1]));
      }
    });
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`Xvfb exited before opening a display (${signal ?? `status ${code}`})`);
    child.on('exit', onExit);
    child.on('error', (error) => fail(`Xvfb could not be started: ${error.message}`));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
