import { describe, expect, it } from 'vitest';
import { aegisImporter } from '../../../src/main/importers/aegisImporter.js';
import type { ImportInput, ImportResult } from '../../../src/main/importers/importTypes.js';
import {
  ALL_SEVEN,
  VECTORS,
  detectedFixtures,
  editedInput,
  expectAccounts,
  expectPublishedCodes,
  fixtureInput,
  randomBytes,
  skippedProblem,
} from '../../support/aegisTestVectors.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

const AEGIS_FILES = ['aegis_plain.json', 'aegis_encrypted.json', 'aegis_plain_grouped_v2.json'];

function read(input: ImportInput, password?: string): Promise<ImportResult> {
  return Promise.resolve(aegisImporter.read(input, password));
}

/** The plain vault with its database replaced by `database`. */
function plainWith(database: unknown): ImportInput {
  const vault = { version: 1, header: { slots: null, params: null }, db: database };
  return { fileName: 'aegis.json', bytes: new TextEncoder().encode(JSON.stringify(vault)) };
}

describe('aegisImporter: the Aegis test files', () => {
  it('reads aegis_plain.json as vectors 1–7, with the published codes', async () => {
    const result = await read(fixtureInput('aegis_plain.json'));
    expect(result.format).toBe('aegis');
    expect(result.problems).toEqual([]);
    expectAccounts(result, ALL_SEVEN);
    expect(expectPublishedCodes(result)).toBe(3);
    for (const item of result.items) expect(item.content).toMatchObject({ tags: [], notes: '', favorite: false });
  });

  it('decrypts aegis_encrypted.json (scrypt N=32768 slot, password "test") to vectors 1–7', async () => {
    const input = fixtureInput('aegis_encrypted.json');
    expect(aegisImporter.isEncrypted(input)).toBe(true);
    const result = await read(input, 'test');
    expect(result.problems).toEqual([]);
    expectAccounts(result, ALL_SEVEN);
    expect(expectPublishedCodes(result)).toBe(3);
  });

  it('turns the old per-entry "group" names of aegis_plain_grouped_v2.json into tags', async () => {
    const result = await read(fixtureInput('aegis_plain_grouped_v2.json'));
    expectAccounts(result, ALL_SEVEN);
    expect(result.items.map((item) => [item.content.title, item.content.tags])).toEqual([
      ['Deno', ['group1']],
      ['SPDX', []],
      ['Airbnb', ['group1']],
      ['Issuu', ['group2']],
      ['Air Canada', []],
      ['WWE', []],
      ['Boeing', []],
    ]);
  });

  it('reads version 3 groups by uuid, notes and favourites', async () => {
    const entry = (uuid: string, groups: string[], extra: object) => ({
      type: 'totp',
      uuid,
      name: 'Mason',
      issuer: 'Deno',
      info: { secret: VECTORS.deno.secret, algo: 'SHA1', digits: 6, period: 30 },
      groups,
      ...extra,
    });
    const result = await read(
      plainWith({
        version: 3,
        entries: [entry('a', ['g1', 'g2', 'missing'], { note: 'Recovery codes in the safe', favorite: true }), entry('b', [], {})],
        groups: [
          { uuid: 'g1', name: 'Work' },
          { uuid: 'g2', name: 'Personal' },
        ],
      }),
    );
    expect(result.items.map((item) => [item.content.tags, item.content.notes, item.content.favorite])).toEqual([
      [['Work', 'Personal'], 'Recovery codes in the safe', true],
      [[], '', false],
    ]);
  });
});

describe('aegisImporter: passwords and damage', () => {
  it('asks for the password of an encrypted vault', async () => {
    await expect(read(fixtureInput('aegis_encrypted.json'))).rejects.toEqual(
      vaultErrorLike('INVALID_INPUT', 'This Aegis export is encrypted: enter its password.'),
    );
  });

  it('says WRONG_PASSWORD for a wrong password', async () => {
    await expect(read(fixtureInput('aegis_encrypted.json'), 'wrong')).rejects.toEqual(
      vaultErrorLike('WRONG_PASSWORD', 'The password for this Aegis export is wrong.'),
    );
  });

  it('says WRONG_PASSWORD when the slot was tampered with (GCM cannot tell the two apart)', async () => {
    const input = editedInput(fixtureInput('aegis_encrypted.json'), (text) => text.replace('"tag": "931237af', '"tag": "031237af'));
    await expect(read(input, 'test')).rejects.toEqual(vaultErrorLike('WRONG_PASSWORD', 'wrong'));
  });

  it('says UNSUPPORTED_FORMAT when the database was changed after the right password opened the slot', async () => {
    const input = editedInput(fixtureInput('aegis_encrypted.json'), (text) => text.replace('"db": "RtGf', '"db": "AtGf'));
    await expect(read(input, 'test')).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'does not match its key'));
  });

  it.each([
    ['a cut-off file', (text: string) => text.slice(0, 200), 'not an Aegis vault file'],
    ['a newer file version', (text: string) => text.replace('"version": 1,', '"version": 2,'), 'file version 2'],
    ['a newer database version', (text: string) => text.replace(/"db": \{\s*"version": 1/, '"db": { "version": 9'), 'database version 9 is newer'],
    ['entries that are not a list', (text: string) => text.replace('"entries": [', '"entries": {"x": [').replace(/\]\s*\}\s*\}\s*$/, ']}}}'), 'no list of entries'],
  ])('says UNSUPPORTED_FORMAT for %s', async (_name, edit, message) => {
    await expect(read(editedInput(fixtureInput('aegis_plain.json'), edit))).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', message));
  });

  it('says UNSUPPORTED_FORMAT for slots that are not password slots or ask for absurd scrypt costs', async () => {
    const encrypted = fixtureInput('aegis_encrypted.json');
    await expect(read(editedInput(encrypted, (text) => text.replace('"type": 1,', '"type": 2,')), 'test')).rejects.toEqual(
      vaultErrorLike('UNSUPPORTED_FORMAT', 'no password slot'),
    );
    await expect(read(editedInput(encrypted, (text) => text.replace('"n": 32768', '"n": 1073741824')), 'test')).rejects.toEqual(
      vaultErrorLike('UNSUPPORTED_FORMAT', 'scrypt parameters'),
    );
  });

  it('skips one unusable entry with a problem and imports the rest', async () => {
    const input = editedInput(fixtureInput('aegis_plain.json'), (text) =>
      text.replace('"type": "totp"', '"type": "motp"').replace('"secret": "5OM4WOOGPLQEF6UGN3CPEOOLWU"', '"secret": "NOT-BASE32-0"'),
    );
    const result = await read(input);
    expectAccounts(result, ALL_SEVEN.slice(2));
    expect(result.problems).toEqual([
      skippedProblem('Deno', '"motp" accounts are not supported'),
      skippedProblem('SPDX', 'not a base32 letter'),
    ]);
  });
});

describe('aegisImporter: detection', () => {
  it('recognises only the Aegis files among all fixtures, and not random bytes', () => {
    expect(detectedFixtures(aegisImporter)).toEqual([...AEGIS_FILES].sort());
    expect(aegisImporter.detect({ fileName: 'noise.json', bytes: randomBytes(4096) })).toBe(false);
  });

  it('tells encrypted from plain', () => {
    expect(AEGIS_FILES.map((name) => aegisImporter.isEncrypted(fixtureInput(name)))).toEqual([false, true, false]);
  });
});
