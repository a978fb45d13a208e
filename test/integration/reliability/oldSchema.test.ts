/**
 * A vault written at schema version 1 (test/fixtures/vault-v1) opens with today's code: it is migrated to the
 * latest schema, its items and their codes are exactly what the fixture holds (codes computed independently of
 * src/main/otp), settings start at their defaults and can be written. Migrating is idempotent, and two
 * processes opening the old vault at the same moment both succeed.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/storage/index.js';
import { Vault } from '../../../src/main/vault/index.js';
import { hotpCode, steamCode, totpCode } from './referenceOtp.js';
import { RFC_SEED_SHA1, TEST_KDF, fileBytes, temporaryVaultPaths, withDatabase } from './support.js';
import { VaultProcess, assertBuilt } from './vaultProcesses.js';

const nextPath = temporaryVaultPaths();
const FIXTURE = fileURLToPath(new URL('../../fixtures/vault-v1/vault-v1.totpvault', import.meta.url));
const FIXTURE_SHA256 = 'a39bb6658041a62faf792831ca7d323a6e681dc41a59c353e9989c8f70129ad2';

interface ExpectedOtp {
  id: string;
  label: string;
  uri: string;
  secret: string;
  codeAt?: string;
  nextCodes?: string[];
}
interface ExpectedItem {
  id: string;
  template: string;
  title: string;
  username: string;
  websites: string[];
  tags: string[];
  favorite: boolean;
  notes: string;
  customFields: unknown[];
  otp: ExpectedOtp[];
}
const expected = JSON.parse(readFileSync(new URL('../../fixtures/vault-v1/expected.json', import.meta.url), 'utf8')) as {
  password: string;
  codesAt: number;
  createdAt: number;
  items: ExpectedItem[];
};
const fixtureHash = (): string => createHash('sha256').update(fileBytes(FIXTURE)).digest('hex');

function copyOfFixture(): string {
  const path = nextPath();
  copyFileSync(FIXTURE, path);
  return path;
}

const schemaOf = (path: string) =>
  withDatabase(path, (database) => ({
    userVersion: database.pragma('user_version', { simple: true }),
    objects: database.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').all(),
  }));

beforeAll(() => {
  expect(existsSync(`${FIXTURE}-wal`), 'the fixture is checkpointed: no -wal beside it').toBe(false);
  expect(fixtureHash(), 'the fixture is the committed file').toBe(FIXTURE_SHA256);
  expect(schemaOf(copyOfFixture()).userVersion).toBe(1);
});

afterAll(() => {
  expect(fixtureHash(), 'no test opened the fixture in place').toBe(FIXTURE_SHA256);
});

describe('the reference OTP implementation', () => {
  it('gives RFC 4226 Appendix D and RFC 6238 Appendix B', () => {
    const hotp = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    hotp.forEach((code, counter) => expect(hotpCode(RFC_SEED_SHA1, counter)).toBe(code));
    const seed256 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA';
    const seed512 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA';
    expect(totpCode(RFC_SEED_SHA1, 59_000, 8)).toBe('94287082');
    expect(totpCode(seed256, 1_111_111_109_000, 8, 30, 'sha256')).toBe('68084774');
    expect(totpCode(seed512, 20_000_000_000_000, 8, 30, 'sha512')).toBe('47863826');
  });

  it('agrees with the fixture notes', () => {
    const [microsoft, bank, steam] = expected.items.map((item) => item.otp[0]!);
    expect(totpCode(microsoft!.secret, expected.codesAt)).toBe(microsoft!.codeAt);
    expect(steamCode(steam!.secret, expected.codesAt)).toBe(steam!.codeAt);
    expect(bank!.nextCodes).toEqual([hotpCode(bank!.secret, 5), hotpCode(bank!.secret, 6)]);
  });
});

describe('opening a schema-1 vault', () => {
  it('migrates it to the latest schema and shows exactly its items and codes', async () => {
    const path = copyOfFixture();
    const vault = await Vault.unlock(path, expected.password, { now: () => expected.codesAt });
    try {
      expect(vault.items().map((item) => item.id)).toEqual(expected.items.map((item) => item.id));
      for (const want of expected.items) {
        const item = vault.item(want.id);
        const { otp, ...fields } = want;
        expect(item).toMatchObject({ ...fields, email: '', password: '', phone: '', createdAt: expected.createdAt, updatedAt: expected.createdAt, trashedAt: null });
        expect(item.otp).toEqual(otp.map(({ id, label, uri }) => ({ id, label, uri })));
      }
      const codes = vault.codes(expected.codesAt);
      expect(codes.map((entry) => [entry.title, entry.summary.type, entry.current?.code ?? null])).toEqual([
        ['Topdesk', 'totp', totpCode('Q3VX7KPMH2JDW4NE', expected.codesAt)],
        ['Bank token', 'hotp', null],
        ['Steam', 'steam', steamCode('STEAMGUARDSECRET', expected.codesAt)],
      ]);
      const bank = expected.items[1]!;
      expect(vault.nextHotpCode(bank.id, 'token').code).toBe(hotpCode(RFC_SEED_SHA1, 5));
      expect(vault.nextHotpCode(bank.id, 'token').code).toBe(hotpCode(RFC_SEED_SHA1, 6));

      expect(vault.settings()).toEqual({ timeOffsetSeconds: 0 });
      expect(vault.updateSettings({ timeOffsetSeconds: 30 })).toEqual({ timeOffsetSeconds: 30 });
    } finally {
      vault.lock();
    }
    expect(LATEST_SCHEMA_VERSION).toBe(2);
    const schema = schemaOf(path);
    expect(schema.userVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(schema.objects.map((object) => (object as { name: string }).name)).toEqual(expect.arrayContaining(['vault', 'slots', 'entries']));

    const reopened = await Vault.unlock(path, expected.password);
    try {
      expect(reopened.settings()).toEqual({ timeOffsetSeconds: 30 });
      expect(reopened.codes(expected.codesAt).find((entry) => entry.title === 'Bank token')?.summary.counter).toBe(7);
    } finally {
      reopened.lock();
    }
  });

  it('migrates once: opening again changes neither the schema nor a byte of the file', async () => {
    const path = copyOfFixture();
    const first = await Vault.unlock(path, expected.password);
    const itemsAfterFirst = first.items();
    first.lock();
    const schemaAfterFirst = schemaOf(path);
    const bytesAfterFirst = fileBytes(path);

    const second = await Vault.unlock(path, expected.password);
    try {
      expect(second.items()).toEqual(itemsAfterFirst);
    } finally {
      second.lock();
    }
    expect(schemaOf(path)).toEqual(schemaAfterFirst);
    expect(fileBytes(path).equals(bytesAfterFirst)).toBe(true);
    expect(withDatabase(path, (database) => database.prepare("SELECT count(*) AS n FROM pragma_table_info('vault') WHERE name = 'settings'").get())).toEqual({ n: 1 });
  });

  it('two processes opening it at the same moment both succeed and it is migrated once', async () => {
    assertBuilt();
    const path = copyOfFixture();
    const openers = [0, 1].map(() => new VaultProcess({ mode: 'open', path, password: expected.password }));
    await Promise.all(openers.map((opener) => opener.waitFor((event) => event['ready'] === true)));
    for (const opener of openers) opener.send('go');
    await Promise.all(openers.map((opener) => opener.succeeded()));
    for (const opener of openers) {
      expect(opener.events.find((event) => event['opened'])?.['titles']).toEqual(expected.items.map((item) => item.title));
    }
    const schema = schemaOf(path);
    expect(schema.userVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(withDatabase(path, (database) => database.pragma('integrity_check', { simple: true }))).toBe('ok');
  });
});

describe('the schemaVersion option', () => {
  it('Vault.create(…, { schemaVersion: 1 }) writes a schema-1 vault that later opens migrated', async () => {
    const path = nextPath();
    let failure: unknown;
    try {
      const vault = await Vault.create(path, expected.password, { kdf: TEST_KDF, schemaVersion: 1 });
      vault.createItem({ title: 'old' });
      vault.lock();
    } catch (thrown) {
      failure = thrown;
    }
    if (failure) {
      expect.soft(existsSync(path), 'a failed create leaves no file behind').toBe(false);
      throw failure;
    }
    expect(schemaOf(path).userVersion).toBe(1);
    const vault = await Vault.unlock(path, expected.password);
    try {
      expect(vault.items().map((item) => item.title)).toEqual(['old']);
    } finally {
      vault.lock();
    }
  });
});
