import { describe, expect, it } from 'vitest';
import { authyImporter } from '../../../src/main/importers/authyImporter.js';
import type { ImportInput, ImportResult } from '../../../src/main/importers/importTypes.js';
import type { OtpParameters } from '../../../src/main/otp/index.js';
import {
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

const AUTHY_FILES = ['authy_encrypted.xml', 'authy_plain.xml'];

/**
 * Authy keeps digits only. The vectors come out with SHA1 (as Aegis's test forces) and Authy's 30-second
 * period: Aegis's test copies the vector's period onto the imported entry before comparing, which an import
 * cannot do, so SPDX (20 s) and Airbnb (50 s) differ from their vectors in period here.
 */
function asAuthy(vector: OtpParameters): OtpParameters {
  return { ...vector, algorithm: 'SHA1', period: 30 };
}

const EXPECTED = [VECTORS.deno, VECTORS.spdx, VECTORS.airbnb].map(asAuthy);

function read(input: ImportInput, password?: string): Promise<ImportResult> {
  return Promise.resolve(authyImporter.read(input, password));
}

describe('authyImporter: the Authy test files', () => {
  it.each([
    ['authy_plain.xml', undefined],
    ['authy_encrypted.xml', 'testtest'],
  ])('reads %s as vectors 1–3 with SHA1 and a 30-second period', async (file, password) => {
    const result = await read(fixtureInput(file), password);
    expect(result.format).toBe('authy');
    expect(result.problems).toEqual([]);
    expectAccounts(result, EXPECTED);
    // Only Deno keeps its vector's settings, so only its published code applies; the others match RFC 6238.
    expect(expectPublishedCodes(result)).toBe(1);
  });

  it('reads Authy\'s own tokens (hex seed, 10-second codes) and names without an original issuer', async () => {
    const tokens = [
      { secretSeed: 'e5127ea4ccfcc3f80e1d79a4b38e4a1d', digits: 7, name: 'Twilio', accountType: 'authy' },
      { accountType: 'google', digits: 6, decryptedSecret: VECTORS.deno.secret, name: 'Google - alice@example.com' },
      { accountType: 'github', digits: 6, decryptedSecret: VECTORS.deno.secret, originalName: 'GitHub:bob', name: 'GitHub: bob' },
      { accountType: 'dropbox', digits: 6, decryptedSecret: VECTORS.deno.secret, name: 'carol' },
    ];
    const preference = `<string name="com.authy.storage.tokens.authy.key">${escapeXml(JSON.stringify(tokens))}</string>`;
    const xml = `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n    ${preference}\n</map>\n`;
    const result = await read({ fileName: 'com.authy.storage.tokens.authy.xml', bytes: new TextEncoder().encode(xml) });
    expect(result.problems).toEqual([]);
    expect(result.items.map((item) => [item.content.title, item.content.username])).toEqual([
      ['Twilio', ''],
      ['Google', 'alice@example.com'],
      ['GitHub', 'bob'],
      ['Dropbox', 'carol'],
    ]);
    expect(result.items[0]!.content.otp[0]!.uri).toMatch(/^otpauth:\/\/totp\/.*secret=4UJH5JGM7TB7QDQ5PGSLHDSKDU.*digits=7.*period=10/);
  });
});

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

describe('authyImporter: passwords and damage', () => {
  it('asks for the backup password of encrypted secrets', async () => {
    await expect(read(fixtureInput('authy_encrypted.xml'))).rejects.toEqual(vaultErrorLike('INVALID_INPUT', 'This Authy export is encrypted: enter its password.'));
  });

  it('says WRONG_PASSWORD when no secret opens', async () => {
    await expect(read(fixtureInput('authy_encrypted.xml'), 'test')).rejects.toEqual(
      vaultErrorLike('WRONG_PASSWORD', 'The password for this Authy export is wrong.'),
    );
  });

  it('skips the one secret that does not open when the others do', async () => {
    const input = editedInput(fixtureInput('authy_encrypted.xml'), (text) => text.replace('0fdhb8g0FBqjZL9mSi13d0+gQ7my', 'AAAAAAAAFBqjZL9mSi13d0+gQ7my'));
    const result = await read(input, 'testtest');
    expectAccounts(result, [EXPECTED[0]!, EXPECTED[2]!]);
    expect(result.problems).toEqual([skippedProblem('SPDX', 'could not be decrypted')]);
  });

  it('says UNSUPPORTED_FORMAT for a token list that is not JSON, and for XML without Authy tokens', async () => {
    const broken = editedInput(fixtureInput('authy_plain.xml'), (text) => text.replace('[{&quot;accountType', '[{accountType'));
    await expect(read(broken)).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'not valid JSON'));
    await expect(read(fixtureInput('battle_net_authenticator.xml'))).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'no Authy token preference'));
  });

  it('skips one unusable token with a problem and imports the rest', async () => {
    const input = editedInput(fixtureInput('authy_plain.xml'), (text) => text.replace('&quot;digits&quot;:7', '&quot;digits&quot;:4'));
    const result = await read(input);
    expectAccounts(result, [EXPECTED[0]!, EXPECTED[2]!]);
    expect(result.problems).toEqual([skippedProblem('SPDX', 'Invalid digits "4"')]);
  });
});

describe('authyImporter: detection', () => {
  it('recognises only the Authy files among all fixtures, and not random bytes', () => {
    expect(detectedFixtures(authyImporter)).toEqual(AUTHY_FILES);
    expect(authyImporter.detect({ fileName: 'noise.xml', bytes: randomBytes(2048) })).toBe(false);
  });

  it('tells encrypted from plain', () => {
    expect(AUTHY_FILES.map((file) => authyImporter.isEncrypted(fixtureInput(file)))).toEqual([true, false]);
  });
});
