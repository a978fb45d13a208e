import { describe, expect, it } from 'vitest';
import { andotpImporter } from '../../../src/main/importers/andotpImporter.js';
import type { ImportInput, ImportResult } from '../../../src/main/importers/importTypes.js';
import {
  ALL_SEVEN,
  FIRST_SIX,
  detectedFixtures,
  editedInput,
  expectAccounts,
  expectPublishedCodes,
  fixtureInput,
  randomBytes,
  skippedProblem,
} from '../../support/aegisTestVectors.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

/** andOTP names its encrypted backups `otp_accounts[_date].json.aes`; the fixtures were renamed to .bin. */
const NEW_FORMAT = 'andotp_encrypted.bin';
const OLD_FORMAT = 'andotp_encrypted_old.bin';

function read(input: ImportInput, password?: string): Promise<ImportResult> {
  return Promise.resolve(andotpImporter.read(input, password));
}

function renamed(input: ImportInput, fileName: string): ImportInput {
  return { ...input, fileName };
}

describe('andotpImporter: the andOTP test files', () => {
  it('reads andotp_plain.json (secrets padded with "======") as vectors 1–7', async () => {
    const result = await read(fixtureInput('andotp_plain.json'));
    expect(result.format).toBe('andotp');
    expect(result.problems).toEqual([]);
    expectAccounts(result, ALL_SEVEN);
    expect(expectPublishedCodes(result)).toBe(3);
    for (const item of result.items) expect(item.content.tags).toEqual([]);
  });

  it('decrypts the new format (PBKDF2-HMAC-SHA1, 145,776 rounds, AES-GCM) to vectors 1–7', async () => {
    const result = await read(fixtureInput(NEW_FORMAT), 'test');
    expect(result.problems).toEqual([]);
    expectAccounts(result, ALL_SEVEN);
    expect(expectPublishedCodes(result)).toBe(3);
  });

  it('decrypts the old format (SHA-256 key) to vectors 1–6, splitting its "Issuer - Issuer:name" labels back', async () => {
    const result = await read(fixtureInput(OLD_FORMAT), 'test');
    expect(result.problems).toEqual([]);
    expectAccounts(result, FIRST_SIX);
    expect(expectPublishedCodes(result)).toBe(3);
  });

  it('keeps tags and reads "Issuer - name" labels without an issuer field', async () => {
    const input = editedInput(fixtureInput('andotp_plain.json'), (text) =>
      text
        .replace('"issuer":"Deno","label":"Mason"', '"label":"Deno - Mason"')
        .replace('"period":30,"tags":[]', '"period":30,"tags":["Work"," Work ","", 7]'),
    );
    const result = await read(input);
    expectAccounts(result, ALL_SEVEN);
    expect(result.items[0]!.content.tags).toEqual(['Work']);
  });
});

describe('andotpImporter: passwords and damage', () => {
  it.each([NEW_FORMAT, OLD_FORMAT])('asks for the password of %s', async (file) => {
    await expect(read(fixtureInput(file))).rejects.toEqual(vaultErrorLike('INVALID_INPUT', 'This andOTP export is encrypted: enter its password.'));
  });

  it.each([NEW_FORMAT, OLD_FORMAT])('says WRONG_PASSWORD for a wrong password on %s', async (file) => {
    await expect(read(fixtureInput(file), 'wrong')).rejects.toEqual(vaultErrorLike('WRONG_PASSWORD', 'The password for this andOTP export is wrong.'));
  });

  it('says WRONG_PASSWORD for a changed ciphertext (GCM cannot tell the two apart)', async () => {
    const bytes = new Uint8Array(fixtureInput(NEW_FORMAT).bytes);
    bytes[40]! ^= 1;
    await expect(read({ fileName: NEW_FORMAT, bytes }, 'test')).rejects.toEqual(vaultErrorLike('WRONG_PASSWORD', 'wrong'));
  });

  it('says UNSUPPORTED_FORMAT for a file too short to be a backup, and for JSON that is not a list', async () => {
    await expect(read({ fileName: 'otp_accounts.json.aes', bytes: randomBytes(20) }, 'test')).rejects.toEqual(
      vaultErrorLike('UNSUPPORTED_FORMAT', 'too short'),
    );
    await expect(read(editedInput(fixtureInput('andotp_plain.json'), (text) => `{"accounts":${text}}`))).rejects.toEqual(
      vaultErrorLike('UNSUPPORTED_FORMAT', 'not a list of andOTP accounts'),
    );
  });

  it('skips one unusable account with a problem and imports the rest', async () => {
    const input = editedInput(fixtureInput('andotp_plain.json'), (text) =>
      text.replace('"type":"TOTP"', '"type":"MOTP"').replace('"digits":7', '"digits":12'),
    );
    const result = await read(input);
    expectAccounts(result, ALL_SEVEN.slice(2));
    expect(result.problems).toEqual([
      skippedProblem('Deno', '"MOTP" accounts are not supported'),
      skippedProblem('SPDX', 'Invalid digits "12"'),
    ]);
  });
});

describe('andotpImporter: detection', () => {
  it('recognises the plain and new-format files among all fixtures, and not random bytes', () => {
    expect(detectedFixtures(andotpImporter)).toEqual(['andotp_encrypted.bin', 'andotp_plain.json']);
    expect(andotpImporter.detect({ fileName: 'noise.bin', bytes: randomBytes(1190) })).toBe(false);
  });

  it('recognises an old-format backup only by andOTP\'s file name, since its content is indistinguishable from noise', () => {
    expect(andotpImporter.detect(renamed(fixtureInput(OLD_FORMAT), 'otp_accounts.json.aes'))).toBe(true);
    expect(andotpImporter.detect(renamed(fixtureInput('andotp_plain.json'), 'otp_accounts.json.aes'))).toBe(true);
    expect(andotpImporter.detect({ fileName: 'notes.json.aes', bytes: new TextEncoder().encode('just some text, not a backup') })).toBe(false);
  });

  it('treats every input that is not JSON as encrypted', () => {
    expect([NEW_FORMAT, OLD_FORMAT, 'andotp_plain.json'].map((file) => andotpImporter.isEncrypted(fixtureInput(file)))).toEqual([true, true, false]);
  });
});
