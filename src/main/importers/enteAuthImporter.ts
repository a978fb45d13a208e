import {
  FOREIGN_ARGON2ID_BOUNDS,
  SECRETSTREAM_BOUNDS,
  deriveArgon2idKey,
  isForeignArgon2idCostAcceptable,
  openSecretstream,
} from '../crypto/index.js';
import { decodeBase64 } from './binaryText.js';
import { decodeText } from './decodeText.js';
import { isEnteAuthText, readEnteAuthText } from './enteAuthText.js';
import { damagedExportError, requirePassword, wrongPasswordError } from './exportErrors.js';
import type { ImportInput, Importer } from './importTypes.js';
import { type JsonObject, decodeUtf8, isJsonObject, numberField, objectField, parseJson, textField } from './jsonValues.js';
import { OTPAUTH_LINE } from './readOtpauthLine.js';
import { contentLines } from './contentLines.js';

const LABEL = 'Ente Auth';
const EXPORT_VERSION = 1;

/**
 * Ente Auth's exports (ente-io/ente, docs/docs/auth/migration/export.md). The plain one is a text file of
 * otpauth:// URIs (enteAuthText.ts). The encrypted one is JSON: `{version: 1, kdfParams: {memLimit, opsLimit,
 * salt}, encryptedData, encryptionNonce}`, where the key is Argon2id13 of the password with those parameters
 * and the data is that same text as one XChaCha20-Poly1305 secretstream message whose header is the "nonce".
 */
export const enteAuthImporter: Importer = {
  format: 'ente-auth',
  label: LABEL,
  detect: (input) => encryptedExport(input) !== null || isPlainExport(input),
  isEncrypted: (input) => encryptedExport(input) !== null,
  async read(input, password) {
    const encrypted = encryptedExport(input);
    if (encrypted !== null) {
      // An empty vault exports as empty text: that is no accounts, not a damaged file.
      return { format: 'ente-auth', ...readEnteAuthText(await decrypt(encrypted, requirePassword(LABEL, password))) };
    }
    const text = decodeText(input.bytes, LABEL);
    if (!contentLines(text).some((line) => OTPAUTH_LINE.test(line.text))) {
      throw damagedExportError(LABEL, 'it is neither a text file of otpauth:// lines nor an encrypted Ente Auth export.');
    }
    return { format: 'ente-auth', ...readEnteAuthText(text) };
  },
};

function isPlainExport(input: ImportInput): boolean {
  const text = decodeUtf8(input.bytes);
  return text !== null && isEnteAuthText(text);
}

function encryptedExport(input: ImportInput): JsonObject | null {
  const value = parseJson(input.bytes);
  if (!isJsonObject(value) || !isJsonObject(value.kdfParams)) return null;
  return typeof value.encryptedData === 'string' && typeof value.encryptionNonce === 'string' ? value : null;
}

async function decrypt(file: JsonObject, password: string): Promise<string> {
  const version = numberField(file, 'version');
  if (version !== EXPORT_VERSION) {
    throw damagedExportError(LABEL, `its version ${JSON.stringify(file.version ?? null)} is not the one this app reads (${EXPORT_VERSION}).`);
  }
  const kdf = objectField(file, 'kdfParams');
  const memLimit = numberField(kdf, 'memLimit') ?? Number.NaN;
  const opsLimit = numberField(kdf, 'opsLimit') ?? Number.NaN;
  if (!isForeignArgon2idCostAcceptable(opsLimit, memLimit)) {
    throw damagedExportError(
      LABEL,
      `its key derivation settings (memLimit, opsLimit) are missing or beyond what Ente writes (at most ${FOREIGN_ARGON2ID_BOUNDS.maxMemoryBytes / 2 ** 20} MiB); the file is damaged or was crafted.`,
    );
  }
  const salt = decodeBase64(textField(kdf, 'salt') ?? '');
  const header = decodeBase64(textField(file, 'encryptionNonce') ?? '');
  const ciphertext = decodeBase64(textField(file, 'encryptedData') ?? '');
  if (salt === null || salt.length !== FOREIGN_ARGON2ID_BOUNDS.saltBytes) {
    throw damagedExportError(LABEL, `its salt is not ${FOREIGN_ARGON2ID_BOUNDS.saltBytes} bytes of base64.`);
  }
  if (header === null || header.length !== SECRETSTREAM_BOUNDS.headerBytes) {
    throw damagedExportError(LABEL, `its encryptionNonce is not ${SECRETSTREAM_BOUNDS.headerBytes} bytes of base64.`);
  }
  if (ciphertext === null || ciphertext.length < SECRETSTREAM_BOUNDS.overheadBytes) {
    throw damagedExportError(LABEL, 'its encryptedData is not base64, or too short to hold anything.');
  }
  const key = await deriveArgon2idKey(password, salt, opsLimit, memLimit);
  const plaintext = await openSecretstream(key, header, ciphertext);
  key.fill(0);
  if (plaintext === null) throw wrongPasswordError(LABEL);
  const text = decodeUtf8(plaintext);
  plaintext.fill(0);
  if (text === null) throw damagedExportError(LABEL, 'its decrypted content is not UTF-8 text.');
  return text;
}
