/**
 * The runner in-process, with injected streams, environment and clock (the integration tests drive the
 * real binary). What only injection can show: the clock the codes use is the injected one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../../src/main/cli/cliContext.js';
import { runCommandLine } from '../../../src/main/cli/runCommandLine.js';
import { generateCode, parseOtpInput } from '../../../src/main/otp/index.js';

const PASSWORD = 'correct horse battery staple';
const folder = mkdtempSync(join(tmpdir(), 'totp-vault-cli-unit-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(args: string[], options: { input?: string; now?: number; env?: NodeJS.ProcessEnv } = {}) {
  const stdin = new PassThrough();
  stdin.end(options.input ?? '');
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    stdin,
    stdout: { write: (text: string) => void (stdout += text) },
    stderr: { write: (text: string) => void (stderr += text) },
    env: options.env ?? { HOME: folder },
    now: () => options.now ?? 0,
  };
  const status = await runCommandLine(args, context);
  return { status, stdout, stderr };
}

describe('runCommandLine in-process', () => {
  const vault = join(folder, 'unit.totpvault');

  it('computes codes with the injected clock', async () => {
    expect((await run(['--vault', vault, 'init', '--kdf-memory', '8', '--kdf-passes', '2'], { input: `${PASSWORD}\n` })).status).toBe(0);
    expect((await run(['--vault', vault, 'add', '--secret', 'JBSWY3DPEHPK3PXP', '--title', 'Clock'], { input: `${PASSWORD}\n` })).status).toBe(0);
    const now = 1_234_567_890_123;
    const expected = generateCode(parseOtpInput('JBSWY3DPEHPK3PXP'), now).code;
    expect(await run(['--vault', vault, 'code', 'clock'], { input: `${PASSWORD}\n`, now })).toEqual({ status: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it('takes TOTP_VAULT from the injected environment', async () => {
    const result = await run(['list', '--json'], { input: `${PASSWORD}\n`, env: { HOME: folder, TOTP_VAULT: vault } });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ title: 'Clock' })]);
  });

  it('turns an unknown exception into the generic INTERNAL line and exit 70', async () => {
    const stdin = new PassThrough();
    stdin.end(`${PASSWORD}\n`);
    let stderr = '';
    const status = await runCommandLine(['--vault', vault, 'list'], {
      stdin,
      stdout: {
        write: () => {
          throw new Error('secret detail that must not be shown');
        },
      },
      stderr: { write: (text: string) => void (stderr += text) },
      env: {},
      now: () => 0,
    });
    expect(status).toBe(70);
    expect(stderr).toBe('totp-vault: Something went wrong inside TOTP Vault. Nothing was changed.\n');
  });
});
