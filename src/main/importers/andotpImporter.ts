import { type AccountOutcome, collectAccounts, readAuthenticatorAccount, skippedAccount } from './authenticatorAccount.js';
import { damagedExportError, requirePassword, wrongPasswordError } from './exportErrors.js';
import { GCM_TAG_BYTES, derivePbkdf2Key, openAesGcmWithAppendedTag, sha256Key } from './exportCiphers.js';
import type { ImportInput, ImportResult, Importer } from './importTypes.js';
import { type JsonObject, decodeUtf8, isJsonObject, parseJson, settingField, textField, textListField } from './jsonValues.js';

/**
 * andOTP's backups. Plain: a JSON array of accounts. Encrypted (`.json.aes`), with no header to tell the two
 * formats apart (andOTP's BackupHelper and Aegis's AndOtpImporter):
 * - new: 4-byte big-endian PBKDF2 rounds, 12-byte salt, 12-byte nonce, AES-256-GCM ciphertext and tag; the key
 *   is PBKDF2-HMAC-SHA1(password, salt, rounds, 256 bits);
 * - old: 12-byte nonce, ciphertext and tag; the key is SHA-256(password).
 * read() tries the new format, then the old, so the user never has to know which one they have.
 *
 * Detection (decision): an encrypted backup is random bytes. The new format is recognised by a plausible round
 * count in its first four bytes (andOTP writes 140,000 to 160,000); the old one cannot be told from noise by
 * content, so there the file name is the tie-breaker the contract allows: andOTP names its backups `*.json.aes`.
 */

const LABEL = 'andOTP';
const ROUNDS_BYTES = 4;
const SALT_BYTES = 12;
const NONCE_BYTES = 12;
/** Far above andOTP's 160,000, and low enough that a hostile count costs well under a second. */
const ROUNDS_LIMITS = { min: 1, max: 1_000_000 } as const;
const NEW_HEADER_BYTES = ROUNDS_BYTES + SALT_BYTES + NONCE_BYTES;
/** The smallest old-format file: nonce, "[]" and tag. */
const OLD_MINIMUM_BYTES = NONCE_BYTES + 2 + GCM_TAG_BYTES;
const ENCRYPTED_FILE_NAME = /\.json\.aes$/i;

export const andotpImporter: Importer = {
  format: 'andotp',
  label: LABEL,
  detect: (input) => isAccountList(parseJson(input.bytes)) || looksEncrypted(input),
  isEncrypted: (input) => parseJson(input.bytes) === undefined,
  read: readAndotp,
};

function isAccountList(value: unknown): value is unknown[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    // andOTP writes all three for every account, whatever its version; other lists of secrets lack `label`.
    value.every((entry) => isJsonObject(entry) && ['secret', 'type', 'label'].every((key) => typeof entry[key] === 'string'))
  );
}

function looksEncrypted(input: ImportInput): boolean {
  const { bytes } = input;
  const isBinary = decodeUtf8(bytes) === null || bytes.includes(0);
  if (!isBinary || bytes.length < OLD_MINIMUM_BYTES) return false;
  return newFormatRounds(bytes) !== null || ENCRYPTED_FILE_NAME.test(input.fileName);
}

/** The round count of a new-format file, or null when the first four bytes cannot be one. */
function newFormatRounds(bytes: Uint8Array): number | null {
  if (bytes.length <= NEW_HEADER_BYTES + GCM_TAG_BYTES) return null;
  const rounds = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).readUInt32BE(0);
  return rounds >= ROUNDS_LIMITS.min && rounds <= ROUNDS_LIMITS.max ? rounds : null;
}

async function readAndotp(input: ImportInput, password?: string): Promise<ImportResult> {
  const plain = parseJson(input.bytes);
  if (plain !== undefined) return readAccounts(plain);
  const secret = requirePassword(LABEL, password);
  if (input.bytes.length < OLD_MINIMUM_BYTES) throw damagedExportError(LABEL, 'it is too short to be an encrypted andOTP backup.');
  const plaintext = (await openNewFormat(input.bytes, secret)) ?? openOldFormat(input.bytes, secret);
  if (plaintext === null) throw wrongPasswordError(LABEL);
  const accounts = parseJson(plaintext);
  plaintext.fill(0);
  if (accounts === undefined) throw damagedExportError(LABEL, 'it decrypted, but what it holds is not JSON.');
  return readAccounts(accounts);
}

async function openNewFormat(bytes: Uint8Array, password: string): Promise<Buffer | null> {
  const rounds = newFormatRounds(bytes);
  if (rounds === null) return null;
  const salt = bytes.subarray(ROUNDS_BYTES, ROUNDS_BYTES + SALT_BYTES);
  const nonce = bytes.subarray(ROUNDS_BYTES + SALT_BYTES, NEW_HEADER_BYTES);
  const key = await derivePbkdf2Key(password, salt, rounds, 'sha1');
  const plaintext = openAesGcmWithAppendedTag(key, nonce, bytes.subarray(NEW_HEADER_BYTES));
  key.fill(0);
  return plaintext;
}

/** andOTP's first format: an unsalted hash as the key, kept only so that old backups can still be read. */
function openOldFormat(bytes: Uint8Array, password: string): Buffer | null {
  const key = sha256Key(password);
  const plaintext = openAesGcmWithAppendedTag(key, bytes.subarray(0, NONCE_BYTES), bytes.subarray(NONCE_BYTES));
  key.fill(0);
  return plaintext;
}

function readAccounts(accounts: unknown): ImportResult {
  if (!Array.isArray(accounts)) throw damagedExportError(LABEL, 'it is not a list of andOTP accounts.');
  return { format: 'andotp', ...collectAccounts(accounts.map(readAccount)) };
}

function readAccount(entry: unknown): AccountOutcome {
  if (!isJsonObject(entry)) return { problem: skippedAccount('', 'An entry of the backup is not an object.') };
  const { issuer, account } = issuerAndAccount(entry);
  return readAuthenticatorAccount({
    secret: textField(entry, 'secret') ?? '',
    settings: {
      type: textField(entry, 'type') ?? '',
      algorithm: settingField(entry, 'algorithm')?.toString(),
      digits: settingField(entry, 'digits'),
      period: settingField(entry, 'period'),
      counter: settingField(entry, 'counter'),
      issuer,
      account,
    },
    tags: textListField(entry, 'tags'),
  });
}

/**
 * Newer andOTP stores `issuer` and `label` (the account) apart. Older versions kept one label "Issuer - name",
 * and those old backups also carry the bug of an account written as "Issuer:name": both are split back.
 */
function issuerAndAccount(entry: JsonObject): { issuer: string; account: string } {
  const label = textField(entry, 'label')?.trim() ?? '';
  const issuer = textField(entry, 'issuer')?.trim();
  if (issuer) return { issuer, account: label };
  const separator = label.indexOf(' - ');
  if (separator === -1) return { issuer: '', account: label };
  const labelIssuer = label.slice(0, separator).trim();
  const name = label.slice(separator + ' - '.length).trim();
  const prefix = `${labelIssuer}:`;
  return { issuer: labelIssuer, account: name.startsWith(prefix) ? name.slice(prefix.length).trim() : name };
}
