/**
 * Runs the real `bin/totp-vault.js` in a child process, the way a person or a script would: arguments,
 * stdin (never a terminal here, so passwords are read as lines), environment. The child runs on the
 * Node that runs vitest (22), unless a test picks another binary to check the version guard.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';

export const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(REPOSITORY, 'bin', 'totp-vault.js');
export const BUILT_CLI = join(REPOSITORY, 'dist', 'main', 'cli', 'main.js');

/** Light but real Argon2id for every vault but the one that checks the default. */
export const FAST_KDF = ['--kdf-memory', '8', '--kdf-passes', '2'] as const;

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRun {
  /** Written to stdin, which is then closed. */
  readonly input?: string;
  /** Added to (or, with undefined, removed from) the suite's environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The Node binary; default: the one running the tests. */
  readonly node?: string;
  readonly bin?: string;
}

/**
 * A temporary home per suite: HOME and XDG_CONFIG_HOME point into it and TOTP_VAULT is unset, so no test
 * can ever reach the real user's vault. Fails the suite early, and says why, when dist/ is not built.
 */
export function cliSuite(): { folder: () => string; run: (args: readonly string[], options?: CliRun) => Promise<CliResult>; transcript: CliResult[] } {
  let folder = '';
  const transcript: CliResult[] = [];
  beforeAll(() => {
    if (!existsSync(BUILT_CLI)) {
      throw new Error(`${BUILT_CLI} is missing: build first with \`npx tsc -b\` (npm test does).`);
    }
    folder = mkdtempSync(join(tmpdir(), 'totp-vault-cli-'));
  });
  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  const run = async (args: readonly string[], options: CliRun = {}): Promise<CliResult> => {
    const env: Record<string, string | undefined> = { ...process.env, HOME: folder, XDG_CONFIG_HOME: join(folder, '.config'), TOTP_VAULT: undefined, ...options.env };
    const result = await spawnCli(options.node ?? process.execPath, [options.bin ?? BIN, ...args], options.input ?? '', env);
    transcript.push(result);
    return result;
  };
  return { folder: () => folder, run, transcript };
}

function spawnCli(node: string, args: readonly string[], input: string, env: Record<string, string | undefined>): Promise<CliResult> {
  const cleanEnv = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { env: cleanEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    // The child may exit before reading everything (a usage error reads nothing): that is not a failure here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** The password lines for stdin. */
export function lines(...values: string[]): string {
  return values.map((value) => `${value}\n`).join('');
}

/** Asserts the exit status, showing stdout and stderr when it differs (a bare "70 ≠ 65" explains nothing). */
export function expectStatus(result: CliResult, status: number): void {
  if (result.status !== status) {
    throw new Error(`expected exit status ${status}, got ${String(result.status)}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
}

/** A failure as the CLI promises it: the status, nothing on stdout, exactly one `totp-vault: …` line on stderr, no stack. */
export function expectFailure(result: CliResult, status: number, message: RegExp): void {
  expectStatus(result, status);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^totp-vault: [^\n]+\n$/);
  expect(result.stderr).not.toMatch(/\bat .+:\d+/);
  expect(result.stderr).toMatch(message);
}
