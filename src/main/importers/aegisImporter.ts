import { decodeBase64, decodeHex } from './binaryText.js';
import { type AccountOutcome, accountTitle, collectAccounts, readAuthenticatorAccount, skippedAccount } from './authenticatorAccount.js';
import { damagedExportError, requirePassword, wrongPasswordError } from './exportErrors.js';
import { GCM_TAG_BYTES, deriveScryptKey, isScryptCostAcceptable, openAesGcm } from './exportCiphers.js';
import type { ImportInput, ImportResult, Importer } from './importTypes.js';
import {
  type JsonObject,
  isJsonObject,
  namesById,
  numberField,
  objectField,
  parseJson,
  settingField,
  textField,
  textListField,
} from './jsonValues.js';

/**
 * Aegis Authenticator's vault export (beemdevelopment/Aegis docs/vault.md): `{version: 1, header, db}` where
 * `db` is the database object, or, encrypted, its AES-256-GCM ciphertext in base64. The master key is kept in
 * `header.slots`, each wrapping it with AES-256-GCM; password slots (type 1) derive their key with scrypt.
 * Database version 1 has no groups, version 2 a `group` name per entry, version 3 `groups` by uuid.
 */

const LABEL = 'Aegis';
const FILE_VERSION = 1;
const NEWEST_DATABASE_VERSION = 3;
const PASSWORD_SLOT = 1;
const NONCE_BYTES = 12;
const MASTER_KEY_BYTES = 32;

interface AegisFile {
  readonly version: number;
  readonly header: JsonObject;
  readonly db: string | JsonObject;
}

interface GcmParameters {
  readonly nonce: Buffer;
  readonly tag: Buffer;
}

export const aegisImporter: Importer = {
  format: 'aegis',
  label: LABEL,
  detect: (input) => aegisFile(input) !== null,
  isEncrypted: (input) => typeof aegisFile(input)?.db === 'string',
  read: readAegis,
};

function aegisFile(input: ImportInput): AegisFile | null {
  const value = parseJson(input.bytes);
  if (!isJsonObject(value) || typeof value.version !== 'number' || !isJsonObject(value.header)) return null;
  const db = value.db;
  return typeof db === 'string' || isJsonObject(db) ? { version: value.version, header: value.header, db } : null;
}

async function readAegis(input: ImportInput, password?: string): Promise<ImportResult> {
  const file = aegisFile(input);
  if (file === null) throw damagedExportError(LABEL, 'it is not an Aegis vault file (an object with "version", "header" and "db").');
  if (file.version !== FILE_VERSION) {
    throw damagedExportError(LABEL, `its file version ${file.version} is not the one this app reads (${FILE_VERSION}).`);
  }
  const database =
    typeof file.db === 'string' ? await decryptDatabase(file.header, file.db, requirePassword(LABEL, password)) : file.db;
  return { format: 'aegis', ...readDatabase(database) };
}

async function decryptDatabase(header: JsonObject, encoded: string, password: string): Promise<JsonObject> {
  const ciphertext = decodeBase64(encoded);
  if (ciphertext === null) throw damagedExportError(LABEL, 'its encrypted database is not valid base64.');
  const parameters = gcmParameters(objectField(header, 'params'), 'database');
  const slots = Array.isArray(header.slots) ? header.slots.filter(isJsonObject) : [];
  const passwordSlots = slots.filter((slot) => slot.type === PASSWORD_SLOT);
  if (passwordSlots.length === 0) {
    throw damagedExportError(LABEL, 'it has no password slot (it opens only with a fingerprint on the phone); export it again with a password.');
  }
  const masterKey = await unlockMasterKey(passwordSlots, password);
  const plaintext = openAesGcm(masterKey, parameters.nonce, ciphertext, parameters.tag);
  masterKey.fill(0);
  // The slot's tag proved the password right, so a database that fails its own tag was changed or cut.
  if (plaintext === null) throw damagedExportError(LABEL, 'its database does not match its key; the file is damaged.');
  const database = parseJson(plaintext);
  plaintext.fill(0);
  if (!isJsonObject(database)) throw damagedExportError(LABEL, 'its decrypted database is not a JSON object.');
  return database;
}

/** The master key from the first password slot the password opens; WRONG_PASSWORD when none does. */
async function unlockMasterKey(slots: readonly JsonObject[], password: string): Promise<Buffer> {
  for (const slot of slots) {
    const wrapped = decodeHex(textField(slot, 'key') ?? '');
    const salt = decodeHex(textField(slot, 'salt') ?? '');
    const cost = {
      cost: numberField(slot, 'n') ?? 0,
      blockSize: numberField(slot, 'r') ?? 0,
      parallelization: numberField(slot, 'p') ?? 0,
    };
    if (wrapped?.length !== MASTER_KEY_BYTES || salt === null || salt.length === 0) {
      throw damagedExportError(LABEL, 'a password slot has no valid key or salt.');
    }
    if (!isScryptCostAcceptable(cost)) {
      const { cost: n, blockSize: r, parallelization: p } = cost;
      throw damagedExportError(LABEL, `a password slot asks for scrypt parameters this app does not run (N=${n}, r=${r}, p=${p}).`);
    }
    const parameters = gcmParameters(objectField(slot, 'key_params'), 'password slot');
    const slotKey = await deriveScryptKey(password, salt, cost);
    const masterKey = openAesGcm(slotKey, parameters.nonce, wrapped, parameters.tag);
    slotKey.fill(0);
    if (masterKey !== null) return masterKey;
  }
  throw wrongPasswordError(LABEL);
}

function gcmParameters(object: JsonObject, what: string): GcmParameters {
  const nonce = decodeHex(textField(object, 'nonce') ?? '');
  const tag = decodeHex(textField(object, 'tag') ?? '');
  if (nonce?.length !== NONCE_BYTES || tag?.length !== GCM_TAG_BYTES) {
    throw damagedExportError(LABEL, `the ${what}'s nonce or tag is missing or the wrong length.`);
  }
  return { nonce, tag };
}

function readDatabase(database: JsonObject): Omit<ImportResult, 'format'> {
  const version = numberField(database, 'version');
  if (version === undefined || !Number.isInteger(version) || version < 1) {
    throw damagedExportError(LABEL, 'its database has no version.');
  }
  if (version > NEWEST_DATABASE_VERSION) {
    throw damagedExportError(
      LABEL,
      `its database version ${version} is newer than this app reads (1 to ${NEWEST_DATABASE_VERSION}); update TOTP Vault.`,
    );
  }
  const entries = database.entries;
  if (!Array.isArray(entries)) throw damagedExportError(LABEL, 'its database has no list of entries.');
  // Version 3's groups: `[{uuid, name}]`.
  const groupNames = namesById(database.groups, 'uuid');
  return collectAccounts(entries.map((entry) => readEntry(entry, groupNames)));
}

function readEntry(entry: unknown, groupNames: ReadonlyMap<string, string>): AccountOutcome {
  if (!isJsonObject(entry)) return { problem: skippedAccount('', 'An entry of the database is not an object.') };
  const info = objectField(entry, 'info');
  const settings = {
    type: textField(entry, 'type') ?? '',
    algorithm: settingField(info, 'algo')?.toString(),
    digits: settingField(info, 'digits'),
    period: settingField(info, 'period'),
    counter: settingField(info, 'counter'),
    issuer: textField(entry, 'issuer') ?? '',
    account: textField(entry, 'name') ?? '',
  };
  if (settings.type === '') return { problem: skippedAccount(accountTitle(settings), 'The entry has no OTP type.') };
  return readAuthenticatorAccount({
    secret: textField(info, 'secret') ?? '',
    settings,
    tags: entryTags(entry, groupNames),
    notes: textField(entry, 'note') ?? '',
    favorite: entry.favorite === true,
  });
}

/** Version 3 lists group uuids; version 2 named one group per entry, which Aegis itself converts the same way. */
function entryTags(entry: JsonObject, groupNames: ReadonlyMap<string, string>): string[] {
  const oldGroup = textField(entry, 'group')?.trim();
  const names = textListField(entry, 'groups').flatMap((uuid) => groupNames.get(uuid) ?? []);
  return [...new Set(oldGroup ? [oldGroup, ...names] : names)];
}
