import { createCipheriv, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { twofasImporter } from '../../../src/main/importers/twofasImporter.js';
import type { ImportInput, ImportResult } from '../../../src/main/importers/importTypes.js';
import type { OtpParameters } from '../../../src/main/otp/index.js';
import {
  FIRST_SIX,
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

const PLAIN = {
  1: '2fas_authenticator.json',
  2: '2fas_authenticator_plain.2fas',
  3: '2fas_authenticator_plain_v3.2fas',
  4: '2fas_authenticator_plain_v4.2fas',
} as const;
const ENCRYPTED = {
  2: '2fas_authenticator_encrypted.2fas',
  3: '2fas_authenticator_encrypted_v3.2fas',
  4: '2fas_authenticator_encrypted_v4.2fas',
} as const;

/** A schema 4 backup whose services are `content`, encrypted as 2FAS does with the password "test". */
function sealedBackup(content: string): ImportInput {
  const salt = Buffer.alloc(256, 7);
  const nonce = Buffer.alloc(12, 9);
  const cipher = createCipheriv('aes-256-gcm', pbkdf2Sync('test', salt, 10_000, 32, 'sha256'), nonce);
  const sealed = Buffer.concat([cipher.update(content, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const servicesEncrypted = [sealed, salt, nonce].map((part) => part.toString('base64')).join(':');
  return { fileName: 'sealed.2fas', bytes: new TextEncoder().encode(JSON.stringify({ services: [], groups: [], schemaVersion: 4, servicesEncrypted })) };
}

function read(input: ImportInput, password?: string): Promise<ImportResult> {
  return Promise.resolve(twofasImporter.read(input, password));
}

/** As 2FAS could hold it before schema 3: TOTP with the vector's algorithm, digits and period (30 for HOTP). */
function asTotp(vector: OtpParameters): OtpParameters {
  return { ...vector, type: 'totp', period: vector.type === 'hotp' ? 30 : vector.period, counter: 0 };
}

/** Schema 1 records neither type nor settings: plain TOTP SHA1/6/30. */
function asPlainTotp(vector: OtpParameters): OtpParameters {
  return { ...vector, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };
}

const SCHEMA_2 = [VECTORS.deno, VECTORS.airbnb, VECTORS.issuu, VECTORS.wwe].map(asTotp);
const SCHEMA_4 = [VECTORS.deno, VECTORS.issuu, VECTORS.airCanada, VECTORS.wwe, VECTORS.boeing];

describe('twofasImporter: the 2FAS test files', () => {
  it('reads schema 1 (2fas_authenticator.json) as plain TOTP SHA1/6/30', async () => {
    const result = await read(fixtureInput(PLAIN[1]));
    expect(result.format).toBe('twofas');
    expect(result.problems).toEqual([]);
    expectAccounts(result, FIRST_SIX.map(asPlainTotp));
    expect(expectPublishedCodes(result)).toBe(1);
    expect(result.items[0]!.updatedAt).toBe(1618417205843);
  });

  it.each([
    ['plain', PLAIN[2], undefined],
    ['encrypted', ENCRYPTED[2], 'test'],
  ])('reads schema 2 %s as TOTP keeping algorithm, digits and period, and notes the HOTP accounts whose counter is lost', async (_kind, file, password) => {
    const result = await read(fixtureInput(file), password);
    expectAccounts(result, SCHEMA_2);
    expect(expectPublishedCodes(result)).toBe(2);
    expect(result.problems).toEqual(
      ['Issuu', 'WWE'].map((item) => ({ item, what: 'HOTP counter', reason: expect.stringContaining('imported as TOTP'), kind: 'invalid' })),
    );
  });

  it.each([
    ['plain', PLAIN[3], undefined],
    ['encrypted', ENCRYPTED[3], 'test'],
  ])('reads schema 3 %s as vectors 1–6 exactly, HOTP counters included', async (_kind, file, password) => {
    const result = await read(fixtureInput(file), password);
    expect(result.problems).toEqual([]);
    expectAccounts(result, FIRST_SIX);
    expect(expectPublishedCodes(result)).toBe(3);
  });

  it.each([
    ['plain', PLAIN[4], undefined],
    ['encrypted', ENCRYPTED[4], 'test'],
  ])('reads schema 4 %s as Deno, Issuu, Air Canada, WWE and Boeing (Steam) exactly', async (_kind, file, password) => {
    const result = await read(fixtureInput(file), password);
    expect(result.problems).toEqual([]);
    expectAccounts(result, SCHEMA_4);
  });

  it('turns groups into tags', async () => {
    const input = editedInput(fixtureInput(PLAIN[4]), (text) => {
      const backup = JSON.parse(text) as { services: { groupId?: string }[]; groups: unknown[] };
      backup.groups = [{ id: 'g-1', name: 'Work', isExpanded: true }];
      backup.services[0]!.groupId = 'g-1';
      backup.services[1]!.groupId = 'unknown';
      return JSON.stringify(backup);
    });
    const result = await read(input);
    expect(result.items.map((item) => item.content.tags)).toEqual([['Work'], [], [], [], []]);
  });
});

describe('twofasImporter: passwords and damage', () => {
  it('asks for the password of an encrypted backup', async () => {
    await expect(read(fixtureInput(ENCRYPTED[3]))).rejects.toEqual(vaultErrorLike('INVALID_INPUT', 'This 2FAS export is encrypted: enter its password.'));
  });

  it('says WRONG_PASSWORD for a wrong password', async () => {
    await expect(read(fixtureInput(ENCRYPTED[4]), 'wrong')).rejects.toEqual(
      vaultErrorLike('WRONG_PASSWORD', 'The password for this 2FAS export is wrong.'),
    );
  });

  it.each([
    ['only two parts', (text: string) => text.replace(/"servicesEncrypted":"[^":]*:/, '"servicesEncrypted":"'), 'three base64 parts'],
    ['a part that is not base64', (text: string) => text.replace('"servicesEncrypted":"', '"servicesEncrypted":"*'), 'three base64 parts'],
    ['a newer schema', (text: string) => text.replace('"schemaVersion":4', '"schemaVersion":5'), 'schema version 5 is newer'],
  ])('says UNSUPPORTED_FORMAT for %s', async (_name, edit, message) => {
    await expect(read(editedInput(fixtureInput(ENCRYPTED[4]), edit), 'test')).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', message));
  });

  it('says UNSUPPORTED_FORMAT for decrypted services that are not JSON or not a list, and for a cut-off file', async () => {
    await expect(read(sealedBackup('{"services": ['), 'test')).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'decrypted services are not JSON'));
    await expect(read(sealedBackup('{"services": []}'), 'test')).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', '"services" is not a list'));
    await expect(read(editedInput(fixtureInput(PLAIN[4]), (text) => text.slice(0, 300)))).rejects.toEqual(
      vaultErrorLike('UNSUPPORTED_FORMAT', 'not a 2FAS backup'),
    );
  });

  it('skips one unusable service with a problem and imports the rest', async () => {
    const input = editedInput(fixtureInput(PLAIN[4]), (text) =>
      text.replace('"tokenType":"TOTP"', '"tokenType":"YANDEX"').replace('"secret":"YOOMIXWS5GN6RTBPUFFWKTW5M4"', '"secret":"YOOMIXWS5GN6RTBPUFFWKTW5M"'),
    );
    const result = await read(input);
    expectAccounts(result, SCHEMA_4.slice(2));
    expect(result.problems).toEqual([
      skippedProblem('Deno', '"YANDEX" accounts are not supported'),
      skippedProblem('Issuu', 'cut off'),
    ]);
  });
});

describe('twofasImporter: detection', () => {
  it('recognises only the 2FAS files among all fixtures, and not random bytes', () => {
    expect(detectedFixtures(twofasImporter)).toEqual([...Object.values(PLAIN), ...Object.values(ENCRYPTED)].sort());
    expect(twofasImporter.detect({ fileName: 'noise.2fas', bytes: randomBytes(4096) })).toBe(false);
  });

  it('tells encrypted from plain', () => {
    expect(Object.values(PLAIN).map((file) => twofasImporter.isEncrypted(fixtureInput(file)))).toEqual([false, false, false, false]);
    expect(Object.values(ENCRYPTED).map((file) => twofasImporter.isEncrypted(fixtureInput(file)))).toEqual([true, true, true]);
  });
});
