/**
 * `totp-vault ui` as a person starts it: the real binary in a child process, serving a stand-in page
 * (TOTP_VAULT_RENDERER_DIR) and a vault that does not exist yet, stopped with Ctrl+C (SIGINT).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, BUILT_CLI } from './cliProcess.js';

const INDEX_HTML = '<!doctype html><title>TOTP Vault</title><p>stand-in page</p>\n';
const FIRST_LINE = /^TOTP Vault UI: http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]{43})$/;
/** Every wait here is bounded; a child that outlives its test is killed. */
const WITHIN_MILLISECONDS = 15_000;

let folder = '';
const children = new Set<ChildProcess>();

beforeAll(() => {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: build first with \`npx tsc -b\` (npm test does).`);
  folder = mkdtempSync(join(tmpdir(), 'totp-vault-ui-'));
  mkdirSync(join(folder, 'renderer'));
  writeFileSync(join(folder, 'renderer', 'index.html'), INDEX_HTML);
});

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  if (folder) rmSync(folder, { recursive: true, force: true });
});

interface UiProcess {
  readonly child: ChildProcess;
  /** Everything written so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit status once the process ends. */
  readonly exited: Promise<number | null>;
}

function startUi(args: readonly string[], env: Record<string, string> = {}): UiProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: folder,
      XDG_CONFIG_HOME: join(folder, '.config'),
      TOTP_VAULT: join(folder, 'first-run.totpvault'),
      TOTP_VAULT_RENDERER_DIR: join(folder, 'renderer'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), WITHIN_MILLISECONDS * 2);
    child.on('close', (status) => {
      clearTimeout(timer);
      children.delete(child);
      resolve(status);
    });
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function firstTwoLines(ui: UiProcess): Promise<string[]> {
  const deadline = Date.now() + WITHIN_MILLISECONDS;
  while (ui.stdout().split('\n').length < 3) {
    if (Date.now() > deadline || ui.child.exitCode !== null) {
      throw new Error(`no address printed\nstdout: ${ui.stdout()}\nstderr: ${ui.stderr()}`);
    }
    await new Promise((wake) => setTimeout(wake, 20));
  }
  return ui.stdout().split('\n').slice(0, 2);
}

describe('totp-vault ui', () => {
  it('prints the address with its token first, serves the page and the API, and stops cleanly on Ctrl+C', async () => {
    const ui = startUi(['ui', '--no-open', '--port', '0']);
    const [first, second] = await firstTwoLines(ui);
    const match = FIRST_LINE.exec(first ?? '');
    expect(match, first).not.toBeNull();
    const [, port, token] = match ?? [];
    expect(second).toMatch(/Ctrl\+C/);

    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toBe(INDEX_HTML);

    const status = await fetch(`http://127.0.0.1:${port}/api/status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(await status.json()).toEqual({ ok: true, value: expect.objectContaining({ exists: false, unlocked: false }) });
    expect((await fetch(`http://127.0.0.1:${port}/api/status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);

    ui.child.kill('SIGINT');
    expect(await ui.exited).toBe(0);
    expect(ui.stderr()).toBe('');
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it('stops on SIGTERM too, with an event stream still open', async () => {
    const ui = startUi(['ui', '--no-open']);
    const [first] = await firstTwoLines(ui);
    const [, port, token] = FIRST_LINE.exec(first ?? '') ?? [];
    const events = await fetch(`http://127.0.0.1:${port}/api/events`, { headers: { Authorization: `Bearer ${token}` } });
    expect(events.status).toBe(200);
    const reading = events.text();
    ui.child.kill('SIGTERM');
    expect(await ui.exited).toBe(0);
    // The stream ends (it does not hang): the host closed it on the way out.
    await expect(reading.then(() => 'ended', () => 'ended')).resolves.toBe('ended');
  });

  it('keeps serving, and says to open the address by hand, when no browser can be started', async () => {
    const emptyPath = join(folder, 'no-programs');
    mkdirSync(emptyPath, { recursive: true });
    const ui = startUi(['ui'], { PATH: emptyPath });
    const [first] = await firstTwoLines(ui);
    const [, port] = FIRST_LINE.exec(first ?? '') ?? [];
    const deadline = Date.now() + WITHIN_MILLISECONDS;
    while (ui.stderr() === '' && Date.now() < deadline) await new Promise((wake) => setTimeout(wake, 20));
    expect(ui.stderr()).toBe('Could not open a web browser; open the address above in one by hand.\n');
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    ui.child.kill('SIGINT');
    expect(await ui.exited).toBe(0);
  });

  it('says in one line when the port is taken, and exits 69', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as { port: number }).port;
      const ui = startUi(['ui', '--no-open', '--port', String(port)]);
      expect(await ui.exited).toBe(69);
      expect(ui.stdout()).toBe('');
      expect(ui.stderr()).toBe(`totp-vault: port ${port} is in use by another program; choose another with --port N, or leave --port out.\n`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('says so, and exits 69, when the window is not built', async () => {
    const ui = startUi(['ui', '--no-open'], { TOTP_VAULT_RENDERER_DIR: join(folder, 'missing') });
    expect(await ui.exited).toBe(69);
    expect(ui.stdout()).toBe('');
    expect(ui.stderr()).toMatch(/^totp-vault: the window is not built: .*missing has no index\.html; run `npm run build` first\.\n$/);
  });

  it.each([
    [['ui', '--port', '65536'], /--port needs a whole number from 0 to 65535/],
    [['ui', '--port', 'http'], /--port needs a whole number from 0 to 65535/],
    [['ui', '--port=-1'], /--port needs a whole number/],
    [['ui', '--no-open=yes'], /takes no value/],
    [['list', '--no-open'], /'--no-open' is not an option of 'list'/],
    [['ui', 'extra'], /'ui' takes no arguments/],
  ])('refuses %j with exit 64', async (args, message) => {
    const ui = startUi(args);
    expect(await ui.exited).toBe(64);
    expect(ui.stdout()).toBe('');
    expect(ui.stderr()).toMatch(/^totp-vault: [^\n]+\n$/);
    expect(ui.stderr()).toMatch(message);
  });

  it('is described by `help ui`', async () => {
    const ui = startUi(['help', 'ui']);
    expect(await ui.exited).toBe(0);
    expect(ui.stdout()).toContain('Usage: totp-vault [--vault PATH] [--json] ui [--port N] [--no-open]');
  });
});
