import { describe, expect, it } from 'vitest';
import { bitwardenCsvImporter } from '../../../src/main/importers/bitwardenCsvImporter.js';
import { bitwardenJsonImporter } from '../../../src/main/importers/bitwardenJsonImporter.js';
import type { ImportInput, ImportResult, Importer } from '../../../src/main/importers/importTypes.js';
import { parseOtpauthUri, type OtpParameters } from '../../../src/main/otp/index.js';
import {
  OTHERS_FIXTURES,
  VECTORS,
  detectedFixtures,
  editedInput,
  expectPublishedCodes,
  fixtureInput,
  importedAccounts,
  randomBytes,
} from '../../support/aegisTestVectors.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

const KEEPASSXC = new URL('keepassxc/', OTHERS_FIXTURES);

/** EXPECTED.md: `steam://JRZCL47CMXVOQMNPZR2F7J4RGI` is the Steam vector's secret, issuer "Steam", name "Steam account". */
const STEAM: OtpParameters = { ...VECTORS.boeing, issuer: 'Steam', labelIssuer: 'Steam', account: 'Steam account' };

async function read(importer: Importer, input: ImportInput): Promise<ImportResult> {
  return importer.read(input);
}

function textInput(text: string, fileName: string): ImportInput {
  return { fileName, bytes: new TextEncoder().encode(text) };
}

describe.each([
  ['bitwarden.json', bitwardenJsonImporter, 'bitwarden-json', 'Test Steam'],
  ['bitwarden.csv', bitwardenCsvImporter, 'bitwarden-csv', 'Test 4'],
] as const)('%s', (fileName, importer, format, steamTitle) => {
  it('gives vectors 1–3 from the otpauth URIs and the Steam entry from steam://', async () => {
    const input = fixtureInput(fileName);
    expect(importer.isEncrypted(input)).toBe(false);
    const result = await read(importer, input);
    expect(result.format).toBe(format);
    expect(result.problems).toEqual([]);
    expect(importedAccounts(result)).toEqual([VECTORS.deno, VECTORS.spdx, VECTORS.airbnb, STEAM]);
    expect(expectPublishedCodes(result)).toBe(3);
    expect(result.items.map((item) => item.content.title)).toEqual(['Test 1', 'Test 2', 'Test 3', steamTitle]);
    for (const item of result.items) {
      expect(item.trashed).toBe(false);
      expect(item.content).toMatchObject({ template: 'login', username: '', password: '', websites: [], tags: [], favorite: false, notes: '' });
      expect(item.content.otp.map((field) => field.label)).toEqual([item.content.otp[0]!.uri.startsWith('otpauth://steam/') ? 'Steam Guard' : 'TOTP']);
    }
  });
});

describe('bitwardenJsonImporter: keepassxc/bitwarden_export.json', () => {
  it('reads the login of "My Folder" as KeePassXC does: username, password, URLs, notes and its TOTP', async () => {
    const result = await read(bitwardenJsonImporter, fixtureInput('bitwarden_export.json', KEEPASSXC));
    expect(result.problems).toEqual([]);
    const login = result.items.find((item) => item.content.title === 'Login Name')!;
    expect(login.content).toMatchObject({
      template: 'login',
      tags: ['My Folder'],
      username: 'myusername@gmail.com',
      password: 'mypassword',
      websites: ['https://mail.google.com', 'https://google.com', 'https://gmail.com'],
      notes: '1st line of note text\n2nd Line of note text',
      favorite: true,
    });
    expect(login.content.otp).toHaveLength(1);
    expect(parseOtpauthUri(login.content.otp[0]!.uri)).toMatchObject({
      type: 'totp',
      issuer: 'Google',
      account: 'myusername@gmail.com',
      secret: 'DFDFDEF',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
    expect(login.content.customFields.map(({ label, value, sensitive }) => [label, value, sensitive])).toEqual([
      ['Text Field', 'text-field-value', false],
      ['Hidden Field', 'hidden-field-value', true],
      ['Boolean Field', 'true', false],
    ]);
  });

  it('keeps notes, cards and identities as "other" items with their values as fields, in their folders', async () => {
    const result = await read(bitwardenJsonImporter, fixtureInput('bitwarden_export.json', KEEPASSXC));
    expect(result.items.map((item) => [item.content.title, item.content.template, item.content.tags])).toEqual([
      ['My Secure Note', 'other', ['My Folder']],
      ['Card Name', 'other', ['Second Folder']],
      ['My Identity', 'other', ['My Folder']],
      ['Login Name', 'login', ['My Folder']],
    ]);
    const [note, card, identity] = result.items.map((item) => item.content);
    expect(note!.notes).toBe('1st line of secure note\n2nd line of secure note\n3rd line of secure note');
    const fieldsOf = (content: typeof card) => Object.fromEntries(content!.customFields.map(({ label, value, sensitive }) => [label, [value, sensitive]]));
    expect(fieldsOf(card)).toMatchObject({
      'Cardholder name': ['Jane Doe', false],
      Brand: ['Visa', false],
      Number: ['1234567891011121', true],
      Expiry: ['10/2021', false],
      'Security code': ['123', true],
      'Hidden Field': ['hidden-field-value', true],
    });
    expect(identity).toMatchObject({ username: 'myusername', email: 'myemail@gmail.com', phone: '123-123-1234' });
    expect(fieldsOf(identity)).toMatchObject({ 'First name': ['Jane', false], 'Social security number': ['123-12-1234', true], City: ['Santa Barbara', false] });
  });

  it('reports what it leaves out, and imports the rest', async () => {
    const file = {
      encrypted: false,
      folders: [],
      items: [
        {
          type: 1,
          name: 'Broken TOTP',
          deletedDate: '2024-05-01T10:00:00.000Z',
          creationDate: '2024-01-30T11:28:20.036Z',
          revisionDate: '2024-02-01T00:00:00.000Z',
          fields: [{ name: 'Linked', value: null, type: 3, linkedId: 100 }],
          login: { username: 'u', totp: 'ABC1DEF', fido2Credentials: [{}] },
          passwordHistory: [{ password: 'old', lastUsedDate: '2024-01-01T00:00:00.000Z' }],
        },
        { type: 9, name: 'From the future' },
        { type: 1, name: 'Bare secret', login: { username: 'alice', totp: 'jbsw y3dp ehpk 3pxp' } },
      ],
    };
    const result = await read(bitwardenJsonImporter, textInput(JSON.stringify(file), 'export.json'));
    expect(result.items.map((item) => [item.content.title, item.trashed, item.createdAt, item.updatedAt])).toEqual([
      ['Broken TOTP', true, Date.UTC(2024, 0, 30, 11, 28, 20, 36), Date.UTC(2024, 1, 1)],
      ['Bare secret', false, null, null],
    ]);
    expect(result.items[0]!.content.otp).toEqual([]);
    // A bare secret is the login's own account: named after the item, with its username.
    expect(parseOtpauthUri(result.items[1]!.content.otp[0]!.uri)).toMatchObject({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Bare secret', account: 'alice' });
    expect(result.problems).toEqual([
      { item: 'Broken TOTP', what: 'Linked', reason: expect.stringContaining('Linked fields'), kind: 'invalid' },
      { item: 'Broken TOTP', what: 'TOTP', reason: expect.stringContaining('base32'), kind: 'invalid' },
      { item: 'Broken TOTP', what: 'passkey', reason: expect.stringContaining('Passkeys'), kind: 'invalid' },
      { item: 'Broken TOTP', what: 'password history', reason: expect.any(String), kind: 'invalid' },
      { item: 'From the future', what: 'item', reason: expect.stringContaining('type 9'), kind: 'skipped' },
    ]);
  });

  it('refuses encrypted exports and damaged JSON with UNSUPPORTED_FORMAT', async () => {
    const passwordProtected = { encrypted: true, passwordProtected: true, salt: 'x', kdfType: 0, kdfIterations: 600000, encKeyValidation_DO_NOT_EDIT: '2.x|y|z', data: '2.a|b|c' };
    const input = textInput(JSON.stringify(passwordProtected), 'export.json');
    expect(bitwardenJsonImporter.detect(input)).toBe(true);
    await expect(read(bitwardenJsonImporter, input)).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'encrypted'));
    await expect(read(bitwardenJsonImporter, editedInput(fixtureInput('bitwarden.json'), (text) => text.slice(0, 200)))).rejects.toEqual(
      vaultErrorLike('UNSUPPORTED_FORMAT', 'Bitwarden (JSON)'),
    );
    await expect(read(bitwardenJsonImporter, textInput('{"folders": []}', 'export.json'))).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', '"items"'));
  });
});

describe('bitwardenCsvImporter: a CSV with every column in use', () => {
  const CSV = [
    'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
    'Work,1,login,Mail,"Line 1\nLine 2","PIN: 1234\nRecovery: a, b",0,"https://mail.example.com,https://example.com",alice,"pa,ss""word",JBSWY3DPEHPK3PXP',
    ',,note,Just a note,Some text,,0,,,,',
    'Work,,card,Old card,,,0,,,,',
    ',,login,Bad TOTP,,,0,,bob,secret,otpauth://totp/x?secret=1234',
    ',,,,,,,,,,',
  ].join('\r\n');

  it('reads every column, and reports rows and values it cannot use', async () => {
    const result = await read(bitwardenCsvImporter, textInput(CSV, 'bitwarden_export.csv'));
    expect(result.items.map((item) => [item.content.title, item.content.template])).toEqual([
      ['Mail', 'login'],
      ['Just a note', 'other'],
      ['Bad TOTP', 'login'],
    ]);
    const mail = result.items[0]!.content;
    expect(mail).toMatchObject({
      tags: ['Work'],
      favorite: true,
      notes: 'Line 1\nLine 2',
      websites: ['https://mail.example.com', 'https://example.com'],
      username: 'alice',
      password: 'pa,ss"word',
    });
    expect(mail.customFields.map(({ label, value, sensitive }) => [label, value, sensitive])).toEqual([
      ['PIN', '1234', false],
      ['Recovery', 'a, b', false],
    ]);
    expect(parseOtpauthUri(mail.otp[0]!.uri)).toMatchObject({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Mail', account: 'alice', type: 'totp' });
    expect(result.items[1]!.content).toMatchObject({ notes: 'Some text', otp: [] });
    expect(result.items[2]!.content.otp).toEqual([]);
    expect(result.problems).toEqual([
      { item: 'Old card', what: 'item', reason: expect.stringContaining('"card"'), kind: 'skipped' },
      { item: 'Bad TOTP', what: 'TOTP', reason: expect.stringContaining('base32'), kind: 'invalid' },
    ]);
  });

  it('refuses a CSV without the Bitwarden columns, naming them, and a cut-off file', async () => {
    await expect(read(bitwardenCsvImporter, textInput('name,type\nx,login', 'x.csv'))).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'login_uri'));
    await expect(read(bitwardenCsvImporter, textInput(`${CSV}\n,,login,"cut`, 'x.csv'))).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'cut off'));
  });
});

describe('Bitwarden detection', () => {
  it('JSON recognises both Bitwarden JSON files and no other fixture', () => {
    expect(detectedFixtures(bitwardenJsonImporter)).toEqual(['bitwarden.json', 'bitwarden_export.json']);
  });

  it('CSV recognises bitwarden.csv and no other fixture', () => {
    expect(detectedFixtures(bitwardenCsvImporter)).toEqual(['bitwarden.csv']);
  });

  it('neither recognises noise, nor the other one’s file, nor a renamed file by its name', () => {
    for (const importer of [bitwardenJsonImporter, bitwardenCsvImporter]) {
      expect(importer.detect({ fileName: 'bitwarden.json', bytes: randomBytes(4096) })).toBe(false);
      expect(importer.detect(textInput('', 'bitwarden.csv'))).toBe(false);
    }
    expect(bitwardenJsonImporter.detect(textInput('{"items": [{"name": "x"}]}', 'bitwarden.json'))).toBe(false);
    expect(bitwardenCsvImporter.detect(editedInput(fixtureInput('bitwarden.csv'), (text) => text, 'export.bin'))).toBe(true);
  });
});
