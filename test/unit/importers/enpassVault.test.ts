/**
 * Enpass 6's vault read directly: the real vault of the shared fixtures (hazcod/enpass-cli's test vault,
 * password per its vault_test.go) through our own SQLCipher page decryption, its failures (wrong password,
 * a damaged page, a missing or crafted vault.json, keyfiles), and the item mapping on a database we build.
 *
 * The 320,000-round derivation of the real vault runs once for the file: the importer under test gets a
 * derivation that remembers its results (and counts its calls, to prove what is refused before deriving).
 */
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { enpassKeyMaterial, readEnpassKeyfile } from '../../../src/main/importers/enpassKeyMaterial.js';
import { type EnpassKeyDerivation, createEnpassVaultImporter, enpassVaultImporter } from '../../../src/main/importers/enpassVaultImporter.js';
import { enpassVaultItems } from '../../../src/main/importers/enpassVaultItems.js';
import { IMPORTERS, type ImportInput, type ImportResult, findImporter } from '../../../src/main/importers/index.js';
import { SQLCIPHER3, decryptSqlcipher3 } from '../../../src/main/importers/sqlcipherImage.js';
import { readDatabaseImage } from '../../../src/main/storage/index.js';
import { VaultError } from '../../../src/shared/errors.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';
import { ENPASS, expectedContent, withoutIds } from './enpassFixtures.js';

const PASSWORD = 'absolutely-No-clue';
const REAL_VAULT = new URL('real-vault/', ENPASS);
const DATABASE = readFileSync(new URL('vault.enpassdb', REAL_VAULT));
const INFO = readFileSync(new URL('vault.json', REAL_VAULT));
const PAGES = DATABASE.length / SQLCIPHER3.pageBytes;

/** The real PBKDF2, remembered by its inputs; `calls` counts every request, remembered or not. */
function rememberingDerivation(): EnpassKeyDerivation & { calls: number } {
  const keys = new Map<string, Buffer>();
  const derive = async (material: Uint8Array, salt: Uint8Array, rounds: number) => {
    derive.calls += 1;
    const id = `${Buffer.from(material).toString('hex')}/${Buffer.from(salt).toString('hex')}/${rounds}`;
    if (!keys.has(id)) keys.set(id, pbkdf2Sync(material, salt, rounds, 32, 'sha512'));
    // A copy: the importer wipes the key it is given.
    return Buffer.from(keys.get(id)!);
  };
  derive.calls = 0;
  return derive;
}

const derive = rememberingDerivation();
const importer = createEnpassVaultImporter(derive);

function vaultInput(changes: { bytes?: Uint8Array; info?: Record<string, unknown> | null; companions?: [string, Uint8Array][]; fileName?: string } = {}): ImportInput {
  const companions = new Map<string, Uint8Array>(changes.companions ?? []);
  if (changes.info !== null) {
    companions.set('vault.json', changes.info ? Buffer.from(JSON.stringify({ ...JSON.parse(INFO.toString('utf8')), ...changes.info })) : INFO);
  }
  return { fileName: changes.fileName ?? 'vault.enpassdb', bytes: changes.bytes ?? DATABASE, companions };
}

/** The real vault with one byte of page `page` (1-based) flipped at `offset` within it. */
function flippedPage(page: number, offset: number): Buffer {
  const bytes = Buffer.from(DATABASE);
  bytes[(page - 1) * SQLCIPHER3.pageBytes + offset]! ^= 0x01;
  return bytes;
}

describe('enpassVaultImporter: the real Enpass 6 vault', () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importer.read(vaultInput(), PASSWORD);
  });

  it('is recognised from its pages and its vault.json, by no other importer, and needs a password', () => {
    expect(findImporter(vaultInput()).format).toBe('enpass-vault');
    expect(IMPORTERS.filter((candidate) => candidate.detect(vaultInput())).map((candidate) => candidate.format)).toEqual(['enpass-vault']);
    expect(enpassVaultImporter.isEncrypted(vaultInput())).toBe(true);
  });

  it('opens with its password to its one item, Whatever, as the JSON export would give it', () => {
    expect(result.format).toBe('enpass-vault');
    expect(result.problems).toEqual([]);
    expect(result.items).toHaveLength(1);
    const [item] = result.items;
    expect(item).toMatchObject({ trashed: false, createdAt: 1_768_390_265_000, updatedAt: 1_768_392_056_000 });
    // Enpass's subtitle is johndoe@whatever.com: the username. The empty TOTP field (uid 102) gives no OTP field.
    expect(withoutIds(item!.content)).toEqual(
      expectedContent({
        title: 'Whatever',
        username: 'johndoe@whatever.com',
        email: 'johndoe@whatever',
        password: 'noIdeaata11',
        otp: [],
        // The fields the user added in two sections (INCOMING, OUTGOING, whose headings are dropped), in Enpass's order.
        customFields: [
          { label: 'URL', value: 'https://www.whatever.com', sensitive: false },
          { label: 'User name', value: 'johndoe@whatever.com', sensitive: false },
          { label: 'Port No.', value: '110', sensitive: false },
          { label: 'Authentification', value: 'Password', sensitive: false },
          { label: 'SMTP-Server', value: 'smtp.whatever.com', sensitive: false },
          { label: 'User name', value: 'johndoe@whatever.com', sensitive: false },
          // The second password field, decrypted like the first, and hidden.
          { label: 'Password', value: 'noIdeaata11', sensitive: true },
          { label: 'Authentification', value: 'STARTTLS', sensitive: false },
        ],
      }),
    );
  });

  it('checks every page with SQLCipher 3 settings: 1024-byte pages, HMAC-SHA1, and gives a plain SQLite image', async () => {
    const key = await derive(enpassKeyMaterial(PASSWORD), DATABASE.subarray(0, 16), 320_000);
    const opening = decryptSqlcipher3(DATABASE, key);
    expect(opening.ok).toBe(true);
    if (!opening.ok) return;
    expect(opening.image.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(opening.image.readUInt16BE(16)).toBe(1024);
    // Two pages swapped: each is intact, but the page number is part of its HMAC.
    const swapped = Buffer.from(DATABASE);
    DATABASE.copy(swapped, SQLCIPHER3.pageBytes, 2 * SQLCIPHER3.pageBytes, 3 * SQLCIPHER3.pageBytes);
    DATABASE.copy(swapped, 2 * SQLCIPHER3.pageBytes, SQLCIPHER3.pageBytes, 2 * SQLCIPHER3.pageBytes);
    expect(decryptSqlcipher3(swapped, key)).toEqual({ ok: false, failedPage: 2 });
  });

  it('says a wrong password is wrong (page 1 does not check)', async () => {
    await expect(importer.read(vaultInput(), 'absolutely-no-clue')).rejects.toThrow(vaultErrorLike('WRONG_PASSWORD', /^The Enpass master password is wrong\.$/));
  });

  it('says a changed byte in page 2 is damage, naming the page; in page 1 it cannot tell from a wrong password', async () => {
    await expect(importer.read(vaultInput({ bytes: flippedPage(2, 100) }), PASSWORD)).rejects.toThrow(
      vaultErrorLike('UNSUPPORTED_FORMAT', `This Enpass (vault) export cannot be read: page 2 of ${PAGES} of vault.enpassdb is damaged`),
    );
    await expect(importer.read(vaultInput({ bytes: flippedPage(PAGES, 1000) }), PASSWORD)).rejects.toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', `page ${PAGES} of ${PAGES}`));
    await expect(importer.read(vaultInput({ bytes: flippedPage(1, 500) }), PASSWORD)).rejects.toThrow(vaultErrorLike('WRONG_PASSWORD', 'master password is wrong'));
  });

  it('refuses a vault cut off mid-page', async () => {
    const cut = DATABASE.subarray(0, DATABASE.length - 100);
    expect(importer.detect(vaultInput({ bytes: cut }))).toBe(false);
    await expect(importer.read(vaultInput({ bytes: cut }), PASSWORD)).rejects.toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'not whole 1024-byte database pages'));
  });
});

describe('enpassVaultImporter: vault.json and keyfiles', () => {
  it('says vault.json is missing, and recognises vault.enpassdb by its name alone so that it can say so', async () => {
    const alone = vaultInput({ info: null });
    expect(findImporter(alone).format).toBe('enpass-vault');
    expect(importer.detect(vaultInput({ info: null, fileName: 'backup.bin' }))).toBe(false);
    await expect(importer.read(alone, PASSWORD)).rejects.toThrow(
      vaultErrorLike('INVALID_INPUT', 'An Enpass vault is read with its vault.json, which is missing: copy the vault\'s folder whole'),
    );
  });

  it('refuses an absurd kdf_iter before deriving anything', async () => {
    const before = derive.calls;
    for (const rounds of [1e12, 999, 0, -320_000, 320_000.5]) {
      await expect(importer.read(vaultInput({ info: { kdf_iter: rounds } }), PASSWORD)).rejects.toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'Enpass uses 1,000 to 10,000,000.'));
    }
    await expect(importer.read(vaultInput({ info: { kdf_iter: '320000' } }), PASSWORD)).rejects.toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'no number of key derivation rounds'));
    await expect(importer.read(vaultInput({ info: { kdf_algo: 'argon2id' } }), PASSWORD)).rejects.toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'other than PBKDF2'));
    await expect(importer.read(vaultInput({ info: { encryption_algo: 'chacha20' } }), PASSWORD)).rejects.toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'other than AES-256-CBC'));
    await expect(importer.read(vaultInput({ info: null, companions: [['vault.json', Buffer.from('not json')]] }), PASSWORD)).rejects.toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'vault.json is not a JSON object'));
    expect(importer.detect(vaultInput({ info: { kdf_algo: 'argon2id' } }))).toBe(false);
    expect(derive.calls).toBe(before);
  });

  it('asks for the password when none is given', async () => {
    await expect(importer.read(vaultInput())).rejects.toThrow(vaultErrorLike('INVALID_INPUT', 'This Enpass (vault) export is encrypted: enter its password.'));
  });

  it('wants the keyfile of a vault that has one, and only then', async () => {
    const keyfile = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><key>00ff10ab</key>');
    await expect(importer.read(vaultInput({ info: { have_keyfile: 1 } }), PASSWORD)).rejects.toThrow(vaultErrorLike('INVALID_INPUT', 'locked with a keyfile as well'));
    await expect(importer.read(vaultInput({ companions: [['my.enpasskey', keyfile]] }), PASSWORD)).rejects.toThrow(vaultErrorLike('INVALID_INPUT', 'has no keyfile'));
    await expect(importer.read(vaultInput({ info: { have_keyfile: 1 }, companions: [['notes.txt', Buffer.from('hello')]] }), PASSWORD)).rejects.toThrow(
      vaultErrorLike('INVALID_INPUT', 'notes.txt is not an Enpass keyfile'),
    );
  });

  it('derives the key from the password followed by the keyfile key bytes (the documented formula; no real keyfile vault exists here)', async () => {
    const key = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const keyfile = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<key>${key}</key>\n`);
    expect(readEnpassKeyfile(keyfile)).toEqual(Buffer.from(key, 'hex'));
    expect(enpassKeyMaterial('pässword', Buffer.from(key, 'hex'))).toEqual(Buffer.concat([Buffer.from('pässword', 'utf8'), Buffer.from(key, 'hex')]));
    expect(enpassKeyMaterial('pässword')).toEqual(Buffer.from('pässword', 'utf8'));
    for (const notKeyfile of ['<key>abc</key>', '<key>not hex</key>', '<key>00ff</other>', 'a1b2c3d4', '']) {
      expect(readEnpassKeyfile(Buffer.from(notKeyfile))).toBeNull();
    }
    // Through the importer: what reaches PBKDF2, and the message when the pair does not open the vault.
    const seen: Buffer[] = [];
    const spying = createEnpassVaultImporter(async (material) => {
      seen.push(Buffer.from(material));
      return randomBytes(32);
    });
    await expect(spying.read(vaultInput({ info: { have_keyfile: 1 }, companions: [['Vault.enpasskey', keyfile]] }), PASSWORD)).rejects.toThrow(
      vaultErrorLike('WRONG_PASSWORD', 'The Enpass master password or keyfile is wrong.'),
    );
    expect(seen).toEqual([Buffer.concat([Buffer.from(PASSWORD), Buffer.from(key, 'hex')])]);
  });

  it('never puts the password in a message', async () => {
    const thrown = await Promise.resolve(importer.read(vaultInput(), `${PASSWORD}!`)).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(VaultError);
    expect((thrown as VaultError).message).not.toContain(PASSWORD);
  });
});

describe('enpassVaultItems: the mapping, on a database built here', () => {
  const UUID = '489e13cc-3dea-40a9-b883-2bd61f2f4f48';

  /** A plain SQLite image with Enpass's item tables (the columns the mapping reads) and `sql` run on it. */
  function image(build: (database: BetterSqlite3.Database) => void): Buffer {
    const database = new BetterSqlite3(':memory:');
    database.exec(`
      CREATE TABLE item(ID INTEGER PRIMARY KEY, uuid TEXT, created_at INTEGER, meta_updated_at INTEGER, field_updated_at INTEGER, title TEXT,
        note TEXT, favorite INTEGER DEFAULT 0, trashed INTEGER DEFAULT 0, archived INTEGER DEFAULT 0, deleted INTEGER DEFAULT 0,
        category TEXT, template TEXT, key BLOB, updated_at INTEGER DEFAULT 0);
      CREATE TABLE itemfield(ID INTEGER PRIMARY KEY, item_uuid TEXT, item_field_uid INTEGER, label TEXT, value TEXT, deleted INTEGER DEFAULT 0,
        sensitive INTEGER DEFAULT 0, type TEXT, orde INTEGER);
      CREATE TABLE folder(ID INTEGER PRIMARY KEY, uuid TEXT, title TEXT, deleted INTEGER DEFAULT 0, parent_uuid TEXT);
      CREATE TABLE folder_items(ID INTEGER PRIMARY KEY, folder_uuid TEXT, item_uuid TEXT, deleted INTEGER DEFAULT 0);
      CREATE TABLE attachment(ID INTEGER PRIMARY KEY, uuid TEXT, item_uuid TEXT, name TEXT, deleted INTEGER DEFAULT 0);`);
    build(database);
    const bytes = database.serialize();
    database.close();
    return bytes;
  }

  /** A field value sealed as Enpass seals passwords: hex of AES-256-GCM ciphertext and tag, the uuid's bytes as AAD. */
  function sealed(value: string, itemKey: Buffer, uuid = UUID): string {
    const cipher = createCipheriv('aes-256-gcm', itemKey.subarray(0, 32), itemKey.subarray(32));
    cipher.setAAD(Buffer.from(uuid.replaceAll('-', ''), 'hex'));
    return Buffer.concat([cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('hex');
  }

  function read(bytes: Buffer): Pick<ImportResult, 'items' | 'problems'> {
    return readDatabaseImage(bytes, (database) => enpassVaultItems(database, 'Enpass (vault)'), () => new VaultError('UNSUPPORTED_FORMAT', 'damaged'));
  }

  it('reads folders as tags, the trash and the archive as our trash, a TOTP, and leaves deleted items and fields out', () => {
    const itemKey = randomBytes(44);
    const other = '11111111-2222-4333-8444-555555555555';
    const result = read(
      image((database) => {
        const item = database.prepare('INSERT INTO item(uuid, created_at, updated_at, title, note, favorite, trashed, archived, deleted, category, template, key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)');
        item.run(UUID, 1_700_000_000, 1_700_000_100, 'GitHub', 'a note', 1, 0, 1, 0, 'login', 'login.default', itemKey);
        item.run(other, 1_700_000_000, 0, 'Gone', '', 0, 0, 0, 1, 'login', 'login.default', null);
        const field = database.prepare('INSERT INTO itemfield(item_uuid, item_field_uid, label, value, deleted, sensitive, type, orde) VALUES (?,?,?,?,?,?,?,?)');
        field.run(UUID, 11, 'Password', sealed('s3cret', itemKey), 0, 1, 'password', 3);
        field.run(UUID, 10, 'Username', 'octocat', 0, 0, 'username', 1);
        field.run(UUID, 102, 'TOTP', 'JBSWY3DPEHPK3PXP', 0, 0, 'totp', 4);
        field.run(UUID, 16, 'Frage 2', 'blue', 0, 1, 'text', 6);
        field.run(UUID, 200, 'Old', 'gone', 1, 0, 'text', 5);
        field.run(UUID, 300, 'SECTION', '', 0, 0, 'section', 2);
        database.prepare('INSERT INTO folder(uuid, title, parent_uuid) VALUES (?,?,?)').run('f1', 'Work', '');
        database.prepare('INSERT INTO folder(uuid, title, parent_uuid) VALUES (?,?,?)').run('f2', 'Dev', 'f1');
        database.prepare('INSERT INTO folder_items(folder_uuid, item_uuid) VALUES (?,?)').run('f2', UUID);
        database.prepare('INSERT INTO attachment(uuid, item_uuid, name) VALUES (?,?,?)').run('a1', UUID, 'recovery-codes.pdf');
      }),
    );
    expect(result.items).toHaveLength(1);
    const [item] = result.items;
    expect(item).toMatchObject({ trashed: true, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_100_000 });
    expect(item!.content).toMatchObject({ title: 'GitHub', username: 'octocat', password: 's3cret', securityAnswer: 'blue', notes: 'a note', tags: ['Work/Dev'], favorite: true });
    expect(item!.content.otp).toHaveLength(1);
    expect(item!.content.otp[0]!.uri).toMatch(/^otpauth:\/\/totp\/.*secret=JBSWY3DPEHPK3PXP/);
    expect(result.problems).toEqual([{ item: 'GitHub', what: "attachment 'recovery-codes.pdf'", reason: 'attachments are not imported', kind: 'skipped' }]);
  });

  it('names a password that does not open with its item key, and keeps the rest of the item', () => {
    const itemKey = randomBytes(44);
    const result = read(
      image((database) => {
        database.prepare('INSERT INTO item(uuid, title, category, template, key) VALUES (?,?,?,?,?)').run(UUID, 'Mail', 'login', 'login.default', itemKey);
        const field = database.prepare('INSERT INTO itemfield(item_uuid, item_field_uid, label, value, sensitive, type, orde) VALUES (?,?,?,?,?,?,?)');
        // Sealed for another item: the AAD (the uuid) does not match.
        field.run(UUID, 11, '', sealed('s3cret', itemKey, '11111111-2222-4333-8444-555555555555'), 1, 'password', 1);
        field.run(UUID, 10, '', 'me@example.com', 0, 'username', 2);
        // A plain value that merely looks like hex stays as it is.
        field.run(UUID, 500, 'Recovery key', 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef', 1, 'text', 3);
      }),
    );
    expect(result.items[0]!.content).toMatchObject({ username: 'me@example.com', password: '' });
    expect(result.items[0]!.content.customFields.map(({ label, value }) => [label, value])).toEqual([['Recovery key', 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef']]);
    expect(result.problems).toEqual([{ item: 'Mail', what: 'Password', reason: 'it cannot be decrypted with its item key', kind: 'invalid' }]);
  });

  it('says a database without Enpass item tables is not an Enpass vault', () => {
    const database = new BetterSqlite3(':memory:');
    database.exec('CREATE TABLE notes(text TEXT)');
    const bytes = database.serialize();
    database.close();
    expect(() => read(bytes)).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'its database has no item tables: it is not an Enpass 6 vault.'));
  });
});
