import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { googleAuthenticatorImporter } from '../../../src/main/importers/googleAuthenticatorImporter.js';
import type { ImportInput, ImportResult } from '../../../src/main/importers/importTypes.js';
import { parseOtpauthUri } from '../../../src/main/otp/index.js';
import { OTHERS_FIXTURES, detectedFixtures, fixtureInput, importedAccounts, randomBytes } from '../../support/aegisTestVectors.js';
import { account, migrationUri, payload } from '../../support/migrationEncoder.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

const GOOGLE = new URL('google-authenticator/', OTHERS_FIXTURES);

async function read(input: ImportInput): Promise<ImportResult> {
  return googleAuthenticatorImporter.read(input);
}

function textInput(text: string, fileName = 'transfer.txt'): ImportInput {
  return { fileName, bytes: new TextEncoder().encode(text) };
}

interface ExpectedEntry {
  readonly name: string;
  readonly secret: string;
  readonly issuer: string;
  readonly type: 'totp' | 'hotp';
  readonly counter: number | null;
}

const EXAMPLE_OUTPUT = JSON.parse(readFileSync(new URL('example_output.expected.json', GOOGLE), 'utf8')) as ExpectedEntry[];

/**
 * Our agreed account mapping (test/integration/cli/cliScan.test.ts): a name "Issuer: account" without an issuer
 * is split into the two; with an issuer the name stays whole. Google Authenticator exports have no period
 * and here only SHA1 and six digits.
 */
function expectedAccount({ name, secret, issuer, type, counter }: ExpectedEntry) {
  const colon = name.indexOf(':');
  const split = issuer === '' && colon !== -1;
  return {
    type,
    secret,
    issuer: split ? name.slice(0, colon).trim() : issuer,
    account: split ? name.slice(colon + 1).trim() : name,
    algorithm: 'SHA1',
    digits: 6,
    period: type === 'hotp' ? 0 : 30,
    counter: counter ?? 0,
  };
}

function summaries(result: ImportResult) {
  return importedAccounts(result).map(({ type, secret, issuer, account: name, algorithm, digits, period, counter }) => ({
    type,
    secret,
    issuer,
    account: name,
    algorithm,
    digits,
    period,
    counter,
  }));
}

describe('googleAuthenticatorImporter: the extract_otp_secrets exports', () => {
  it('reads example_export.txt as example_output.expected.json, one item per account', async () => {
    const input = fixtureInput('example_export.txt', GOOGLE);
    expect(googleAuthenticatorImporter.isEncrypted(input)).toBe(false);
    const result = await read(input);
    expect(result.format).toBe('google-authenticator');
    expect(result.problems).toEqual([]);
    expect(summaries(result)).toEqual(EXAMPLE_OUTPUT.map(expectedAccount));
    // The sixth name has a colon and no issuer: "encoding" becomes the issuer and names the item.
    expect(result.items.map((item) => [item.content.title, item.content.username])).toEqual([
      ['raspberrypi', 'pi@raspberrypi'],
      ['pi@raspberrypi', 'pi@raspberrypi'],
      ['pi@raspberrypi', 'pi@raspberrypi'],
      ['raspberrypi', 'pi@raspberrypi'],
      ['hotp demo', 'hotp demo'],
      ['encoding', '¿äÄéÉ? (demo)'],
    ]);
  });

  it('reads example_export_only_totp.txt as the TOTP entries of the same output', async () => {
    const result = await read(fixtureInput('example_export_only_totp.txt', GOOGLE));
    expect(result.problems).toEqual([]);
    expect(summaries(result)).toEqual(EXAMPLE_OUTPUT.filter((entry) => entry.type === 'totp').map(expectedAccount));
  });

  it('reads test_plus_problem_export.txt, whose data has raw "+" and "/", as its four SerenityLabs accounts', async () => {
    const result = await read(fixtureInput('test_plus_problem_export.txt', GOOGLE));
    expect(result.problems).toEqual([]);
    const secrets = ['A4RFDYMF4GSLUIBQV4ZP67OJEZ2XUQVM', 'SCDDZ7PW5MOZLE3PQCAZM7L4S35K3UDX', 'TR76272RVYO6EAEY2FX7W7R7KUDEGPJ4', 'N2ILWSXSJUQUB7S6NONPJSC62NPG7EXN'];
    // With an issuer set, the name keeps its "SerenityLabs:" prefix, as Aegis imports it.
    expect(summaries(result)).toEqual(
      secrets.map((secret, index) => ({
        type: 'totp',
        secret,
        issuer: 'SerenityLabs',
        account: `SerenityLabs:test${index + 1}@serenitylabs.co.uk`,
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
      })),
    );
  });
});

describe('googleAuthenticatorImporter: what it cannot take over', () => {
  const batch = (index: number, size: number, id = -7) => migrationUri(payload([account({ name: `account ${index + 1}` })], { size, index, id }));

  it('says which QR codes of a batch are missing, and imports the ones there', async () => {
    const result = await read(textInput([batch(0, 4), batch(2, 4), batch(0, 2, 99), batch(1, 2, 99)].join('\n')));
    expect(result.items.map((item) => item.content.username)).toEqual(['account 1', 'account 3', 'account 1', 'account 2']);
    expect(result.problems).toEqual([
      { item: '', what: 'QR codes 2 and 4 of 4', reason: expect.stringContaining('not in the file'), kind: 'skipped' },
    ]);
  });

  it('names a single missing code, and counts rather than lists the codes of an absurd batch', async () => {
    const one = await read(textInput([batch(0, 2)].join('\n')));
    expect(one.problems).toEqual([{ item: '', what: 'QR code 2 of 2', reason: expect.stringContaining('this one is not in the file'), kind: 'skipped' }]);
    const absurd = await read(textInput(batch(0, 2_000_000_000)));
    expect(absurd.problems).toEqual([{ item: '', what: '1999999999 of 2000000000 QR codes', reason: expect.any(String), kind: 'skipped' }]);
  });

  it('reports an unusable account and an unreadable line, and imports the rest', async () => {
    const md5 = migrationUri(payload([account({ name: 'alice', issuer: 'Old', algorithm: 4 }), account({ name: 'bob' })]));
    const result = await read(textInput(['# transfer', md5, 'otpauth-migration://offline?data=%%%', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'].join('\n')));
    expect(result.items.map((item) => item.content.username)).toEqual(['bob']);
    expect(result.problems).toEqual([
      { item: 'Old', what: 'item', reason: expect.stringContaining('MD5'), kind: 'skipped' },
      { item: '', what: 'line 3', reason: expect.stringContaining('%-escape'), kind: 'skipped' },
      { item: '', what: 'line 4', reason: expect.stringContaining('not an otpauth-migration:// URI'), kind: 'skipped' },
    ]);
    expect(parseOtpauthUri(result.items[0]!.content.otp[0]!.uri).secret).toBe('JBSWY3DPEHPK3PXP');
  });
});

describe('googleAuthenticatorImporter: detection and damaged files', () => {
  it('recognises the three exports and no other fixture (not the expected-output JSON)', () => {
    expect(detectedFixtures(googleAuthenticatorImporter)).toEqual([
      'example_export.txt',
      'example_export_only_totp.txt',
      'test_plus_problem_export.txt',
    ]);
  });

  it('recognises content only and rejects noise, empty and mixed text', () => {
    const single = migrationUri(payload([account({})]));
    expect(googleAuthenticatorImporter.detect(textInput(single, 'scan.bin'))).toBe(true);
    expect(googleAuthenticatorImporter.detect(textInput(''))).toBe(false);
    expect(googleAuthenticatorImporter.detect(textInput(`${single}\notpauth://totp/x?secret=JBSWY3DPEHPK3PXP`))).toBe(false);
    expect(googleAuthenticatorImporter.detect({ fileName: 'example_export.txt', bytes: randomBytes(1024) })).toBe(false);
  });

  it('refuses text without otpauth-migration:// lines, and non-text, with UNSUPPORTED_FORMAT', async () => {
    await expect(read(textInput('# nothing here\n'))).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'otpauth-migration://'));
    await expect(read({ fileName: 'x.txt', bytes: randomBytes(300) })).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'UTF-8'));
  });
});
