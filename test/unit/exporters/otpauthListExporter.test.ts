import { describe, expect, it } from 'vitest';
import { otpauthListExporter } from '../../../src/main/exporters/otpauthListExporter.js';
import { otpauthListImporter } from '../../../src/main/importers/otpauthListImporter.js';
import { formatOtpauthUri, generateCode, parseOtpauthUri } from '../../../src/main/otp/index.js';
import { DEFAULT_VAULT_SETTINGS } from '../../../src/shared/settings.js';
import { SAMPLE_ITEMS, expectedAccounts } from '../../support/exportSampleItems.js';

const AT = 1_700_000_000_000;
const source = { items: SAMPLE_ITEMS, settings: DEFAULT_VAULT_SETTINGS, now: AT };

describe('otpauthListExporter', () => {
  it('writes one canonical otpauth URI per OTP field of every item not in the trash', async () => {
    const file = await otpauthListExporter.write(source);
    const text = new TextDecoder().decode(file.bytes);
    const expected = expectedAccounts();
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n')).toEqual(expected.map(({ parameters }) => formatOtpauthUri(parameters)));
    expect(file).toMatchObject({ items: 8, codes: expected.length });
    expect(text).not.toContain('NBSWY3DPO5XXE3DE'); // the trashed item's secret
    expect(text).not.toContain('hunter2'); // a password is not an account
  });

  it('reads back through the otpauth list importer as the same accounts, with the same codes', async () => {
    const file = await otpauthListExporter.write(source);
    const result = await otpauthListImporter.read({ fileName: 'codes.txt', bytes: file.bytes });
    expect(otpauthListImporter.detect({ fileName: 'codes.txt', bytes: file.bytes })).toBe(true);
    expect(result.problems).toEqual([]);
    const imported = result.items.map((item) => parseOtpauthUri(item.content.otp[0]!.uri));
    const expected = expectedAccounts().map(({ parameters }) => parameters);
    expect(imported).toEqual(expected);
    for (const [index, parameters] of expected.entries()) {
      expect(generateCode(imported[index]!, AT).code).toBe(generateCode(parameters, AT).code);
    }
    // Named as authenticator apps name them: the issuer, which an issuer-less account takes from its item.
    expect(result.items.map((item) => item.content.title)).toContain('Topdesk VPN');
    expect(imported.map(({ type, algorithm, digits }) => `${type}/${algorithm}/${digits}`)).toEqual(
      expect.arrayContaining(['totp/SHA256/8', 'totp/SHA512/8', 'hotp/SHA1/6', 'steam/SHA1/5']),
    );
  });

  it('writes an empty file for a vault without codes', async () => {
    const file = await otpauthListExporter.write({ ...source, items: SAMPLE_ITEMS.filter((item) => item.otp.length === 0) });
    expect(file).toMatchObject({ items: 0, codes: 0 });
    expect(file.bytes.length).toBe(0);
  });
});
