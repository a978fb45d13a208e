/**
 * The everyday paths of the real `totp-vault` binary: init, add, list, code, rm, passwd, TOTP_VAULT, and
 * that nothing it prints ever contains a secret or the password.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAST_KDF, cliSuite, expectStatus, lines } from './cliProcess.js';
import { decodeBase32, totp } from '../../support/rfc6238.js';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a different long passphrase';
/** How Microsoft shows a secret, with the trailing space that copying it adds. */
const MICROSOFT_SECRET = 'abcd efgh ijkl mnop ';
const GITHUB_SECRET = 'JBSWY3DPEHPK3PXP';
const AT = 1_700_000_000;

const { folder, run, transcript } = cliSuite();
const vault = () => join(folder(), 'round-trip.totpvault');
const withVault = (...args: string[]) => ['--vault', vault(), ...args];

describe('the RFC 6238 reference used below', () => {
  it('reproduces RFC 6238 Appendix B (SHA-1, 8 digits)', () => {
    const key = Buffer.from('12345678901234567890');
    expect(totp(key, 59, { digits: 8 })).toBe('94287082');
    expect(totp(key, 1111111109, { digits: 8 })).toBe('07081804');
    expect(totp(key, 20000000000, { digits: 8 })).toBe('65353130');
  });
});

describe('totp-vault round trip', () => {
  it('init creates the vault and names the key derivation, never the password', async () => {
    const result = await run(withVault('init', ...FAST_KDF), { input: lines(PASSWORD) });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toBe(`Created a vault at ${vault()} (key derivation: Argon2id, 8 MiB, 2 passes).\n`);
  });

  it('add --secret takes a Microsoft-style secret and prints the title and the live code', async () => {
    const result = await run(
      withVault('add', '--secret', MICROSOFT_SECRET, '--issuer', 'Microsoft', '--account', 'alice@contoso.com', '--tag', 'work', '--tag', 'm365'),
      { input: lines(PASSWORD) },
    );
    expectStatus(result, 0);
    expect(result.stdout).toMatch(/^Added "Microsoft" \([0-9a-f]{8}\)\. Current code: \d{3} \d{3} \(\d+ s left\)\.\n$/);
  });

  it('add --uri takes an otpauth URI; --title names the item', async () => {
    const uri = `otpauth://totp/GitHub:bob?secret=${GITHUB_SECRET}&issuer=GitHub&algorithm=SHA256&digits=8`;
    const result = await run(withVault('add', '--uri', uri, '--title', 'GitHub (work)', '--favorite'), { input: lines(PASSWORD) });
    expectStatus(result, 0);
    expect(result.stdout).toMatch(/^Added "GitHub \(work\)" \([0-9a-f]{8}\)\. Current code: \d{4} \d{4} /);
  });

  it('code QUERY with one match prints only the code, equal to an independent RFC 6238 computation', async () => {
    const result = await run(withVault('code', 'microsoft', '--at', String(AT)), { input: lines(PASSWORD) });
    expect(result).toEqual({ status: 0, stdout: `${totp(decodeBase32(MICROSOFT_SECRET), AT)}\n`, stderr: '' });
    const github = await run(withVault('code', 'GITHUB', '--at', String(AT)), { input: lines(PASSWORD) });
    expect(github.stdout).toBe(`${totp(decodeBase32(GITHUB_SECRET), AT, { digits: 8, algorithm: 'sha256' })}\n`);
  });

  it('code matches tags and id prefixes too, and lists several matches one per line', async () => {
    const byTag = await run(withVault('code', 'M365', '--at', String(AT)), { input: lines(PASSWORD) });
    expect(byTag.stdout).toBe(`${totp(decodeBase32(MICROSOFT_SECRET), AT)}\n`);

    const all = await run(withVault('code', '--at', String(AT)), { input: lines(PASSWORD) });
    expectStatus(all, 0);
    const rows = all.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    // Favourites first; the code grouped for reading and the seconds left (AT is 20 s into its period).
    expect(rows[0]).toMatch(/^GitHub \(work\)\s+GitHub \/ bob\s+\d{4} \d{4}\s+10s$/);
    const microsoft = totp(decodeBase32(MICROSOFT_SECRET), AT);
    expect(rows[1]).toMatch(new RegExp(`^Microsoft\\s+Microsoft / alice@contoso\\.com\\s+${microsoft.slice(0, 3)} ${microsoft.slice(3)}\\s+10s$`));

    const list = await run(withVault('list', '--json'), { input: lines(PASSWORD) });
    const [first] = JSON.parse(list.stdout) as { id: string }[];
    const byId = await run(withVault('code', first!.id.slice(0, 6), '--at', String(AT)), { input: lines(PASSWORD) });
    expect(byId.stdout).toBe(`${totp(decodeBase32(GITHUB_SECRET), AT, { digits: 8, algorithm: 'sha256' })}\n`);
  });

  it('list prints a table and list --json exactly the documented fields', async () => {
    const table = await run(withVault('list'), { input: lines(PASSWORD) });
    expectStatus(table, 0);
    const [header, ...rows] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID\s+TITLE\s+ISSUER\s+ACCOUNT\s+TYPE\s+TAGS$/);
    expect(rows[1]).toMatch(/^[0-9a-f]{8}\s+Microsoft\s+Microsoft\s+alice@contoso\.com\s+totp\s+work, m365$/);

    const json = await run(withVault('--json', 'list'), { input: lines(PASSWORD) });
    const entries = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(entries).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        title: 'GitHub (work)',
        issuer: 'GitHub',
        account: 'bob',
        type: 'totp',
        algorithm: 'SHA256',
        digits: 8,
        period: 30,
        tags: [],
        favorite: true,
      },
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        title: 'Microsoft',
        issuer: 'Microsoft',
        account: 'alice@contoso.com',
        type: 'totp',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        tags: ['work', 'm365'],
        favorite: false,
      },
    ]);
  });

  it('code --json gives id, title, issuer, account, code, remaining and period', async () => {
    const result = await run(withVault('code', 'microsoft', '--json', '--at', String(AT + 5)), { input: lines(PASSWORD) });
    expect(JSON.parse(result.stdout)).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        title: 'Microsoft',
        issuer: 'Microsoft',
        account: 'alice@contoso.com',
        code: totp(decodeBase32(MICROSOFT_SECRET), AT + 5),
        remaining: 5,
        period: 30,
      },
    ]);
  });

  it('an HOTP code advances its counter on every call', async () => {
    const added = await run(withVault('add', '--secret', GITHUB_SECRET, '--type', 'hotp', '--counter', '5', '--title', 'Counter'), {
      input: lines(PASSWORD),
    });
    expectStatus(added, 0);
    expect(added.stdout).toMatch(/counter-based \(HOTP\)/);
    const key = decodeBase32(GITHUB_SECRET);
    // HOTP(K, C) is TOTP at time C × period.
    const first = await run(withVault('code', 'counter'), { input: lines(PASSWORD) });
    const second = await run(withVault('code', 'counter', '--json'), { input: lines(PASSWORD) });
    expect(first.stdout).toBe(`${totp(key, 5 * 30)}\n`);
    expect(JSON.parse(second.stdout)).toEqual([expect.objectContaining({ code: totp(key, 6 * 30), remaining: 0, period: 0 })]);
  });

  it('an HOTP entry among several matches is listed without using up a code', async () => {
    const all = await run(withVault('code', '--json'), { input: lines(PASSWORD) });
    const counter = (JSON.parse(all.stdout) as { title: string; code: string | null }[]).find((entry) => entry.title === 'Counter');
    expect(counter?.code).toBeNull();
    const next = await run(withVault('code', 'counter'), { input: lines(PASSWORD) });
    expect(next.stdout).toBe(`${totp(decodeBase32(GITHUB_SECRET), 7 * 30)}\n`);
  });

  it('a Steam entry gives a 5-character Steam Guard code', async () => {
    const added = await run(withVault('add', '--secret', GITHUB_SECRET, '--type', 'steam', '--title', 'Steam'), { input: lines(PASSWORD) });
    expectStatus(added, 0);
    const result = await run(withVault('code', 'steam'), { input: lines(PASSWORD) });
    expect(result.stdout).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}\n$/);
  });

  it('add --secret - reads the secret from the line after the password, so it never appears in `ps`', async () => {
    const result = await run(withVault('add', '--secret', '-', '--title', 'Piped'), { input: lines(PASSWORD, 'kzxw 6ytb oi') });
    expectStatus(result, 0);
    const code = await run(withVault('code', 'piped', '--at', String(AT)), { input: lines(PASSWORD) });
    expect(code.stdout).toBe(`${totp(decodeBase32('KZXW6YTBOI'), AT)}\n`);
  });

  it('rm moves one item to the trash, and rm --purge deletes a trashed one for good', async () => {
    const removed = await run(withVault('rm', 'steam'), { input: lines(PASSWORD) });
    expectStatus(removed, 0);
    expect(removed.stdout).toMatch(/^Moved "Steam" \([0-9a-f]{8}\) to the trash\.\n$/);
    const after = await run(withVault('code', 'steam'), { input: lines(PASSWORD) });
    expectStatus(after, 65);

    const purged = await run(withVault('rm', 'steam', '--purge', '--json'), { input: lines(PASSWORD) });
    expect(JSON.parse(purged.stdout)).toEqual({ id: expect.any(String), title: 'Steam', action: 'deleted' });
    const again = await run(withVault('rm', 'steam', '--purge'), { input: lines(PASSWORD) });
    expectStatus(again, 65);
  });

  it('rm refuses a query that matches several items, naming them', async () => {
    const result = await run(withVault('rm', 'i'), { input: lines(PASSWORD) });
    expectStatus(result, 64);
    expect(result.stderr).toMatch(/^totp-vault: 'i' matches \d items: .*"Microsoft" \([0-9a-f]{8}\).*\n$/);
    const list = await run(withVault('list', '--json'), { input: lines(PASSWORD) });
    expect(JSON.parse(list.stdout)).toHaveLength(4);
  });

  it('passwd changes the master password: the new one unlocks, the old one no longer does', async () => {
    const changed = await run(withVault('passwd'), { input: lines(PASSWORD, NEW_PASSWORD) });
    expect(changed).toEqual({ status: 0, stdout: 'The master password was changed.\n', stderr: '' });
    const withNew = await run(withVault('code', 'microsoft', '--at', String(AT)), { input: lines(NEW_PASSWORD) });
    expect(withNew.stdout).toBe(`${totp(decodeBase32(MICROSOFT_SECRET), AT)}\n`);
    const withOld = await run(withVault('list'), { input: lines(PASSWORD) });
    expectStatus(withOld, 77);
  });

  it('uses the vault named by TOTP_VAULT when --vault is not given', async () => {
    const result = await run(['code', 'microsoft', '--at', String(AT)], { input: lines(NEW_PASSWORD), env: { TOTP_VAULT: vault() } });
    expect(result).toEqual({ status: 0, stdout: `${totp(decodeBase32(MICROSOFT_SECRET), AT)}\n`, stderr: '' });
  });

  it('accepts a password line ending in CRLF (a file saved on Windows)', async () => {
    const result = await run(withVault('list'), { input: `${NEW_PASSWORD}\r\n` });
    expectStatus(result, 0);
  });

  it('init --json names the path and the key derivation', async () => {
    const path = join(folder(), 'json-init.totpvault');
    const result = await run(['--vault', path, 'init', '--json', ...FAST_KDF], { input: lines(PASSWORD) });
    expectStatus(result, 0);
    expect(JSON.parse(result.stdout)).toEqual({ path, kdf: { algorithm: 'Argon2id', memoryBytes: 8 * 1024 * 1024, passes: 2 } });
  });

  it('init without KDF options uses the default 256 MiB Argon2id', async () => {
    const result = await run(['--vault', join(folder(), 'default-kdf.totpvault'), 'init'], { input: lines(PASSWORD) });
    expectStatus(result, 0);
    expect(result.stdout).toMatch(/\(key derivation: Argon2id, 256 MiB, [23] passes\)\.\n$/);
  });
});

afterAll(() => {
  // Every byte the binary printed in this suite, checked at the end so a new test is covered too.
  const printed = transcript.map((result) => result.stdout + result.stderr).join('\n');
  expect(transcript.length).toBeGreaterThan(20);
  const compact = MICROSOFT_SECRET.replace(/\s/g, '');
  for (const secret of [MICROSOFT_SECRET.trim(), compact, compact.toUpperCase(), GITHUB_SECRET, GITHUB_SECRET.toLowerCase(), 'KZXW6YTBOI', 'kzxw 6ytb oi']) {
    expect(printed, 'a secret was printed').not.toContain(secret);
  }
  for (const password of [PASSWORD, NEW_PASSWORD]) expect(printed, 'a password was printed').not.toContain(password);
  expect(printed).not.toMatch(/otpauth:|secret=/i);
});
