import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatOtpauthUri,
  parseOtpauthMigrationUri,
  parseOtpauthUri,
  toOtpSummary,
  type MigrationBatch,
  type OtpParameters,
} from '../../../src/main/otp/index.js';
import { account, encode, migrationUri, payload, varint } from '../../support/migrationEncoder.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

/** The shared migration fixtures live beside the repository, in /work/shared. */
const OTHERS = new URL('../../../../shared/fixtures/migration/others/', import.meta.url);
const GOOGLE = new URL('google-authenticator/', OTHERS);

const SECRET = 'JBSWY3DPEHPK3PXP';

function migrationLines(file: string): string[] {
  return readFileSync(new URL(file, GOOGLE), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('otpauth-migration://'));
}

describe('parseOtpauthMigrationUri: the scito/extract_otp_secrets exports', () => {
  const expected = JSON.parse(readFileSync(new URL('example_output.expected.json', GOOGLE), 'utf8')) as {
    name: string;
    secret: string;
    issuer: string;
    type: 'totp' | 'hotp';
    counter: number | null;
    url: string;
  }[];

  /**
   * The expected file lists the protobuf `name` as written. We read it as Aegis does: a name with a colon and
   * no issuer is an "Issuer:account" label, so "encoding: ¿äÄéÉ? (demo)" becomes issuer "encoding".
   */
  const expectedAccounts = expected.map((entry): OtpParameters => {
    const colon = entry.name.indexOf(':');
    const [issuer, name] =
      entry.issuer === '' && colon !== -1 ? [entry.name.slice(0, colon).trim(), entry.name.slice(colon + 1).trim()] : [entry.issuer, entry.name];
    const isHotp = entry.type === 'hotp';
    return {
      type: entry.type,
      secret: entry.secret,
      issuer,
      labelIssuer: issuer,
      account: name,
      algorithm: 'SHA1',
      digits: 6,
      period: isHotp ? 0 : 30,
      counter: entry.counter ?? 0,
      extra: [],
    };
  });

  it('finds the export files', () => {
    expect(readdirSync(GOOGLE).filter((file) => file.endsWith('.txt')).sort()).toEqual([
      'example_export.txt',
      'example_export_only_totp.txt',
      'test_plus_problem_export.txt',
    ]);
  });

  it('example_export.txt gives exactly the six accounts of example_output.expected.json, in order', () => {
    const batches = migrationLines('example_export.txt').map(parseOtpauthMigrationUri);
    expect(batches).toHaveLength(5);
    expect(batches.flatMap((batch) => batch.accounts)).toEqual(expectedAccounts);
    expect(batches.flatMap((batch) => batch.skipped)).toEqual([]);
    expect(expectedAccounts.map((entry) => entry.account)).toContain('¿äÄéÉ? (demo)');
  });

  it('gives the same accounts as the otpauth URIs the exporter wrote for them', () => {
    const accounts = migrationLines('example_export.txt').flatMap((line) => parseOtpauthMigrationUri(line).accounts);
    expect(accounts.map(toOtpSummary)).toEqual(expected.map((entry) => toOtpSummary(parseOtpauthUri(entry.url))));
    expect(accounts.map((entry) => entry.secret)).toEqual(expected.map((entry) => parseOtpauthUri(entry.url).secret));
  });

  it('example_export_only_totp.txt gives the same accounts without the hotp one', () => {
    const accounts = migrationLines('example_export_only_totp.txt').flatMap((line) => parseOtpauthMigrationUri(line).accounts);
    expect(accounts).toEqual(expectedAccounts.filter((entry) => entry.type === 'totp'));
  });

  it('reads the batch fields, with a negative batch id from a sign-extended varint', () => {
    const [first] = migrationLines('example_export.txt');
    expect(parseOtpauthMigrationUri(first ?? '').batch).toEqual({ size: 1, index: 0, id: -1320898453 });
  });

  it('test_plus_problem_export.txt: a raw + in the data is base64, not a space (the table in EXPECTED.md)', () => {
    const table = [...readFileSync(new URL('EXPECTED.md', OTHERS), 'utf8').matchAll(/^\| (SerenityLabs:\S+) \| ([A-Z2-7]+) \|$/gm)];
    expect(table).toHaveLength(4);
    const [line] = migrationLines('test_plus_problem_export.txt');
    expect(line).toContain('+');
    const batch = parseOtpauthMigrationUri(line ?? '');
    expect(batch.accounts).toEqual(
      table.map(([, name, secret]) =>
        expect.objectContaining({ type: 'totp', issuer: 'SerenityLabs', labelIssuer: 'SerenityLabs', account: name, secret }),
      ),
    );
    // The same data with + written as %2B reads the same; with + turned into a space (form decoding) it is refused.
    expect(parseOtpauthMigrationUri((line ?? '').replaceAll('+', '%2B'))).toEqual(batch);
    expect(() => parseOtpauthMigrationUri((line ?? '').replaceAll('+', ' '))).toThrow(vaultErrorLike('INVALID_URI', 'not base64'));
  });
});

describe('parseOtpauthMigrationUri: what Google Authenticator can write', () => {
  it('round-trips hotp with its counter, SHA512, 8 digits and Unicode names', () => {
    const bytes = payload([account({ name: 'Ærlig Bank:åse@例え.jp', issuer: '', algorithm: 3, digits: 2, type: 1, counter: 123_456_789 })]);
    const [parameters] = parseOtpauthMigrationUri(migrationUri(bytes)).accounts;
    expect(parameters).toEqual<OtpParameters>({
      type: 'hotp',
      secret: SECRET,
      issuer: 'Ærlig Bank',
      labelIssuer: 'Ærlig Bank',
      account: 'åse@例え.jp',
      algorithm: 'SHA512',
      digits: 8,
      period: 0,
      counter: 123_456_789,
      extra: [],
    });
    // The normal form: our own URI reads back to the same parameters.
    expect(parseOtpauthUri(formatOtpauthUri(parameters as OtpParameters))).toEqual(parameters);
  });

  it('reads SHA256, emoji in the issuer, and a name that keeps its prefix when the issuer is set', () => {
    const bytes = payload([account({ name: 'Contoso:alice@contoso.com', issuer: 'Microsoft 🔐', algorithm: 2 })]);
    expect(parseOtpauthMigrationUri(migrationUri(bytes)).accounts).toEqual([
      expect.objectContaining({ issuer: 'Microsoft 🔐', labelIssuer: 'Microsoft 🔐', account: 'Contoso:alice@contoso.com', algorithm: 'SHA256' }),
    ]);
  });

  it('reads unspecified enums (0) as totp, SHA1 and 6 digits, with a 30-second period', () => {
    const bytes = payload([account({ algorithm: 0, digits: 0, type: 0 })]);
    expect(parseOtpauthMigrationUri(migrationUri(bytes)).accounts).toEqual([
      expect.objectContaining({ type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 }),
    ]);
  });

  it('reads batch size, index and a negative id; absent batch fields are 0', () => {
    const bytes = payload([account({})], { size: 3, index: 2, id: -1 });
    expect(parseOtpauthMigrationUri(migrationUri(bytes)).batch).toEqual({ size: 3, index: 2, id: -1 });
    expect(parseOtpauthMigrationUri(migrationUri(encode.bytes(1, account({})))).batch).toEqual({ size: 0, index: 0, id: 0 });
  });

  it('accepts URL-safe base64, with or without padding, any case in the scheme and whitespace around', () => {
    const bytes = payload([account({ secret: [0xfb, 0xff, 0xbf, 0xfe, 0xff] })]);
    const expected = parseOtpauthMigrationUri(migrationUri(bytes));
    const standard = Buffer.from(bytes).toString('base64');
    expect(standard).toMatch(/[+/]/);
    const urlSafe = Buffer.from(bytes).toString('base64url');
    expect(parseOtpauthMigrationUri(`otpauth-migration://offline?data=${urlSafe}`)).toEqual(expected);
    expect(parseOtpauthMigrationUri(`otpauth-migration://offline?data=${standard.replace(/=+$/, '')}`)).toEqual(expected);
    expect(parseOtpauthMigrationUri(`otpauth-migration://offline?data=${standard}`)).toEqual(expected);
    expect(parseOtpauthMigrationUri(`  OTPAUTH-MIGRATION://offline?data=${standard}\n`)).toEqual(expected);
    expect(expected.accounts[0]?.secret).toBe('7P7377X7');
  });

  it('steps over fields it does not know, of every wire type, in the payload and in an account', () => {
    const unknown = [
      ...encode.varint(15, 2n ** 63n),
      ...varint((16 << 3) | 1), ...[1, 2, 3, 4, 5, 6, 7, 8],
      ...encode.bytes(17, [1, 2, 3]),
      ...varint((18 << 3) | 5), ...[1, 2, 3, 4],
    ];
    const bytes = [...unknown, ...payload([[...unknown, ...account({})]]), ...unknown];
    expect(parseOtpauthMigrationUri(migrationUri(bytes)).accounts).toEqual([expect.objectContaining({ secret: SECRET })]);
  });
});

describe('parseOtpauthMigrationUri: accounts it cannot use are skipped, not fatal', () => {
  it('skips an MD5 account with the reason and keeps the others', () => {
    const bytes = payload([account({ name: 'md5 user', issuer: 'Old Bank', algorithm: 4 }), account({ name: 'bob' })]);
    const batch = parseOtpauthMigrationUri(migrationUri(bytes));
    expect(batch.accounts).toEqual([expect.objectContaining({ account: 'bob' })]);
    expect(batch.skipped).toEqual([{ name: 'md5 user', issuer: 'Old Bank', reason: expect.stringContaining('MD5') }]);
  });

  it('skips an account with an empty secret', () => {
    const batch = parseOtpauthMigrationUri(migrationUri(payload([account({ name: 'empty', secret: [] })])));
    expect(batch).toMatchObject<Partial<MigrationBatch>>({
      accounts: [],
      skipped: [{ name: 'empty', issuer: 'Example', reason: 'The secret is empty.' }],
    });
  });

  it('skips enum values Google Authenticator does not define and a counter beyond a safe integer', () => {
    const batch = parseOtpauthMigrationUri(
      migrationUri(
        payload([
          account({ name: 'a', algorithm: 9 }),
          account({ name: 'b', digits: 7 }),
          account({ name: 'c', type: -1 }),
          account({ name: 'd', type: 1, counter: -5 }),
          account({ name: 'e', type: 1, counter: 2n ** 60n }),
        ]),
      ),
    );
    expect(batch.accounts).toEqual([]);
    expect(batch.skipped.map((entry) => [entry.name, entry.reason])).toEqual([
      ['a', expect.stringContaining('algorithm number 9')],
      ['b', expect.stringContaining('digit count number 7')],
      ['c', expect.stringContaining('type number -1')],
      ['d', expect.stringContaining('Invalid counter "-5"')],
      ['e', expect.stringContaining('Invalid counter')],
    ]);
  });

  it('never puts a secret into a skip reason', () => {
    const batch = parseOtpauthMigrationUri(migrationUri(payload([account({ algorithm: 4 }), account({ digits: 9 })])));
    expect(JSON.stringify(batch.skipped)).not.toContain(SECRET);
  });
});

describe('parseOtpauthMigrationUri: text that is not a readable export', () => {
  const good = migrationUri(payload([account({})]));

  it('refuses other schemes', () => {
    expect(() => parseOtpauthMigrationUri(`otpauth://totp/alice?secret=${SECRET}`)).toThrow(
      vaultErrorLike('INVALID_URI', 'not a Google Authenticator export'),
    );
    expect(() => parseOtpauthMigrationUri('https://example.com/?data=abc')).toThrow(vaultErrorLike('INVALID_URI', 'otpauth-migration://'));
  });

  it('refuses an export without data', () => {
    expect(() => parseOtpauthMigrationUri('otpauth-migration://offline')).toThrow(vaultErrorLike('INVALID_URI', 'no data parameter'));
    expect(() => parseOtpauthMigrationUri('otpauth-migration://offline?data=')).toThrow(vaultErrorLike('INVALID_URI', 'no data parameter'));
    expect(() => parseOtpauthMigrationUri('otpauth-migration://offline?other=1')).toThrow(vaultErrorLike('INVALID_URI', 'no data parameter'));
  });

  it('refuses data that is not base64, without quoting it', () => {
    for (const data of ['@@@@', 'CjUK!', 'ab=c', 'abcde', 'abc===']) {
      expect(() => parseOtpauthMigrationUri(`otpauth-migration://offline?data=${data}`)).toThrow(
        vaultErrorLike('INVALID_URI', /^The Google Authenticator export's data is not base64\.$/),
      );
    }
    expect(() => parseOtpauthMigrationUri('otpauth-migration://offline?data=%E0%A4%A')).toThrow(vaultErrorLike('INVALID_URI', 'broken %-escape'));
  });

  it('refuses truncated data as damaged', () => {
    const bytes = payload([account({})]);
    for (const length of [1, 5, 20, bytes.length - 30]) {
      expect(() => parseOtpauthMigrationUri(migrationUri(bytes.slice(0, length)))).toThrow(
        vaultErrorLike('INVALID_URI', 'The Google Authenticator export is damaged: it ends in the middle of a field.'),
      );
    }
  });

  it('refuses malformed protobuf as damaged', () => {
    const cases: [number[], string][] = [
      [[(9 << 3) | 3], 'field 9 has the unknown wire type 3'],
      [[(3 << 3) | 0, ...Array<number>(10).fill(0xff), 0x01], 'a number runs past 10 bytes'],
      [[0x00, 0x01], 'it has a field numbered 0'],
      [encode.varint(1, 5), 'field 1 has wire type 0 instead of 2'],
      [encode.bytes(1, encode.bytes(4, [1])), 'field 4 has wire type 2 instead of 0'],
      [encode.bytes(1, encode.bytes(2, [0xc3, 0x28])), 'field 2 is not UTF-8 text'],
    ];
    for (const [bytes, detail] of cases) {
      expect(() => parseOtpauthMigrationUri(migrationUri(bytes)), detail).toThrow(vaultErrorLike('INVALID_URI', `damaged: ${detail}`));
    }
  });

  it('refuses an export with no accounts in it', () => {
    expect(() => parseOtpauthMigrationUri(migrationUri(payload([])))).toThrow(vaultErrorLike('INVALID_URI', 'holds no accounts'));
  });

  it('refuses text over 64 KiB before decoding it', () => {
    const padding = '&x='.padEnd(64 * 1024 - good.length + 1, 'x');
    expect(() => parseOtpauthMigrationUri(good + padding)).toThrow(vaultErrorLike('INVALID_URI', 'too long: 65537 characters (at most 65536)'));
    expect(parseOtpauthMigrationUri(good + padding.slice(0, -1)).accounts).toHaveLength(1);
  });
});
