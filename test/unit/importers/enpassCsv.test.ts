import { describe, expect, it } from 'vitest';
import { enpassCsvImporter } from '../../../src/main/importers/enpassCsvImporter.js';
import { enpassJsonImporter } from '../../../src/main/importers/enpassJsonImporter.js';
import type { ImportInput, ImportResult } from '../../../src/main/importers/importTypes.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';
import {
  PASS_IMPORT_ENTRIES,
  PASS_IMPORT_PIN,
  allFixtures,
  codesOf,
  expectAccount,
  expectedContent,
  fixture,
  readNow,
  textInput,
  withoutIds,
} from './enpassFixtures.js';

const OWN_FIXTURES = ['enpass-escape_export.csv', 'pass-import_enpass5.csv'];

function read(input: ImportInput): ImportResult {
  return readNow(enpassCsvImporter.read(input));
}

function csvInput(lines: readonly string[]): ImportInput {
  return textInput(lines.join('\r\n'), 'export.csv');
}

describe('enpassCsvImporter: the current, headerless export (enpass-apple-migrator)', () => {
  const result = read(fixture('enpass-escape_export.csv'));

  it('reads the three rows: starred labels, the section pair and the note column as Enpass writes them', () => {
    const full = { username: 'UserNameTest', email: 'EmailTest', password: 'PasswordTest', websites: ['test.de'], securityQuestion: '12321312213', securityAnswer: '1231232132131231', notes: 'My notes' };
    expect(result.format).toBe('enpass-csv');
    expect(result.items.map((item) => withoutIds(item.content))).toEqual([
      expectedContent({
        ...full,
        title: 'TestHeaderFullWithExtra',
        phone: '123422332',
        customFields: [
          { label: 'Extra', value: '2132132', sensitive: false },
          { label: 'Extra 2', value: '12312321', sensitive: false },
        ],
      }),
      expectedContent({ title: 'TestHeaderMinimal', username: 'UserNameTest', password: 'PasswordTest' }),
      expectedContent({ ...full, title: 'TestHeaderReduced', phone: 'Phone123' }),
    ]);
    expect(result.items.every((item) => !item.trashed && item.createdAt === null && item.updatedAt === null)).toBe(true);
    expect(result.problems).toEqual([{ item: 'TestHeaderFullWithExtra', what: 'One-time code', reason: expect.stringContaining('cut off'), kind: 'invalid' }]);
  });

  it('gives the same items as the JSON export of the same vault, but for the folders the CSV lacks', () => {
    const fromJson = readNow(enpassJsonImporter.read(fixture('enpass-escape_export.json')));
    expect(result.items.map((item) => withoutIds(item.content))).toEqual(fromJson.items.map((item) => ({ ...withoutIds(item.content), tags: [] })));
    expect(result.problems).toEqual(fromJson.problems);
  });
});

describe('enpassCsvImporter: the Enpass 5 export with its header line (pass-import)', () => {
  const result = read(fixture('pass-import_enpass5.csv'));

  it('gives the reference entries in order, the header line skipped, one-cell notes and multi-line notes read', () => {
    expect(
      result.items.map(({ content }) => ({ title: content.title, username: content.username, password: content.password, websites: content.websites, notes: content.notes })),
    ).toEqual(PASS_IMPORT_ENTRIES.map(({ tag: _tag, ...entry }) => entry));
    expect(result.problems).toEqual([]);
  });

  it('keeps the extra field', () => {
    expect(result.items.filter((item) => item.content.customFields.length > 0).map((item) => [item.content.title, withoutIds(item.content).customFields])).toEqual([
      [PASS_IMPORT_PIN.title, [{ label: PASS_IMPORT_PIN.label, value: PASS_IMPORT_PIN.value, sensitive: false }]],
    ]);
  });
});

describe('enpassCsvImporter: fields', () => {
  it('reads one-time codes under either label, and any otpauth URI whatever its label', () => {
    const result = read(
      csvInput([
        '"Twitter","Username","Emily","E-mail","emily@enpass.io","TOTP","qg4r pwyf 4t23 v62g 4ta3 ne43 74",' +
          '"Authenticator","otpauth://totp/GitHub:emily?secret=JBSWY3DPEHPK3PXP&issuer=GitHub&digits=8","One-time code","","Old code","12345"',
      ]),
    );
    const [item] = result.items;
    expect(item!.content.otp.map((otp) => otp.label)).toEqual(['TOTP', 'Authenticator']);
    expectAccount(item!.content.otp[0]!.uri, { secret: 'QG4RPWYF4T23V62G4TA3NE4374', issuer: 'Twitter', account: 'Emily' });
    expect(codesOf(item!.content.otp[0]!.uri, [59, 1_697_729_073, 2_000_000_000])).toEqual(['262464', '622346', '071451']);
    expectAccount(item!.content.otp[1]!.uri, { secret: 'JBSWY3DPEHPK3PXP', issuer: 'GitHub', account: 'emily', digits: 8 });
    // "Old code" is not a one-time-code label and its value is no URI: a custom field, not a problem.
    expect(withoutIds(item!.content).customFields).toEqual([{ label: 'Old code', value: '12345', sensitive: false }]);
    expect(result.problems).toEqual([]);
  });

  it('hides starred custom fields, maps labels in any case, and keeps further websites', () => {
    const result = read(csvInput(['"Bank","login","alice","EMAIL","a@example.com","*PIN","1234","URL","https://a.example","Website","https://b.example","Phone","555"']));
    expect(withoutIds(result.items[0]!.content)).toEqual(
      expectedContent({
        title: 'Bank',
        username: 'alice',
        email: 'a@example.com',
        websites: ['https://a.example', 'https://b.example'],
        phone: '555',
        customFields: [{ label: 'PIN', value: '1234', sensitive: true }],
      }),
    );
  });

  it('reads rows with a title only, a title and a note, and skips empty rows', () => {
    const result = read(csvInput(['"Only a title"', '"A note","Line 1\nLine 2"', '""', ',,', '"Login","Username","u"']));
    expect(result.items.map((item) => [item.content.title, item.content.notes])).toEqual([
      ['Only a title', ''],
      ['A note', 'Line 1\nLine 2'],
      ['Login', ''],
    ]);
  });

  it('reads UTF-16 with a byte order mark, as some Windows tools save it', () => {
    const text = '\uFEFF"Zürich","Username","jörg","*Password","pässword"';
    const bytes = new Uint8Array(text.length * 2);
    for (let index = 0; index < text.length; index += 1) new DataView(bytes.buffer).setUint16(index * 2, text.charCodeAt(index), true);
    const input = { fileName: 'export.csv', bytes };
    expect(enpassCsvImporter.detect(input)).toBe(true);
    expect(read(input).items[0]!.content).toMatchObject({ title: 'Zürich', username: 'jörg', password: 'pässword' });
  });
});

describe('enpassCsvImporter: detection', () => {
  it.each(OWN_FIXTURES)('recognises %s', (name) => {
    expect(enpassCsvImporter.detect(fixture(name))).toBe(true);
    expect(enpassCsvImporter.isEncrypted(fixture(name))).toBe(false);
  });

  it('recognises no other file, whatever its name', () => {
    const others = allFixtures().filter(({ path }) => !OWN_FIXTURES.some((name) => path === `enpass/${name}`));
    expect(others.length).toBeGreaterThan(30);
    expect(others.filter(({ input }) => enpassCsvImporter.detect(input)).map(({ path }) => path)).toEqual([]);
  });

  it.each([
    ['a random CSV', ['a,b,c', '1,2,3']],
    ['a KeePassXC export', ['"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"', '"Root","GitHub","alice","pw","https://github.com","","otpauth://totp/GitHub?secret=JBSWY3DPEHPK3PXP","0","2024-01-01T00:00:00Z","2024-01-01T00:00:00Z"']],
    ['a KeePass 2 export', ['"Account","Login Name","Password","Web Site","Comments"', '"GitHub","alice","pw","https://github.com",""']],
    ['a Bitwarden export', ['folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp', ',,login,GitHub,,,0,https://github.com,alice,pw,JBSWY3DPEHPK3PXP']],
    ['a list of otpauth URIs', ['otpauth://totp/A?secret=JBSWY3DPEHPK3PXP', 'otpauth://totp/B?secret=JBSWY3DPEHPK3PXP']],
    ['a two-column list', ['"Username","alice"', '"Password","pw"']],
    ['nothing', ['']],
  ])('does not recognise %s', (_name, lines) => {
    expect(enpassCsvImporter.detect(csvInput(lines))).toBe(false);
  });

  it('looks at the content, not the name', () => {
    expect(enpassCsvImporter.detect({ ...fixture('pass-import_enpass5.csv'), fileName: 'export.json' })).toBe(true);
    expect(enpassCsvImporter.detect(textInput('a,b,c\n1,2,3', 'enpass.csv'))).toBe(false);
  });
});

describe('enpassCsvImporter: damaged files', () => {
  it('rejects a file cut off inside a quoted value', () => {
    expect(() => read(csvInput(['"GitHub","Username","alice","*Password","unfinished']))).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'ends inside a quoted value'));
  });

  it('rejects bytes that are not text', () => {
    const input = { fileName: 'export.csv', bytes: Uint8Array.from([0x22, 0xc3, 0x28, 0x22, 0xa0]) };
    expect(() => read(input)).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'not valid UTF-8'));
  });

  it('rejects an empty file', () => {
    expect(() => read(textInput('\r\n'))).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'the file is empty.'));
  });
});

describe('enpassCsvImporter: size', () => {
  it('reads 1,000 rows, each with a one-time code, in one pass', () => {
    const rows = Array.from(
      { length: 1000 },
      (_, index) => `"Item ${index}","Username","user${index}","*Password","pass,""${index}""","One-time code","JBSW Y3DP EHPK 3PXP","Note ${index}\nsecond line"`,
    );
    const result = read(csvInput(rows));
    expect(result.items).toHaveLength(1000);
    expect(result.problems).toEqual([]);
    expect(result.items[999]!.content).toMatchObject({ title: 'Item 999', username: 'user999', password: 'pass,"999"', notes: 'Note 999\nsecond line' });
    expect(result.items.every((item) => item.content.otp.length === 1)).toBe(true);
  });
});
