/**
 * Every failure of the real binary: its sysexits status, one `totp-vault: …` line on stderr without a
 * stack trace, nothing on stdout, and the vault left as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAST_KDF, cliSuite, expectFailure, expectStatus, lines } from './cliProcess.js';

const PASSWORD = 'correct horse battery staple';

const { folder, run } = cliSuite();
const vault = () => join(folder(), 'exit-status.totpvault');
const withVault = (...args: string[]) => ['--vault', vault(), ...args];

async function itemCount(): Promise<number> {
  const result = await run(withVault('list', '--json'), { input: lines(PASSWORD) });
  expectStatus(result, 0);
  return (JSON.parse(result.stdout) as unknown[]).length;
}

beforeAll(async () => {
  expectStatus(await run(withVault('init', ...FAST_KDF), { input: lines(PASSWORD) }), 0);
  expectStatus(await run(withVault('add', '--secret', 'JBSWY3DPEHPK3PXP', '--issuer', 'GitHub'), { input: lines(PASSWORD) }), 0);
  expectStatus(await run(withVault('add', '--secret', 'KZXW6YTBOI', '--issuer', 'GitLab'), { input: lines(PASSWORD) }), 0);
});

describe('exit status 64: usage', () => {
  it.each([
    [[], /no command given\. Run `totp-vault --help` for usage\.\n$/],
    [['frobnicate'], /unknown command 'frobnicate'\. Run `totp-vault --help`/],
    [['list', '--frobnicate'], /unknown option '--frobnicate'\. Run `totp-vault --help`/],
    [['list', '--at', '5'], /'--at' is not an option of 'list'/],
    [['list', 'extra'], /'list' takes no arguments, but got 'extra'/],
    [['code', '--at', 'yesterday'], /--at needs a whole number/],
    [['code', '--at=-1'], /--at needs a whole number/],
    [['code', '--at', '1.5'], /--at needs a whole number/],
    [['code', '--at'], /'--at' needs a value/],
    [['rm'], /'rm' needs QUERY/],
    [['add', '--title', 'x'], /add needs --uri URI or --secret SECRET/],
    [['add', '--uri', 'otpauth://totp/x?secret=JBSWY3DP', '--secret', 'JBSWY3DP'], /either --uri or --secret, not both/],
    [['add', '--uri', 'otpauth://totp/x?secret=JBSWY3DP', '--digits', '8'], /--digits goes with --secret/],
    [['add', '--secret', 'JBSWY3DP', '--title', 'a', '--title', 'b'], /'--title' is given more than once/],
    [['init', '--kdf-memory', 'lots'], /--kdf-memory needs a whole number from 8 to 1024/],
    [['help', 'frobnicate'], /unknown command 'frobnicate'/],
  ])('%j', async (args, message) => {
    expectFailure(await run(withVault(...args), { input: lines(PASSWORD) }), 64, message);
  });

  it('rm with several matches lists them and changes nothing', async () => {
    const result = await run(withVault('rm', 'git'), { input: lines(PASSWORD) });
    expectFailure(result, 64, /'git' matches 2 items: "GitHub" \([0-9a-f]{8}\), "GitLab" \([0-9a-f]{8}\); give an id prefix/);
    expect(await itemCount()).toBe(2);
  });
});

describe('exit status 65: bad input', () => {
  it.each([
    ['a secret with a digit base32 lacks', ['--secret', 'abc1 defg', '--title', 'x'], /not a base32 letter.*letter I or L/],
    ['a cut-off secret', ['--secret', 'ABC', '--title', 'x'], /looks cut off/],
    ['a web link as URI', ['--uri', 'https://example.com/2fa'], /web link/],
    ['a URI without a secret', ['--uri', 'otpauth://totp/x?issuer=y'], /no secret/],
    ['an unknown algorithm', ['--secret', 'JBSWY3DP', '--title', 'x', '--algorithm', 'MD5'], /Unknown algorithm "MD5"/],
    ['too few digits', ['--secret', 'JBSWY3DP', '--title', 'x', '--digits', '4'], /Invalid digits "4"/],
    ['a nameless item', ['--secret', 'JBSWY3DP'], /needs a name: give --title/],
  ])('add with %s fails and leaves the item count unchanged', async (_what, args, message) => {
    expectFailure(await run(withVault('add', ...args), { input: lines(PASSWORD) }), 65, message);
    expect(await itemCount()).toBe(2);
  });

  it('code with no match', async () => {
    expectFailure(await run(withVault('code', 'bitbucket'), { input: lines(PASSWORD) }), 65, /Nothing matches 'bitbucket'/);
  });

  it('rm with no match', async () => {
    expectFailure(await run(withVault('rm', 'bitbucket'), { input: lines(PASSWORD) }), 65, /Nothing matches 'bitbucket'/);
    expect(await itemCount()).toBe(2);
  });

  it('a weak new master password', async () => {
    const result = await run(['--vault', join(folder(), 'weak.totpvault'), 'init', ...FAST_KDF], { input: lines('short') });
    expectFailure(result, 65, /at least 8 characters/);
  });

  it('standard input that ends before the password', async () => {
    expectFailure(await run(withVault('list'), { input: '' }), 65, /Standard input ended before the master password was read/);
  });
});

describe('exit statuses for the vault file', () => {
  it('66 when there is no vault, suggesting init', async () => {
    const result = await run(['--vault', join(folder(), 'missing.totpvault'), 'list'], { input: lines(PASSWORD) });
    expectFailure(result, 66, /There is no vault at .*missing\.totpvault\. Create one with `totp-vault init`/);
  });

  it('73 when init finds a file already there, which it leaves alone', async () => {
    const before = readFileSync(vault());
    expectFailure(await run(withVault('init', ...FAST_KDF), { input: lines(PASSWORD) }), 73, /already exists/);
    expect(readFileSync(vault()).equals(before)).toBe(true);
  });

  it('74 for a text file', async () => {
    const path = join(folder(), 'notes.txt');
    writeFileSync(path, 'These are my notes, not a vault.\n'.repeat(20));
    expectFailure(await run(['--vault', path, 'list'], { input: lines(PASSWORD) }), 74, /not a TOTP Vault/);
  });

  it('74 for a truncated vault', async () => {
    const bytes = readFileSync(vault());
    const path = join(folder(), 'truncated.totpvault');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectFailure(await run(['--vault', path, 'list'], { input: lines(PASSWORD) }), 74, /damaged/);
  });

  it('77 for a wrong password', async () => {
    expectFailure(await run(withVault('code', 'github'), { input: lines('not the password') }), 77, /master password is wrong/);
  });

  it('77 for a wrong current password in passwd, which changes nothing', async () => {
    const result = await run(withVault('passwd'), { input: lines('not the password', 'another long password') });
    expectFailure(result, 77, /master password is wrong/);
    expect(await itemCount()).toBe(2);
  });
});

describe('help and version', () => {
  it('--help, help and help COMMAND print usage on stdout and exit 0', async () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const result = await run(args);
      expect(result).toMatchObject({ status: 0, stderr: '' });
      expect(result.stdout).toMatch(/^Usage: totp-vault \[--vault PATH\] \[--json\] COMMAND/);
      expect(result.stdout).toContain(join(folder(), '.config', 'TOTP Vault', 'vault.totpvault'));
    }
    const code = await run(['code', '--help']);
    expect(code.stdout).toMatch(/^Usage: totp-vault \[--vault PATH\] \[--json\] code \[QUERY\] \[--at UNIX_SECONDS\]/);
    expect((await run(['help', 'code'])).stdout).toBe(code.stdout);
  });

  it('--version prints the package version', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ status: 0, stdout: `totp-vault ${manifest.version}\n`, stderr: '' });
  });
});
