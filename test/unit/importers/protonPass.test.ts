import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImportInput, ImportResult } from '../../../src/main/importers/importTypes.js';
import { protonPassImporter } from '../../../src/main/importers/protonPassImporter.js';
import { parseOtpauthUri } from '../../../src/main/otp/index.js';
import { OTHERS_FIXTURES, VECTORS, detectedFixtures, expectPublishedCodes, fixtureInput, importedAccounts, randomBytes } from '../../support/aegisTestVectors.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

const KEEPASSXC = new URL('keepassxc/', OTHERS_FIXTURES);

async function read(input: ImportInput): Promise<ImportResult> {
  return protonPassImporter.read(input);
}

function zipInput(files: Record<string, string>, fileName = 'Proton Pass_export.zip'): ImportInput {
  return { fileName, bytes: zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))) };
}

/** The fixture's data.json, as text. */
function fixtureJson(): string {
  const files = unzipSync(fixtureInput('proton_pass.zip').bytes);
  return new TextDecoder().decode(files['Proton Pass/data.json']);
}

function fieldsOf(result: ImportResult, title: string) {
  const item = result.items.find((candidate) => candidate.content.title === title)!;
  return item.content.customFields.map(({ label, value, sensitive }) => [label, value, sensitive]);
}

describe('protonPassImporter: proton_pass.zip', () => {
  it('reads the login with a totpUri as vector 1, and the other login and the alias without OTP', async () => {
    const input = fixtureInput('proton_pass.zip');
    expect(protonPassImporter.isEncrypted(input)).toBe(false);
    const result = await read(input);
    expect(result.format).toBe('proton-pass');
    expect(result.problems).toEqual([]);
    expect(result.items.map((item) => [item.content.title, item.content.template, item.content.otp.length])).toEqual([
      ['Mason', 'login', 1],
      ['https://1example.com', 'login', 0],
      ['1.example.com', 'other', 0],
    ]);
    const [mason, second, alias] = result.items;
    expect(importedAccounts({ ...result, items: [mason!] })).toEqual([{ ...VECTORS.deno, extra: [] }]);
    expect(expectPublishedCodes({ ...result, items: [mason!] })).toBe(1);
    expect(mason).toMatchObject({
      trashed: false,
      createdAt: 1_687_015_880_000,
      updatedAt: 1_721_588_356_000,
      content: { username: '', email: 'example@example.com', password: 'pass', websites: ['https://example.com'], notes: 'aaa', tags: ['Services'] },
    });
    expect(second!.content).toMatchObject({ email: '1example@example.com', otp: [] });
    expect(alias!.content).toMatchObject({ email: 'randome@example-com', otp: [], tags: ['Services'] });
  });
});

describe('protonPassImporter: keepassxc/protonpass_export.json', () => {
  it('reads /Personal/Test Login as KeePassXC does, the extra TOTP field as a (sensitive) field', async () => {
    const result = await read(fixtureInput('protonpass_export.json', KEEPASSXC));
    const login = result.items.find((item) => item.content.title === 'Test Login')!;
    expect(login.content).toMatchObject({
      template: 'login',
      tags: ['Personal'],
      username: 'Username',
      email: 'Email',
      password: 'Password',
      websites: ['https://example.com/', 'https://example2.com/'],
      notes: 'My login secure note.',
      favorite: true,
    });
    expect(login.content.otp).toHaveLength(1);
    expect(parseOtpauthUri(login.content.otp[0]!.uri)).toMatchObject({ secret: 'TOTPCODE', issuer: 'Test Login - Personal Vault', account: 'Username' });
    expect(fieldsOf(result, 'Test Login')).toEqual([
      ['non-hidden field', 'non-hidden field content', false],
      ['hidden field', 'hidden field content', true],
      ['second 2fa secret', 'TOTPCODE', true],
    ]);
  });

  it('puts the deleted note in the trash, keeps the other vault and its bare-secret totpUri, and the card', async () => {
    const result = await read(fixtureInput('protonpass_export.json', KEEPASSXC));
    expect(result.problems).toEqual([]);
    expect(result.items.map((item) => [item.content.title, item.content.tags, item.trashed])).toEqual([
      ['Test Login', ['Personal'], false],
      ['My Secure Note', ['Personal'], false],
      ['Test Card', ['Personal'], false],
      ['My Deleted Note', ['Personal'], true],
      ['Other vault login', ['Test'], false],
    ]);
    const other = result.items[4]!.content;
    expect(other).toMatchObject({ email: 'other vault username', password: 'other vault password' });
    expect(parseOtpauthUri(other.otp[0]!.uri)).toMatchObject({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Other vault login', account: 'other vault username' });
    expect(result.items[1]!.content).toMatchObject({ template: 'other', notes: 'Secure note contents.' });
    expect(fieldsOf(result, 'Test Card')).toEqual([
      ['Cardholder name', 'Test name', false],
      ['Number', '1234222233334444', true],
      ['Expiry', '2025-01', false],
      ['Security code', '333', true],
      ['PIN', '1234', true],
    ]);
  });

  it('reads the same JSON zipped, as the app writes it', async () => {
    const json = new TextDecoder().decode(fixtureInput('protonpass_export.json', KEEPASSXC).bytes);
    const zipped = await read(zipInput({ 'Proton Pass/data.json': json }));
    const plain = await read(fixtureInput('protonpass_export.json', KEEPASSXC));
    const withoutIds = (result: ImportResult) =>
      result.items.map((item) => ({ ...item, content: { ...item.content, otp: item.content.otp.map(({ uri }) => uri), customFields: item.content.customFields.map(({ label, value }) => [label, value]) } }));
    expect(withoutIds(zipped)).toEqual(withoutIds(plain));
  });
});

describe('protonPassImporter: newer item types and what is left out', () => {
  it('keeps identity values as named fields and reports passkeys and attachments', async () => {
    const item = (type: string, content: object, extra: object = {}) => ({
      itemId: 'x',
      data: { metadata: { name: `A ${type}`, note: '' }, extraFields: [], type, content },
      state: 1,
      createTime: 1,
      modifyTime: 2,
      pinned: false,
      ...extra,
    });
    const file = {
      version: '1.30.0',
      encrypted: false,
      vaults: {
        v: {
          name: 'Main',
          items: [
            item('identity', { fullName: 'Jane Doe', socialSecurityNumber: '123', extraPersonalDetails: [{ fieldName: 'Nickname', type: 'text', data: { content: 'JD' } }] }),
            item('login', { itemUsername: 'me', password: 'pw', urls: [], totpUri: 'otpauth://totp/x?secret=0', passkeys: [{ keyId: 'k' }] }, { files: [{ name: 'scan.pdf' }] }),
          ],
        },
      },
    };
    const result = await read({ fileName: 'data.json', bytes: new TextEncoder().encode(JSON.stringify(file)) });
    expect(fieldsOf(result, 'A identity')).toEqual([
      ['Full name', 'Jane Doe', false],
      ['Social security number', '123', true],
      ['Nickname', 'JD', false],
    ]);
    expect(result.items[1]!.content).toMatchObject({ username: 'me', password: 'pw', otp: [] });
    expect(result.problems).toEqual([
      { item: 'A login', what: 'attachments', reason: expect.any(String), kind: 'invalid' },
      { item: 'A login', what: 'TOTP', reason: expect.stringContaining('base32'), kind: 'invalid' },
      { item: 'A login', what: 'passkey', reason: expect.any(String), kind: 'invalid' },
    ]);
  });
});

describe('protonPassImporter: detection and damaged files', () => {
  it('recognises proton_pass.zip and protonpass_export.json, and no other fixture', () => {
    expect(detectedFixtures(protonPassImporter)).toEqual(['proton_pass.zip', 'protonpass_export.json']);
  });

  it('recognises a zip only by its Proton Pass JSON inside', () => {
    expect(protonPassImporter.detect(zipInput({ 'Proton Pass/data.json': fixtureJson() }, 'export.bin'))).toBe(true);
    expect(protonPassImporter.detect(zipInput({ 'Proton Pass/data.json': '{"items": []}' }))).toBe(false);
    expect(protonPassImporter.detect(zipInput({ 'readme.txt': 'hello' }))).toBe(false);
    expect(protonPassImporter.detect({ fileName: 'x.zip', bytes: Uint8Array.of(0x50, 0x4b, 0x03, 0x04, ...randomBytes(200)) })).toBe(false);
    expect(protonPassImporter.detect({ fileName: 'proton_pass.zip', bytes: randomBytes(2048) })).toBe(false);
  });

  it('refuses a cut-off zip, a zip without data.json and a damaged data.json with UNSUPPORTED_FORMAT', async () => {
    const zip = fixtureInput('proton_pass.zip').bytes;
    await expect(read({ fileName: 'cut.zip', bytes: zip.slice(0, zip.length - 30) })).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'not a readable zip'));
    await expect(read(zipInput({ 'readme.txt': 'hello' }))).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'data.json'));
    await expect(read(zipInput({ 'Proton Pass/data.json': fixtureJson().slice(0, 100) }))).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', '"vaults"'));
  });

  it('refuses a data.json that claims to be huge before inflating it', async () => {
    const bytes = zipInput({ 'Proton Pass/data.json': fixtureJson() }).bytes;
    // The central directory entry's uncompressed size (offset 24), which fflate sizes its output by.
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(findCentralEntry(bytes) + 24, 1024 * 1024 * 1024, true);
    await expect(read({ fileName: 'bomb.zip', bytes })).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'larger than 64 MiB'));
  });
});

/** The offset of the first central directory file header (signature PK\1\2). */
function findCentralEntry(bytes: Uint8Array): number {
  for (let offset = 0; offset + 4 <= bytes.length; offset += 1) {
    if (bytes[offset] === 0x50 && bytes[offset + 1] === 0x4b && bytes[offset + 2] === 0x01 && bytes[offset + 3] === 0x02) return offset;
  }
  throw new Error('no central directory');
}
