import { normaliseSecret } from '../otp/index.js';
import { decodeBase64, decodeHex, encodeBase32 } from './binaryText.js';
import { type AccountOutcome, collectAccounts, readAuthenticatorAccount, skippedAccount } from './authenticatorAccount.js';
import { damagedExportError, requirePassword, wrongPasswordError } from './exportErrors.js';
import { derivePbkdf2Key, openAesCbc } from './exportCiphers.js';
import type { ImportInput, ImportResult, Importer } from './importTypes.js';
import { type JsonObject, decodeUtf8, isJsonObject, numberField, textField } from './jsonValues.js';
import { readPreferenceStrings } from './sharedPreferences.js';

/**
 * Authy has no export. Its Android app keeps accounts in shared_prefs XML (readable with root), as a JSON
 * array in one string preference; this reads those files as Aegis's AuthyImporter does:
 * - `com.authy.storage.tokens.authenticator.key`: third-party TOTP accounts, secret in `decryptedSecret`
 *   (base32) or, with backups on, `encryptedSecret`: base64 AES-256-CBC, zero IV, PKCS#7, the key
 *   PBKDF2-HMAC-SHA1(backup password, the entry's `salt` string as UTF-8, 1,000 rounds, 256 bits);
 * - `com.authy.storage.tokens.authy.key`: Authy's own tokens, `secretSeed` in hex, 10-second codes.
 * Authy records digits only: algorithm is SHA1 and the period 30 seconds (10 for its own tokens), as in Authy.
 */

const LABEL = 'Authy';
const PREFERENCE_KEYS = ['com.authy.storage.tokens.authenticator.key', 'com.authy.storage.tokens.authy.key'] as const;
const PBKDF2_ROUNDS = 1000;
const ZERO_IV = new Uint8Array(16);
const AES_BLOCK_BYTES = 16;
const AUTHENTICATOR_PERIOD = 30;
const AUTHY_TOKEN_PERIOD = 10;

export const authyImporter: Importer = {
  format: 'authy',
  label: LABEL,
  detect: (input) => authyPreferences(input) !== null,
  isEncrypted: (input) => {
    try {
      return (authyTokens(input) ?? []).some((token) => token.decryptedSecret === undefined && token.secretSeed === undefined);
    } catch {
      return false;
    }
  },
  read: readAuthy,
};

/** The JSON texts of Authy's token preferences, or null when the file holds none. */
function authyPreferences(input: ImportInput): string[] | null {
  const text = decodeUtf8(input.bytes);
  if (text === null || !text.includes('<map')) return null;
  const preferences = readPreferenceStrings(text);
  const values = PREFERENCE_KEYS.flatMap((key) => preferences.get(key) ?? []);
  return values.length > 0 ? values : null;
}

/** Every token object in the file; null when it is not Authy's; throws UNSUPPORTED_FORMAT for broken JSON. */
function authyTokens(input: ImportInput): JsonObject[] | null {
  const values = authyPreferences(input);
  if (values === null) return null;
  return values.flatMap((value) => {
    let tokens: unknown;
    try {
      tokens = value.trim() === '' ? [] : JSON.parse(value);
    } catch {
      throw damagedExportError(LABEL, 'its token list is not valid JSON.');
    }
    if (!Array.isArray(tokens)) throw damagedExportError(LABEL, 'its token list is not a list.');
    return tokens.map((token) => (isJsonObject(token) ? token : {}));
  });
}

async function readAuthy(input: ImportInput, password?: string): Promise<ImportResult> {
  const tokens = authyTokens(input);
  if (tokens === null) throw damagedExportError(LABEL, 'it holds no Authy token preference (com.authy.storage.tokens…).');
  const encrypted = tokens.filter((token) => token.decryptedSecret === undefined && token.secretSeed === undefined);
  const secrets =
    encrypted.length > 0 ? await decryptSecrets(encrypted, requirePassword(LABEL, password)) : new Map<JsonObject, string>();
  return { format: 'authy', ...collectAccounts(tokens.map((token) => readToken(token, secrets))) };
}

/**
 * Each secret has its own salt, and CBC has no tag: a wrong key shows as bad padding or as bytes that are not a
 * base32 secret. When no secret opens, the password is wrong; when only some do, the others are damaged.
 */
async function decryptSecrets(tokens: readonly JsonObject[], password: string): Promise<Map<JsonObject, string>> {
  const secrets = new Map<JsonObject, string>();
  for (const token of tokens) {
    const secret = await decryptSecret(token, password);
    if (secret !== null) secrets.set(token, secret);
  }
  if (secrets.size === 0) throw wrongPasswordError(LABEL);
  return secrets;
}

async function decryptSecret(token: JsonObject, password: string): Promise<string | null> {
  const ciphertext = decodeBase64(textField(token, 'encryptedSecret') ?? '');
  const salt = textField(token, 'salt');
  if (ciphertext === null || ciphertext.length === 0 || ciphertext.length % AES_BLOCK_BYTES !== 0 || !salt) return null;
  const key = await derivePbkdf2Key(password, Buffer.from(salt, 'utf8'), PBKDF2_ROUNDS, 'sha1');
  const plaintext = openAesCbc(key, ZERO_IV, ciphertext);
  key.fill(0);
  if (plaintext === null) return null;
  const text = decodeUtf8(plaintext);
  plaintext.fill(0);
  try {
    return text === null ? null : normaliseSecret(text);
  } catch {
    return null;
  }
}

function readToken(token: JsonObject, decrypted: ReadonlyMap<JsonObject, string>): AccountOutcome {
  const seed = textField(token, 'secretSeed');
  const isAuthyToken = seed !== undefined;
  // Authy's own tokens have only a name, which is the service's.
  const { issuer, account } = isAuthyToken
    ? { issuer: textField(token, 'name')?.trim() ?? '', account: '' }
    : authenticatorNames(token);
  const title = issuer || account;
  let secret: string | undefined;
  if (isAuthyToken) {
    const bytes = decodeHex(seed.trim());
    if (bytes === null || bytes.length === 0) return { problem: skippedAccount(title, 'Its secret seed is not hexadecimal.') };
    secret = encodeBase32(bytes);
  } else {
    secret = textField(token, 'decryptedSecret') ?? decrypted.get(token);
    if (secret === undefined) {
      return { problem: skippedAccount(title, 'Its secret could not be decrypted with this password; the entry is damaged.') };
    }
  }
  return readAuthenticatorAccount({
    secret,
    settings: {
      type: 'totp',
      algorithm: 'SHA1',
      digits: numberField(token, 'digits') ?? textField(token, 'digits'),
      period: isAuthyToken ? AUTHY_TOKEN_PERIOD : AUTHENTICATOR_PERIOD,
      issuer,
      account,
    },
  });
}

/**
 * Authy shows "Issuer: account" as one `name`. The issuer is `originalIssuer`, else the prefix of the
 * scanned `originalName` "Issuer:account", else of "Issuer - account", else the account type ("google");
 * the account is what is left of `name` once that issuer is taken off its front.
 */
function authenticatorNames(token: JsonObject): { issuer: string; account: string } {
  const name = textField(token, 'name')?.trim() ?? '';
  const originalName = textField(token, 'originalName') ?? '';
  const accountType = textField(token, 'accountType') ?? '';
  let issuer = textField(token, 'originalIssuer');
  let separator = '';
  if (issuer === undefined && originalName.includes(':')) {
    issuer = originalName.slice(0, originalName.indexOf(':'));
    separator = ':';
  } else if (issuer === undefined && name.includes(' - ')) {
    issuer = name.slice(0, name.indexOf(' - '));
    separator = ' - ';
  }
  issuer = (issuer ?? accountType.charAt(0).toUpperCase() + accountType.slice(1)).trim();
  const prefix = issuer + separator;
  const account = prefix !== '' && name.startsWith(prefix) ? name.slice(prefix.length) : name;
  return { issuer, account: account.replace(/^:\s*/, '').trim() };
}
