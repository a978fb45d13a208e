/**
 * `totp-vault import` on the real export files of the shared fixtures, into a real vault: detection, the
 * export's own password, duplicates, the one transaction, the report, and what it refuses.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBase32, totp } from '../../support/rfc6238.js';
import { FAST_KDF, cliSuite, expectFailure, expectStatus, lines } from './cliProcess.js';

const PASSWORD = 'correct horse battery staple';
const MIGRATION = fileURLToPath(new URL('../../../../shared/fixtures/migration/', import.meta.url));
const fixture = (path: string) => join(MIGRATION, path);
/** Aegis test vector 1 (Deno / Mason), in every aegis-testdata file. */
const DENO_SECRET = '4SJHB4GSD43FZBAI7C2HLRJGPQ';
const AT = 1_700_000_000;
/** The master password of the real Enpass vault (hazcod/enpass-cli's test vault), and its one item's password. */
const ENPASS_PASSWORD = 'absolutely-No-clue';
const ENPASS_ITEM_PASSWORD = 'noIdeaata11';

const { folder, run, transcript } = cliSuite();
const vault = () => join(folder(), 'import.totpvault');
const inVault = (...args: string[]) => ['--vault', vault(), ...args];

describe('totp-vault import', () => {
  it('imports an Enpass 6 JSON export, recognised from its content, keeping folders as tags', async () => {
    expectStatus(await run(inVault('init', ...FAST_KDF), { input: lines(PASSWORD) }), 0);
    const result = await run(inVault('import', fixture('enpass/pass-import_enpass6.json')), { input: lines(PASSWORD) });
    expectStatus(result, 0);
    expect(result.stdout).toMatch(/^Read 14 items with 0 one-time codes from the Enpass \(JSON\) export pass-import_enpass6\.json\.\nAdded 14 items\.\n/);
    const list = await run(inVault('list', '--json'), { input: lines(PASSWORD) });
    // `list` shows one-time-code fields only; these Enpass items have none.
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('asks for an encrypted Aegis export\'s own password after the master password, and its codes work', async () => {
    const result = await run(inVault('import', fixture('others/aegis-testdata/aegis_encrypted.json'), '--json'), { input: lines(PASSWORD, 'test') });
    expectStatus(result, 0);
    const report = JSON.parse(result.stdout) as { format: string; items: number; codes: number; added: number; duplicates: unknown[] };
    expect(report).toMatchObject({ format: 'aegis', items: 7, codes: 7, added: 7, duplicates: [] });
    const codes = await run(inVault('code', 'Deno', '--at', String(AT)), { input: lines(PASSWORD) });
    expect(codes.stdout.trim()).toBe(totp(decodeBase32(DENO_SECRET), AT));
  });

  it('skips accounts the vault already holds, unless --keep-duplicates, and --dry-run adds nothing', async () => {
    const again = await run(inVault('import', fixture('others/aegis-testdata/aegis_plain.json'), '--dry-run'), { input: lines(PASSWORD) });
    expectStatus(again, 0);
    expect(again.stdout).toContain('Already in the vault: "Deno", "SPDX", "Airbnb", "Issuu", "Air Canada", "WWE", "Boeing" (skipped; --keep-duplicates adds them anyway).');
    expect(again.stdout).toContain('Nothing was added (--dry-run).');
    const skipped = await run(inVault('import', fixture('others/aegis-testdata/plain.txt'), '--json'), { input: lines(PASSWORD) });
    expect(JSON.parse(skipped.stdout)).toMatchObject({ format: 'otpauth-list', items: 7, added: 0, skippedDuplicates: 7 });
    const kept = await run(inVault('import', fixture('others/aegis-testdata/plain.txt'), '--keep-duplicates', '--json'), { input: lines(PASSWORD) });
    expect(JSON.parse(kept.stdout)).toMatchObject({ added: 7, skippedDuplicates: 0 });
    const list = await run(inVault('list', '--json'), { input: lines(PASSWORD) });
    expect(JSON.parse(list.stdout)).toHaveLength(14);
  });

  it('lists what it could not take over, and still imports the rest', async () => {
    const result = await run(inVault('import', fixture('enpass/enpass-escape_export.json')), { input: lines(PASSWORD) });
    expectStatus(result, 0);
    expect(result.stdout).toMatch(/Added 3 items\.\n1 thing not taken over as it was:\n {2}- "TestHeaderFullWithExtra", One-time code: left out: .+\n$/);
  });

  it('refuses a wrong export password (77), a file of no known format (65) and a missing file (74), changing nothing', async () => {
    expectFailure(
      await run(inVault('import', fixture('others/aegis-testdata/aegis_encrypted.json')), { input: lines(PASSWORD, 'not the password') }),
      77,
      /The password for this Aegis export is wrong\./,
    );
    const notes = join(folder(), 'notes.txt');
    writeFileSync(notes, 'Shopping: milk, eggs\n');
    expectFailure(await run(inVault('import', notes), { input: lines(PASSWORD) }), 65, /notes\.txt is not an export TOTP Vault can read\./);
    expectFailure(await run(inVault('import', join(folder(), 'missing.json')), { input: lines(PASSWORD) }), 74, /there is no such file/);
    const list = await run(inVault('list', '--json'), { input: lines(PASSWORD) });
    expect(JSON.parse(list.stdout)).toHaveLength(14);
  });

  it('reads an Enpass 6 vault itself: vault.enpassdb with vault.json beside it, and the Enpass master password', async () => {
    const enpass = join(folder(), 'Enpass');
    mkdirSync(enpass);
    for (const name of ['vault.enpassdb', 'vault.json']) copyFileSync(fixture(`enpass/real-vault/${name}`), join(enpass, name));
    const database = join(enpass, 'vault.enpassdb');
    const result = await run(inVault('import', database), { input: lines(PASSWORD, ENPASS_PASSWORD) });
    expectStatus(result, 0);
    expect(result.stdout).toBe('Read 1 item with 0 one-time codes from the Enpass (vault) export vault.enpassdb.\nAdded 1 item.\n');
    expectFailure(await run(inVault('import', database, '--dry-run'), { input: lines(PASSWORD, 'not the password') }), 77, /The Enpass master password is wrong\./);
    const keyfile = join(folder(), 'Vault.enpasskey');
    writeFileSync(keyfile, '<key>00ff</key>');
    expectFailure(await run(inVault('import', database, '--keyfile', keyfile), { input: lines(PASSWORD, ENPASS_PASSWORD) }), 65, /has no keyfile/);
    const alone = join(folder(), 'alone');
    mkdirSync(alone);
    copyFileSync(database, join(alone, 'vault.enpassdb'));
    expectFailure(await run(inVault('import', join(alone, 'vault.enpassdb')), { input: lines(PASSWORD, ENPASS_PASSWORD) }), 65, /vault\.json, which is missing/);
  });

  it('never prints a secret or a password', () => {
    const printed = transcript.map((result) => result.stdout + result.stderr).join('\n');
    for (const secret of [DENO_SECRET, PASSWORD, 'not the password', ENPASS_PASSWORD, ENPASS_ITEM_PASSWORD]) expect(printed).not.toContain(secret);
  });
});
