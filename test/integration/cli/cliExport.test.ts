/**
 * `totp-vault export` on a real vault, and each file read back by `totp-vault import` into another vault: the
 * encrypted backup (everything, trash included), Aegis encrypted and plain, and the otpauth:// list. Also the
 * warnings and second password of plain exports, the export's own password, what it refuses, and that only
 * the file ever holds a secret.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAST_KDF, cliSuite, expectFailure, expectStatus, lines } from './cliProcess.js';

const PASSWORD = 'correct horse battery staple';
const EXPORT_PASSWORD = 'an export password of its own';
const AT = '1700000000';
const ACCOUNTS = [
  ['--secret', 'JBSWY3DPEHPK3PXP', '--issuer', 'Microsoft', '--account', 'alice@contoso.com', '--title', 'Topdesk', '--tag', 'Work', '--favorite'],
  ['--secret', '5OM4WOOGPLQEF6UGN3CPEOOLWU', '--issuer', 'SPDX', '--account', 'James', '--algorithm', 'SHA256', '--digits', '8', '--period', '60'],
  ['--secret', '7ELGJSGXNCCTV3O6LKJWYFV2RA', '--issuer', 'Airbnb', '--account', 'Elijah', '--algorithm', 'SHA512'],
  ['--secret', 'YOOMIXWS5GN6RTBPUFFWKTW5M4', '--type', 'hotp', '--counter', '42', '--issuer', 'Issuu', '--account', 'James'],
  ['--secret', 'JRZCL47CMXVOQMNPZR2F7J4RGI', '--type', 'steam', '--issuer', 'Steam', '--account', 'Sophia'],
  ['--secret', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', '--issuer', 'Ünïcödé 日本', '--account', 'björk@example.is', '--tag', 'Privé'],
  ['--secret', 'NBSWY3DPO5XXE3DE', '--issuer', 'Old Bank', '--account', 'me'],
] as const;
const SECRETS = ACCOUNTS.map((account) => account[1]);
const LIVE_CODES = 6;

const { folder, run, transcript } = cliSuite();
/** What the source vault lists and shows, read once after it is set up. */
let sourceList: unknown[] = [];
let sourceCodes: string[] = [];
const vaultFile = (name: string) => join(folder(), `${name}.totpvault`);
const inVault = (name: string, ...args: string[]) => ['--vault', vaultFile(name), ...args];
const exported = (name: string) => join(folder(), name);

async function createVault(name: string): Promise<void> {
  expectStatus(await run(inVault(name, 'init', ...FAST_KDF), { input: lines(PASSWORD) }), 0);
}

/** `list --json` without the ids, which a restore makes anew. */
async function listed(name: string): Promise<unknown[]> {
  const result = await run(inVault(name, 'list', '--json'), { input: lines(PASSWORD) });
  expectStatus(result, 0);
  return (JSON.parse(result.stdout) as { id: string }[]).map(({ id: _id, ...rest }) => rest);
}

/** Every account's code at one time, as `issuer|account|code`: other apps title items after the issuer, so titles and order may differ. */
async function codesAt(name: string): Promise<string[]> {
  const result = await run(inVault(name, 'code', '--json', '--at', AT), { input: lines(PASSWORD) });
  expectStatus(result, 0);
  return (JSON.parse(result.stdout) as { issuer: string; account: string; code: string }[]).map(({ issuer, account, code }) => `${issuer}|${account}|${code}`).sort();
}

function expectPrivateFile(path: string): void {
  expect(existsSync(path)).toBe(true);
  if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
}

describe('totp-vault export', () => {
  it('sets up a vault with TOTP SHA1/SHA256/SHA512, 8 digits, 60 s, HOTP, Steam, Unicode and one item in the trash', async () => {
    await createVault('source');
    for (const account of ACCOUNTS) expectStatus(await run(inVault('source', 'add', ...account), { input: lines(PASSWORD) }), 0);
    expectStatus(await run(inVault('source', 'rm', 'Old Bank'), { input: lines(PASSWORD) }), 0);
    sourceList = await listed('source');
    sourceCodes = await codesAt('source');
    expect(sourceList).toHaveLength(LIVE_CODES);
    expect(sourceCodes).toHaveLength(LIVE_CODES);
  });

  it('writes an encrypted backup (mode 0600) that `import` restores into another vault, trash included', async () => {
    const file = exported('vault.totpbackup');
    const result = await run(inVault('source', 'export', '--to', 'backup', file), { input: lines(PASSWORD, EXPORT_PASSWORD) });
    expectStatus(result, 0);
    expect(result.stdout).toBe(`Wrote 7 items with 7 one-time codes to ${file} (TOTP Vault backup, encrypted with its password).\n`);
    expect(result.stderr).toBe('');
    expectPrivateFile(file);
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).toBe('TOTPVAULT-BACKUP');

    await createVault('restored');
    const restore = await run(inVault('restored', 'import', file, '--json'), { input: lines(PASSWORD, EXPORT_PASSWORD) });
    expectStatus(restore, 0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ format: 'totp-vault-backup', items: 7, trashed: 1, codes: 7, added: 7, problems: [] });
    expect(await listed('restored')).toEqual(sourceList);
    expect(await codesAt('restored')).toEqual(sourceCodes);
    // The HOTP counter came along: the next code is the same on both sides (and uses it up on both).
    const hotp = async (name: string) => (await run(inVault(name, 'code', 'Issuu'), { input: lines(PASSWORD) })).stdout;
    expect(await hotp('restored')).toBe(await hotp('source'));
    // The trashed item came back to the trash: purging it finds it there.
    expectStatus(await run(inVault('restored', 'rm', 'Old Bank', '--purge'), { input: lines(PASSWORD) }), 0);
  });

  it('skips, restoring the backup again, what the vault already holds, as every import does', async () => {
    const file = exported('vault.totpbackup');
    const again = await run(inVault('restored', 'import', file, '--json'), { input: lines(PASSWORD, EXPORT_PASSWORD) });
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 1, skippedDuplicates: 6 });
  });

  it('refuses a wrong backup password on import with 77, adding nothing', async () => {
    expectFailure(
      await run(inVault('restored', 'import', exported('vault.totpbackup')), { input: lines(PASSWORD, 'not the export password') }),
      77,
      /The password for this TOTP Vault backup is wrong\./,
    );
    expect(await listed('restored')).toEqual(sourceList);
  });

  it('writes an encrypted Aegis vault that imports back as the same accounts', async () => {
    const file = exported('aegis-encrypted.json');
    const result = await run(inVault('source', 'export', '--to', 'aegis-encrypted', file, '--json'), { input: lines(PASSWORD, EXPORT_PASSWORD) });
    expectStatus(result, 0);
    expect(JSON.parse(result.stdout)).toEqual({ format: 'aegis-encrypted', file, items: LIVE_CODES, codes: LIVE_CODES, encrypted: true });
    expect(result.stderr).toBe('');
    expectPrivateFile(file);
    await createVault('from-aegis');
    const imported = await run(inVault('from-aegis', 'import', file, '--json'), { input: lines(PASSWORD, EXPORT_PASSWORD) });
    expect(JSON.parse(imported.stdout)).toMatchObject({ format: 'aegis', items: LIVE_CODES, added: LIVE_CODES, problems: [] });
    expect(await codesAt('from-aegis')).toEqual(sourceCodes);
  });

  it('warns that a plain export holds every secret, and asks for the master password again', async () => {
    for (const [format, name, importedAs] of [
      ['otpauth', 'codes.txt', 'otpauth-list'],
      ['aegis', 'aegis-plain.json', 'aegis'],
    ] as const) {
      const file = exported(name);
      const result = await run(inVault('source', 'export', '--to', format, file), { input: lines(PASSWORD, PASSWORD) });
      expectStatus(result, 0);
      expect(result.stderr).toBe(`totp-vault: warning: ${file} will hold every secret of the vault in the clear; anyone who can read it can make your codes.\n`);
      expect(result.stdout).toMatch(/^Wrote 6 items with 6 one-time codes to .+ \(.+, unencrypted: keep it safe, and delete it once it has been imported\)\.\n$/);
      expectPrivateFile(file);
      const target = `plain-${format}`;
      await createVault(target);
      const imported = await run(inVault(target, 'import', file, '--json'), { input: lines(PASSWORD) });
      expect(JSON.parse(imported.stdout)).toMatchObject({ format: importedAs, added: LIVE_CODES, problems: [] });
      expect(await codesAt(target)).toEqual(sourceCodes);
    }
    expect(readFileSync(exported('codes.txt'), 'utf8').trimEnd().split('\n')).toHaveLength(LIVE_CODES);
  });

  it('writes nothing when the second master password is wrong (77) or the first is (77)', async () => {
    const file = exported('never.txt');
    const second = await run(inVault('source', 'export', '--to', 'otpauth', file), { input: lines(PASSWORD, 'not the master password') });
    expectStatus(second, 77);
    expect(second.stdout).toBe('');
    expect(second.stderr.split('\n')).toEqual([
      expect.stringMatching(/^totp-vault: warning: .+ in the clear;/),
      'totp-vault: The master password given to confirm the unencrypted export is wrong. Nothing was written.',
      '',
    ]);
    expectFailure(await run(inVault('source', 'export', '--to', 'backup', file), { input: lines('not the master password', EXPORT_PASSWORD) }), 77, /master password is wrong/i);
    expect(existsSync(file)).toBe(false);
  });

  it('never overwrites a file (73), and refuses a weak export password (65), an unknown or missing format (64)', async () => {
    const file = exported('existing.txt');
    writeFileSync(file, 'keep me\n');
    expectFailure(await run(inVault('source', 'export', '--to', 'otpauth', file), { input: lines(PASSWORD, PASSWORD) }), 73, /A file already exists at .+existing\.txt; it was left as it is/);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    const weak = exported('weak.totpbackup');
    expectFailure(await run(inVault('source', 'export', '--to', 'backup', weak), { input: lines(PASSWORD, 'short') }), 65, /at least 8 characters/);
    expect(existsSync(weak)).toBe(false);
    expectFailure(await run(inVault('source', 'export', '--to', 'keepass', weak)), 64, /unknown export format 'keepass'/);
    expectFailure(await run(inVault('source', 'export', weak)), 64, /needs --to FORMAT \(backup, otpauth, aegis, aegis-encrypted\)/);
    expectFailure(await run(inVault('source', 'export', '--to', 'backup', join(folder(), 'no-such-folder', 'x'))), 74, /does not exist/);
  });

  it('never prints a secret or a password: secrets go into the file only', () => {
    const printed = transcript.map((result) => result.stdout + result.stderr).join('\n');
    for (const secret of [...SECRETS, PASSWORD, EXPORT_PASSWORD, 'not the export password', 'not the master password']) {
      expect(printed).not.toContain(secret);
    }
  });
});
