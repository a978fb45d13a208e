import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enpassJsonImporter } from '../../../src/main/importers/enpassJsonImporter.js';
import type { ImportInput, ImportResult } from '../../../src/main/importers/importTypes.js';
import { decodeBase32, totp } from '../../support/rfc6238.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';
import {
  ENPASS,
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

const OWN_FIXTURES = [
  'bitwarden_enpass-json_folders.json',
  'bitwarden_enpass-json_login-android-url.json',
  'bitwarden_enpass-json_login.json',
  'enpass-escape_export.json',
  'pass-import_enpass6.json',
  'proton-pass_enpass-mock_EXCERPT.json',
];

function read(input: ImportInput): ImportResult {
  return readNow(enpassJsonImporter.read(input));
}

/** An Enpass 6 export holding `items`, each completed with what Enpass always writes. */
function exportOf(items: readonly Record<string, unknown>[], folders: readonly Record<string, unknown>[] = []): ImportInput {
  const complete = items.map((item) => ({ category: 'login', template_type: 'login.default', title: 'Example', note: '', favorite: 0, trashed: 0, archived: 0, ...item }));
  return textInput(JSON.stringify({ folders, items: complete }), 'export.json');
}

function field(type: string, label: string, value: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type, label, value, sensitive: type === 'password' ? 1 : 0, deleted: 0, order: 1, uid: 0, ...extra };
}

describe('enpassJsonImporter: the Bitwarden spec files', () => {
  const amazon = {
    title: 'Amazon',
    email: 'emily@enpass.io',
    password: '$&W:v@}4\\iRpUXVbjPdPKDGbD<xK>',
    phone: '12345678',
    securityQuestion: 'SECURITY_QUESTION',
    securityAnswer: 'SECURITY_ANSWER',
    notes: 'some notes on the login item',
    favorite: true,
  } as const;
  /** TOTP_SEED_VALUE is not base32: Bitwarden copies it; we import the item and name the field. */
  const seedProblem = { item: 'Amazon', what: 'TOTP', reason: expect.stringContaining('not a base32 letter'), kind: 'invalid' };

  it('reads a login: username and e-mail both kept, phone and security question in their fields, the section dropped', () => {
    const result = read(fixture('bitwarden_enpass-json_login.json'));
    expect(result.format).toBe('enpass-json');
    expect(result.items).toHaveLength(1);
    const [item] = result.items;
    expect(withoutIds(item!.content)).toEqual(expectedContent({ ...amazon, websites: ['https://www.amazon.com'] }));
    expect(item).toMatchObject({ trashed: false, createdAt: 1_666_449_561_000, updatedAt: 1_666_449_561_000 });
    expect(result.problems).toEqual([seedProblem]);
  });

  it('reads Android autofill fields as androidapp:// websites, after the website, in order', () => {
    const result = read(fixture('bitwarden_enpass-json_login-android-url.json'));
    expect(result.items.map((item) => item.content.websites)).toEqual([
      [
        'https://www.amazon.com',
        'androidapp://com.amazon.0',
        'androidapp://com.amazon.1',
        'androidapp://com.amazon.2',
        'androidapp://com.amazon.3',
      ],
    ]);
    expect(result.items[0]!.content.title).toBe('Amazon');
    expect(result.problems).toEqual([seedProblem]);
  });

  it('reads nested folders as a Parent/Child tag, and a secure note as an "other" item with its text', () => {
    const result = read(fixture('bitwarden_enpass-json_folders.json'));
    expect(result.items.map((item) => withoutIds(item.content))).toEqual([
      expectedContent({ template: 'other', title: 'some secure note title', notes: 'some secure note content', tags: ['Social/Twitter'] }),
    ]);
    expect(result.problems).toEqual([]);
  });
});

describe('enpassJsonImporter: the Proton Pass mock export', () => {
  const result = read(fixture('proton-pass_enpass-mock_EXCERPT.json'));
  const items = result.items;
  const twitter = {
    title: 'Twitter',
    email: 'emily@enpass.io',
    password: 'herbert nadia banal slag broken violin somber modern cdc posing',
    websites: ['https://www.twitter.com/'],
    securityQuestion: 'Example extra field, predefined',
    customFields: [{ label: 'Custom field name', value: 'Example extra field, user-defined', sensitive: true }],
    tags: ['Social'],
  };
  const secret = 'QG4RPWYF4T23V62G4TA3NE4374';
  const times = [59, 1_697_729_073, 2_000_000_000];

  it('imports all eight items in order', () => {
    expect(items.map((item) => item.content.title)).toEqual(['Twitter', 'Twitter', 'Yahoo!', 'Trashed', 'Archived', 'Note', 'Credit Card', 'Password']);
  });

  it('reads the spaced lower-case secret into a TOTP field giving the computed codes', () => {
    const [first, second] = items;
    const otp = [{ label: 'One-time code', uri: expect.any(String) }];
    const firstOtp = first!.content.otp;
    expect(withoutIds(first!.content)).toEqual(expectedContent({ ...twitter, otp }));
    // A bare secret gets the item's title as issuer and its username, else its e-mail, as account.
    expectAccount(firstOtp[0]!.uri, { type: 'totp', secret, issuer: 'Twitter', account: 'emily@enpass.io', algorithm: 'SHA1', digits: 6, period: 30 });
    expect(codesOf(firstOtp[0]!.uri, times)).toEqual(['262464', '622346', '071451']);
    // The same codes as Proton's URI for this field.
    expect(codesOf(`otpauth://totp/Twitter?secret=${secret}&algorithm=SHA1&digits=6&period=30`, times)).toEqual(['262464', '622346', '071451']);

    expect(withoutIds(second!.content)).toEqual(expectedContent({ ...twitter, username: 'Emily', otp }));
    expectAccount(second!.content.otp[0]!.uri, { secret, issuer: 'Twitter', account: 'Emily' });
  });

  it('reads an item without fields', () => {
    expect(withoutIds(items[2]!.content)).toEqual(expectedContent({ title: 'Yahoo!', notes: 'example note' }));
  });

  it('imports trashed and archived items into the trash, and names the secret it cannot read', () => {
    expect(items.map((item) => item.trashed)).toEqual([false, false, false, true, true, false, false, false]);
    expect(withoutIds(items[3]!.content)).toEqual(
      expectedContent({
        title: 'Trashed',
        username: 'username',
        email: 'email@example.com',
        password: 'password',
        websites: ['https://example.com'],
        phone: '+19999999',
        securityQuestion: "Dog's name?",
        securityAnswer: 'Proton',
        notes: 'Custom note',
      }),
    );
    expect(withoutIds(items[4]!.content)).toEqual(
      expectedContent({ title: 'Archived', email: 'emily@enpass.io', password: '$&W:v@}4\\iRpUXVbjPdPKDGbD<xK>', websites: ['https://www.amazon.com'] }),
    );
    expect(result.problems).toEqual([{ item: 'Trashed', what: 'One-time code', reason: expect.stringContaining('cut off'), kind: 'invalid' }]);
  });

  it('imports a secure note as an "other" item with its tags', () => {
    expect(withoutIds(items[5]!.content)).toEqual(expectedContent({ template: 'other', title: 'Note', notes: 'Note text', tags: ['tag1', 'tag whitespace'] }));
  });

  it('imports a card as an "other" item: its login in our fields, the card fields as custom fields with their flags', () => {
    expect(withoutIds(items[6]!.content)).toEqual(
      expectedContent({
        template: 'other',
        title: 'Credit Card',
        username: 'Emily_ENP',
        password: 'nnn tug shoot selfish bon liars convent dusty minnow uncheck',
        websites: ['http://global.americanexpress.com/'],
        customFields: [
          { label: 'Cardholder', value: 'Emily Sample', sensitive: false },
          { label: 'Type', value: 'American Express', sensitive: false },
          { label: 'Number', value: '1234 123456 00000', sensitive: false },
          { label: 'CVC', value: '1234', sensitive: true },
          { label: 'PIN', value: '9874', sensitive: true },
          { label: 'Expiry date', value: '03/27', sensitive: false },
          { label: 'Issuing bank', value: 'American Express', sensitive: false },
          { label: 'Credit limit', value: '100000', sensitive: false },
          { label: 'Withdrawal limit', value: '50000', sensitive: false },
        ],
      }),
    );
  });

  it('imports a "password" item as a login', () => {
    expect(withoutIds(items[7]!.content)).toEqual(
      expectedContent({
        title: 'Password',
        username: 'username',
        password: 'password',
        notes: 'custom note',
        customFields: [{ label: 'Access', value: 'access', sensitive: false }],
        tags: ['tag1'],
      }),
    );
  });

  it('keeps the times, in milliseconds', () => {
    expect(items[0]).toMatchObject({ createdAt: 1_697_729_073_000, updatedAt: 1_698_057_141_000 });
  });
});

describe('enpassJsonImporter: a recent real export (enpass-apple-migrator)', () => {
  const result = read(fixture('enpass-escape_export.json'));

  it('reads the three items, dropping deleted fields, sections and empty ones', () => {
    const full = { username: 'UserNameTest', email: 'EmailTest', password: 'PasswordTest', websites: ['test.de'], securityQuestion: '12321312213', securityAnswer: '1231232132131231', notes: 'My notes' };
    expect(result.items.map((item) => withoutIds(item.content))).toEqual([
      expectedContent({
        ...full,
        title: 'TestHeaderFullWithExtra',
        phone: '123422332',
        customFields: [
          { label: 'Extra', value: '2132132', sensitive: false },
          { label: 'Extra 2', value: '12312321', sensitive: false },
        ],
        tags: ['my tags', 'sada'],
      }),
      expectedContent({ title: 'TestHeaderMinimal', username: 'UserNameTest', password: 'PasswordTest' }),
      expectedContent({ ...full, title: 'TestHeaderReduced', phone: 'Phone123' }),
    ]);
    expect(result.items[0]).toMatchObject({ trashed: false, createdAt: 1_748_310_125_000, updatedAt: 1_748_311_134_000 });
  });

  it('names the junk one-time code ("asdsadsaads") and imports its item without it', () => {
    expect(result.problems).toEqual([{ item: 'TestHeaderFullWithExtra', what: 'One-time code', reason: expect.stringContaining('cut off'), kind: 'invalid' }]);
  });
});

describe('enpassJsonImporter: pass-import’s Enpass 6 export', () => {
  const result = read(fixture('pass-import_enpass6.json'));

  it('gives the reference entries, folders as tags (WS under Emails), and no TOTP for the empty TOTP fields', () => {
    const key = (entry: { title: string; username: string }) => `${entry.title}\u0000${entry.username}`;
    const read = result.items
      .map(({ content }) => ({ title: content.title, username: content.username, password: content.password, websites: content.websites, notes: content.notes, tag: content.tags.join(',') }))
      .sort((a, b) => key(a).localeCompare(key(b)));
    expect(read).toEqual([...PASS_IMPORT_ENTRIES].sort((a, b) => key(a).localeCompare(key(b))));
    expect(result.items.flatMap((item) => item.content.otp)).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('keeps the extra field, and the only time the export gives (it has no creation time)', () => {
    const withCustom = result.items.filter((item) => item.content.customFields.length > 0);
    expect(withCustom.map((item) => [item.content.title, withoutIds(item.content).customFields])).toEqual([
      [PASS_IMPORT_PIN.title, [{ label: PASS_IMPORT_PIN.label, value: PASS_IMPORT_PIN.value, sensitive: false }]],
    ]);
    expect(result.items.every((item) => item.createdAt === null && item.updatedAt === 1_483_228_800_000)).toBe(true);
  });
});

describe('enpassJsonImporter: fields', () => {
  it('reads every one-time-code field: URIs with their settings, bare secrets in any spacing, junk named, empty ignored', () => {
    const uri = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA256&digits=8&period=60';
    const result = read(
      exportOf([
        {
          title: 'Example',
          fields: [
            field('username', 'Username', 'alice'),
            field('totp', 'TOTP', uri),
            field('totp', 'Backup code', ' jbsw y3dp\tehpk 3pxp '),
            field('totp', 'Old TOTP', 'not a secret!'),
            field('totp', 'Empty', '  '),
            field('totp', 'Deleted', 'GEZDGNBVGY3TQOJQ', { deleted: 1 }),
          ],
        },
      ]),
    );
    const [item] = result.items;
    expect(item!.content.otp.map((otp) => otp.label)).toEqual(['TOTP', 'Backup code']);
    expectAccount(item!.content.otp[0]!.uri, { secret: 'JBSWY3DPEHPK3PXP', issuer: 'Example', account: 'alice', algorithm: 'SHA256', digits: 8, period: 60 });
    expectAccount(item!.content.otp[1]!.uri, { secret: 'JBSWY3DPEHPK3PXP', issuer: 'Example', account: 'alice', algorithm: 'SHA1', digits: 6, period: 30 });
    const key = decodeBase32('JBSWY3DPEHPK3PXP');
    expect(codesOf(item!.content.otp[0]!.uri, [59])).toEqual([totp(key, 59, { algorithm: 'sha256', digits: 8, period: 60 })]);
    expect(result.problems).toEqual([{ item: 'Example', what: 'Old TOTP', reason: expect.any(String), kind: 'invalid' }]);
  });

  it('keeps a second username, e-mail or password as a custom field, a password always hidden', () => {
    const result = read(
      exportOf([
        {
          fields: [
            field('username', 'Username', 'alice'),
            field('username', 'Admin user', 'root'),
            field('email', 'E-mail', 'a@example.com'),
            field('email', 'Recovery e-mail', 'b@example.com'),
            field('password', 'Password', 'first'),
            field('password', 'Old password', 'second', { sensitive: 0 }),
            field('url', 'Website', ' https://one.example '),
            field('url', 'Website', 'https://two.example'),
            field('multiline', 'Recovery codes', 'aaa\nbbb', { sensitive: 1 }),
          ],
        },
      ]),
    );
    expect(withoutIds(result.items[0]!.content)).toMatchObject({
      username: 'alice',
      email: 'a@example.com',
      password: 'first',
      websites: ['https://one.example', 'https://two.example'],
      customFields: [
        { label: 'Admin user', value: 'root', sensitive: false },
        { label: 'Recovery e-mail', value: 'b@example.com', sensitive: false },
        { label: 'Old password', value: 'second', sensitive: true },
        { label: 'Recovery codes', value: 'aaa\nbbb', sensitive: true },
      ],
    });
  });

  it('reads the login template’s security question and answer whatever language their labels are in', () => {
    const result = read(
      exportOf([{ fields: [field('text', 'Sicherheitsfrage', 'Erstes Haustier?', { uid: 15 }), field('text', 'Sicherheitsantwort', 'Bello', { uid: 16, sensitive: 1 })] }]),
    );
    expect(result.items[0]!.content).toMatchObject({ securityQuestion: 'Erstes Haustier?', securityAnswer: 'Bello', customFields: [] });
  });

  it('names each attachment as skipped', () => {
    const result = read(exportOf([{ title: 'Passport', category: 'travel', attachments: [{ name: 'scan.pdf', data: 'JVBERi0=' }, { name: 'photo.png', data: 'iVBORw==' }] }]));
    expect(result.items).toHaveLength(1);
    expect(result.problems).toEqual([
      { item: 'Passport', what: "attachment 'scan.pdf'", reason: 'attachments are not imported', kind: 'skipped' },
      { item: 'Passport', what: "attachment 'photo.png'", reason: 'attachments are not imported', kind: 'skipped' },
    ]);
  });

  it('chooses the template from the category', () => {
    const result = read(
      exportOf([
        { category: 'login', template_type: 'login.default' },
        { category: 'password', template_type: 'password.default' },
        { category: 'computer', template_type: 'computer.emailaccount' },
        { category: 'computer', template_type: 'computer.server' },
        { category: 'computer', template_type: 'computer.wifi' },
        { category: 'identity', template_type: 'identity.default' },
      ]),
    );
    expect(result.items.map((item) => item.content.template)).toEqual(['login', 'login', 'email', 'server', 'other', 'other']);
  });

  it('names an item without a title after its username, else "Untitled" (the vault needs a title)', () => {
    const result = read(exportOf([{ title: ' ', fields: [field('username', 'Username', 'alice')] }, { title: '' }]));
    expect(result.items.map((item) => item.content.title)).toEqual(['alice', 'Untitled']);
  });

  it('survives folders that are their own ancestors, and ignores unknown folders', () => {
    const folders = [
      { uuid: 'a', parent_uuid: 'b', title: 'A' },
      { uuid: 'b', parent_uuid: 'a', title: 'B' },
    ];
    const result = read(exportOf([{ folders: ['a', 'missing'] }], folders));
    expect(result.items[0]!.content.tags).toEqual(['B/A']);
  });

  it('skips, and names, entries of "items" that are not Enpass items', () => {
    const input = textInput(JSON.stringify({ items: [{ category: 'login', title: 'Kept' }, 42, { name: 'no category' }] }));
    const result = read(input);
    expect(result.items.map((item) => item.content.title)).toEqual(['Kept']);
    expect(result.problems).toEqual([
      { item: '', what: 'entry 2 of "items"', reason: expect.any(String), kind: 'skipped' },
      { item: '', what: 'entry 3 of "items"', reason: expect.any(String), kind: 'skipped' },
    ]);
  });
});

describe('enpassJsonImporter: detection', () => {
  it.each(OWN_FIXTURES)('recognises %s', (name) => {
    expect(enpassJsonImporter.detect(fixture(name))).toBe(true);
    expect(enpassJsonImporter.isEncrypted(fixture(name))).toBe(false);
  });

  it('recognises no other file, whatever its name', () => {
    const others = allFixtures().filter(({ path }) => !OWN_FIXTURES.some((name) => path === `enpass/${name}`));
    expect(others.length).toBeGreaterThan(30);
    expect(others.filter(({ input }) => enpassJsonImporter.detect(input)).map(({ path }) => path)).toEqual([]);
  });

  it.each([
    ['an unrelated object', '{"name":"x","items":{"a":1}}'],
    ['an empty export (nothing to tell it by)', '{"folders":[],"items":[]}'],
    ['Bitwarden-like items', '{"encrypted":false,"items":[{"name":"x","type":1,"fields":[]}]}'],
    ['a list', '[{"category":"login","title":"x"}]'],
    ['text', 'category title items'],
    ['nothing', ''],
  ])('does not recognise %s', (_name, text) => {
    expect(enpassJsonImporter.detect(textInput(text))).toBe(false);
  });

  it('looks at the content, not the name', () => {
    const bytes = readFileSync(new URL('bitwarden_enpass-json_login.json', ENPASS));
    expect(enpassJsonImporter.detect({ fileName: 'export.csv', bytes })).toBe(true);
    expect(enpassJsonImporter.detect({ fileName: 'enpass.json', bytes: new TextEncoder().encode('{"a":1}') })).toBe(false);
  });
});

describe('enpassJsonImporter: damaged files', () => {
  const text = readFileSync(new URL('proton-pass_enpass-mock_EXCERPT.json', ENPASS), 'utf8');

  it.each([0.1, 0.5, 0.9, 0.999])('says a file cut at %d of its length is cut off', (fraction) => {
    expect(() => read(textInput(text.slice(0, Math.floor(text.length * fraction))))).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'the file is cut off'));
  });

  it('never quotes the file in its message (it may be a password)', () => {
    const damaged = '{"items":[{"category":"login","title":"x","fields":[{"value":"Hunter2Secret" oops}]}]}';
    expect(() => read(textInput(damaged))).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'not valid JSON (line 1)'));
    try {
      read(textInput(damaged));
    } catch (thrown) {
      expect(String((thrown as Error).message)).not.toContain('Hunter2');
    }
  });

  it.each([
    ['text that is not JSON', 'Title,Field,Value', 'the file is not JSON.'],
    ['JSON without items', '{"folders":[]}', 'no "items" list'],
    ['a JSON list', '[1, 2, 3]', 'no "items" list'],
    ['items that are not Enpass items', '{"items":[{"name":"x","login":{}}]}', 'no Enpass category'],
  ])('rejects %s', (_name, content, message) => {
    expect(() => read(textInput(content))).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', message));
  });

  it('rejects bytes that are not text', () => {
    const input = { fileName: 'export.json', bytes: Uint8Array.from([0x7b, 0xff, 0xfe, 0x00, 0x81]) };
    expect(() => read(input)).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'not valid UTF-8'));
  });

  it('reads an export with no items as nothing to import', () => {
    expect(read(textInput('{"folders":[],"items":[]}'))).toEqual({ format: 'enpass-json', items: [], problems: [] });
  });
});

describe('enpassJsonImporter: size', () => {
  it('reads 1,000 items, each with a one-time code, in one pass', () => {
    const folders = Array.from({ length: 20 }, (_, index) => ({ uuid: `f${index}`, parent_uuid: index > 0 ? `f${index - 1}` : '', title: `Folder ${index}` }));
    const items = Array.from({ length: 1000 }, (_, index) => ({
      title: `Item ${index}`,
      folders: [`f${index % 20}`],
      fields: [field('username', 'Username', `user${index}`), field('password', 'Password', `password ${index}`), field('totp', 'TOTP', 'JBSWY3DPEHPK3PXP')],
    }));
    const result = read(exportOf(items, folders));
    expect(result.items).toHaveLength(1000);
    expect(result.problems).toEqual([]);
    expect(result.items[999]!.content).toMatchObject({ title: 'Item 999', username: 'user999', password: 'password 999' });
    expect(result.items[999]!.content.tags[0]!.split('/')).toHaveLength(20);
    expect(result.items.every((item) => item.content.otp.length === 1)).toBe(true);
  });
});
