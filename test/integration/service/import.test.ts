/**
 * previewImport, applyImport and discardImport: an export file sent as base64 is read in main, which keeps
 * what it holds and answers with counts, duplicates and problems (never a secret); an encrypted export
 * asks for its password first; the import is saved in one transaction, once.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ApiResponse, ImportFile } from '../../../src/shared/api.js';
import { ALL_SEVEN, VECTORS } from '../../support/aegisTestVectors.js';
import { decodeBase32, totp } from '../../support/rfc6238.js';
import { TEST_PASSWORD, temporaryVaultPaths } from '../../support/temporaryVaultPath.js';
import { type ServiceFixture, call, callFailure, startUnlockedService } from './serviceFixture.js';

const nextPath = temporaryVaultPaths();
const MIGRATION = new URL('../../../../shared/fixtures/migration/', import.meta.url);
const AEGIS_PASSWORD = 'test';
const WRONG_PASSWORD = 'not the export password';

/** A fixture as the window sends it: its name and its bytes in base64, the format left to detection. */
function exportFile(path: string, password: string | null = null): ImportFile {
  return { fileName: path.split('/').at(-1)!, data: readFileSync(new URL(path, MIGRATION)).toString('base64'), format: null, password };
}

function textFile(fileName: string, text: string): ImportFile {
  return { fileName, data: Buffer.from(text).toString('base64'), format: null, password: null };
}

const ENPASS = 'enpass/proton-pass_enpass-mock_EXCERPT.json';
const AEGIS_ENCRYPTED = 'others/aegis-testdata/aegis_encrypted.json';
const AEGIS_PLAIN = 'others/aegis-testdata/aegis_plain.json';

type Preview = Extract<ApiResponse<'previewImport'>, { kind: 'preview' }>;

async function preview(fixture: ServiceFixture, file: ImportFile): Promise<Preview> {
  const answer = await call(fixture.service, 'previewImport', file);
  if (answer.kind !== 'preview') return expect.fail(`expected a preview, got ${JSON.stringify(answer)}`);
  return answer;
}

const changes = (fixture: ServiceFixture) => fixture.events.filter(({ name }) => name === 'vaultChanged').length;

describe('previewImport', () => {
  it('reads an Enpass JSON export: items, codes, the trashed ones and what it cannot take over, adding nothing yet', async () => {
    const fixture = await startUnlockedService(nextPath());
    const answer = await preview(fixture, exportFile(ENPASS));
    expect(answer).toEqual({
      kind: 'preview',
      importId: expect.any(String),
      format: 'enpass-json',
      label: 'Enpass (JSON)',
      items: 8,
      trashed: 2,
      codes: 2,
      // The two Twitter items share a secret but not an account name: neither is a duplicate.
      duplicates: [],
      problems: [{ item: 'Trashed', what: 'One-time code', reason: expect.stringContaining('base32'), kind: 'invalid' }],
    });
    expect(await call(fixture.service, 'listItems', { trashed: false })).toEqual([]);
    expect(changes(fixture)).toBe(0);
  });

  it('asks for the password of an encrypted Aegis export, says WRONG_PASSWORD for a wrong one, and reads it with the right one', async () => {
    const fixture = await startUnlockedService(nextPath());
    expect(await call(fixture.service, 'previewImport', exportFile(AEGIS_ENCRYPTED))).toEqual({ kind: 'needsPassword', format: 'aegis', label: 'Aegis' });
    expect(await callFailure(fixture.service, 'previewImport', exportFile(AEGIS_ENCRYPTED, WRONG_PASSWORD))).toMatchObject({ code: 'WRONG_PASSWORD' });
    const answer = await preview(fixture, exportFile(AEGIS_ENCRYPTED, AEGIS_PASSWORD));
    expect(answer).toMatchObject({ format: 'aegis', label: 'Aegis', items: 7, trashed: 0, codes: 7, duplicates: [], problems: [] });
  });

  it('reads a file as the format named, and says which formats it reads when it knows none', async () => {
    const fixture = await startUnlockedService(nextPath());
    const notes = await callFailure(fixture.service, 'previewImport', textFile('notes.txt', 'Shopping: milk, eggs\n'));
    expect(notes.code).toBe('UNSUPPORTED_FORMAT');
    expect(notes.message).toMatch(/^notes\.txt is not an export TOTP Vault can read\. It reads .+\.$/);
    for (const label of ['Enpass (JSON)', 'Aegis', 'Bitwarden (CSV)']) expect(notes.message).toContain(label);
    expect(await callFailure(fixture.service, 'previewImport', { ...textFile('notes.txt', 'x'), format: 'aegis' })).toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    expect(await callFailure(fixture.service, 'previewImport', { ...textFile('notes.txt', 'x'), format: 'nope' })).toMatchObject({ code: 'INVALID_INPUT' });
    const named = await preview(fixture, { ...exportFile(AEGIS_PLAIN), format: 'aegis' });
    expect(named).toMatchObject({ format: 'aegis', items: 7 });
  });

  it('lists the items whose accounts the vault already holds', async () => {
    const fixture = await startUnlockedService(nextPath());
    await call(fixture.service, 'applyImport', { importId: (await preview(fixture, exportFile(AEGIS_ENCRYPTED, AEGIS_PASSWORD))).importId, keepDuplicates: false });
    const again = await preview(fixture, exportFile(AEGIS_PLAIN));
    expect(again.duplicates.map(({ title }) => title)).toEqual(['Deno', 'SPDX', 'Airbnb', 'Issuu', 'Air Canada', 'WWE', 'Boeing']);
    expect(again.duplicates[0]).toEqual({ title: 'Deno', accounts: ['Deno (Mason)'] });
  });
});

describe('applyImport', () => {
  it('adds the previewed items in one go, announces it once, and refuses a second apply of the same import', async () => {
    const fixture = await startUnlockedService(nextPath());
    const { importId } = await preview(fixture, exportFile(AEGIS_ENCRYPTED, AEGIS_PASSWORD));
    expect(await call(fixture.service, 'applyImport', { importId, keepDuplicates: false })).toEqual({ added: 7, skippedDuplicates: 0 });
    expect(changes(fixture)).toBe(1);
    const items = await call(fixture.service, 'listItems', { trashed: false });
    expect(items.map((item) => item.title).sort()).toEqual(ALL_SEVEN.map((vector) => vector.issuer).sort());
    const deno = items.find((item) => item.title === 'Deno')!;
    const [code] = await call(fixture.service, 'codes', { fields: [{ itemId: deno.id, fieldId: deno.otp[0]!.id }], at: fixture.clock.now });
    expect(code?.current.code).toBe(totp(decodeBase32(VECTORS.deno.secret), Math.floor(fixture.clock.now / 1000)));

    expect(await callFailure(fixture.service, 'applyImport', { importId, keepDuplicates: false })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'That import is no longer available: open the file again.',
    });
    expect(await call(fixture.service, 'listItems', { trashed: false })).toHaveLength(7);
    expect(changes(fixture)).toBe(1);
  });

  it('skips duplicates unless asked to keep them, and puts items trashed in the export into the trash', async () => {
    const fixture = await startUnlockedService(nextPath());
    const enpass = await preview(fixture, exportFile(ENPASS));
    expect(await call(fixture.service, 'applyImport', { importId: enpass.importId, keepDuplicates: false })).toEqual({ added: 8, skippedDuplicates: 0 });
    expect(await call(fixture.service, 'listItems', { trashed: true })).toHaveLength(2);
    expect(await call(fixture.service, 'listItems', { trashed: false })).toHaveLength(6);

    const skipped = await preview(fixture, exportFile(AEGIS_PLAIN));
    await call(fixture.service, 'applyImport', { importId: skipped.importId, keepDuplicates: false });
    const again = await preview(fixture, exportFile(AEGIS_PLAIN));
    expect(again.duplicates).toHaveLength(7);
    expect(await call(fixture.service, 'applyImport', { importId: again.importId, keepDuplicates: false })).toEqual({ added: 0, skippedDuplicates: 7 });
    const kept = await preview(fixture, exportFile(AEGIS_PLAIN));
    expect(await call(fixture.service, 'applyImport', { importId: kept.importId, keepDuplicates: true })).toEqual({ added: 7, skippedDuplicates: 0 });
    expect(await call(fixture.service, 'listItems', { trashed: false })).toHaveLength(6 + 14);
  });
});

describe('the kept import', () => {
  it('is forgotten when the vault locks', async () => {
    const fixture = await startUnlockedService(nextPath());
    const { importId } = await preview(fixture, exportFile(AEGIS_PLAIN));
    await call(fixture.service, 'lock', {});
    expect(await callFailure(fixture.service, 'applyImport', { importId, keepDuplicates: false })).toMatchObject({ code: 'VAULT_LOCKED' });
    await call(fixture.service, 'unlock', { password: TEST_PASSWORD });
    expect(await callFailure(fixture.service, 'applyImport', { importId, keepDuplicates: false })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await call(fixture.service, 'listItems', { trashed: false })).toEqual([]);
  });

  it('is not kept when the vault locks while the export is being decrypted', async () => {
    const fixture = await startUnlockedService(nextPath());
    // Aegis derives the export's key with scrypt, asynchronously: the lock lands in the middle.
    const reading = fixture.service.dispatch('previewImport', exportFile(AEGIS_ENCRYPTED, AEGIS_PASSWORD));
    await call(fixture.service, 'lock', {});
    expect(await reading).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  it('is replaced by a new preview, even one that fails, and forgotten when discarded', async () => {
    const fixture = await startUnlockedService(nextPath());
    const first = await preview(fixture, exportFile(AEGIS_PLAIN));
    const second = await preview(fixture, exportFile(ENPASS));
    expect(second.importId).not.toBe(first.importId);
    expect(await callFailure(fixture.service, 'applyImport', { importId: first.importId, keepDuplicates: false })).toMatchObject({ code: 'INVALID_INPUT' });
    await callFailure(fixture.service, 'previewImport', exportFile(AEGIS_ENCRYPTED, WRONG_PASSWORD));
    expect(await callFailure(fixture.service, 'applyImport', { importId: second.importId, keepDuplicates: false })).toMatchObject({ code: 'INVALID_INPUT' });

    const third = await preview(fixture, exportFile(AEGIS_PLAIN));
    // Discarding another id (an import already gone) leaves the kept one alone.
    expect(await call(fixture.service, 'discardImport', { importId: first.importId })).toBeNull();
    expect(await call(fixture.service, 'discardImport', { importId: third.importId })).toBeNull();
    expect(await callFailure(fixture.service, 'applyImport', { importId: third.importId, keepDuplicates: false })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await call(fixture.service, 'listItems', { trashed: false })).toEqual([]);
    expect(changes(fixture)).toBe(0);
  });

  it('never travels back: no secret and no export password in any answer', async () => {
    const fixture = await startUnlockedService(nextPath());
    const answers: unknown[] = [];
    const record = async (name: 'previewImport' | 'applyImport', payload: unknown) => {
      const result = await fixture.service.dispatch(name, payload);
      answers.push(result);
      return result;
    };
    await record('previewImport', exportFile(AEGIS_ENCRYPTED));
    await record('previewImport', exportFile(AEGIS_ENCRYPTED, WRONG_PASSWORD));
    const read = await record('previewImport', exportFile(AEGIS_ENCRYPTED, AEGIS_PASSWORD));
    await record('applyImport', { importId: (read as { value: Preview }).value.importId, keepDuplicates: false });
    await record('previewImport', exportFile(ENPASS));
    await record('previewImport', exportFile(AEGIS_PLAIN));
    const text = JSON.stringify(answers);
    for (const vector of ALL_SEVEN) expect(text).not.toContain(vector.secret);
    for (const leak of ['secret=', 'otpauth', 'QG4RPWYF4T23V62G4TA3NE4374', 'qg4r pwyf', WRONG_PASSWORD]) expect(text).not.toContain(leak);
  });
});
