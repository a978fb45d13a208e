import { VaultError } from '../../shared/errors.js';
import { readDatabaseImage } from '../storage/index.js';
import { enpassKeyMaterial, readEnpassKeyfile } from './enpassKeyMaterial.js';
import { enpassVaultItems } from './enpassVaultItems.js';
import { damagedExportError, requirePassword } from './exportErrors.js';
import { derivePbkdf2Key } from './exportCiphers.js';
import type { ImportInput, ImportResult, Importer } from './importTypes.js';
import { type JsonObject, isJsonObject, parseJson } from './jsonValues.js';
import { SQLCIPHER3, type SqlcipherOpening, decryptSqlcipher3, hasWholePages } from './sqlcipherImage.js';

/**
 * Enpass 6's vault itself: the folder holding `vault.enpassdb` (a SQLCipher database) and `vault.json` (its
 * settings), read with the master password (and the keyfile, when the vault has one) without Enpass and without
 * SQLCipher. For people whose Enpass no longer opens, or who would rather not export their passwords to a
 * plain file first.
 *
 * The key: PBKDF2-HMAC-SHA512 of the master password (enpassKeyMaterial: with the keyfile's key after it) with
 * the database file's first 16 bytes as salt and `kdf_iter` rounds from vault.json; the first 32 of its 64
 * bytes are SQLCipher's raw page key (only those are derived: PBKDF2's first block is the same either way).
 * The pages are then checked and decrypted as sqlcipherImage describes, in memory only, and the plain database
 * read through storage/readDatabaseImage; the items are mapped by enpassVaultItems.
 *
 * Errors: a wrong password fails page 1's HMAC (WRONG_PASSWORD); any later page that fails its HMAC is damage
 * (UNSUPPORTED_FORMAT naming the page); a missing vault.json or keyfile is INVALID_INPUT, since the file itself is
 * fine. `kdf_iter` is bounded before anything is derived: a crafted vault.json must not pin the process.
 */
const LABEL = 'Enpass (vault)';

/** Enpass's settings file, beside vault.enpassdb. */
export const ENPASS_VAULT_INFO = 'vault.json';

/** Enpass has used 100,000 and then 320,000 rounds; the bounds leave room both ways without a days-long wait. */
export const ENPASS_KDF_ROUNDS = { min: 1_000, max: 10_000_000 } as const;

interface VaultInfo {
  readonly rounds: number;
  readonly hasKeyfile: boolean;
}

/**
 * PBKDF2-HMAC-SHA512 of `material` with `salt`, 32 bytes: injected (STYLE.md §8) so that tests can count
 * derivations and share the one slow derivation of the real vault between cases.
 */
export type EnpassKeyDerivation = (material: Uint8Array, salt: Uint8Array, rounds: number) => Promise<Buffer>;

const deriveEnpassKey: EnpassKeyDerivation = (material, salt, rounds) => derivePbkdf2Key(material, salt, rounds, 'sha512');

export const enpassVaultImporter: Importer = createEnpassVaultImporter(deriveEnpassKey);

/** The importer with its key derivation given; the app uses enpassVaultImporter. The key it returns is wiped after use. */
export function createEnpassVaultImporter(deriveKey: EnpassKeyDerivation): Importer {
  return {
    format: 'enpass-vault',
    label: LABEL,

    /**
     * Whole 1024-byte pages that do not start like a plain SQLite file or text (SQLCipher's salt is random), with
     * an Enpass vault.json beside it. Without vault.json, the name vault.enpassdb alone (its content is random-looking
     * and says nothing) claims it, so that reading it says what is missing instead of "not an export".
     */
    detect(input: ImportInput): boolean {
      if (!hasWholePages(input.bytes) || !looksRandom(input.bytes.subarray(0, SQLCIPHER3.saltBytes))) return false;
      const info = input.companions?.get(ENPASS_VAULT_INFO);
      if (info === undefined) return /\.enpassdb$/i.test(input.fileName);
      const root = parseJson(info);
      return isJsonObject(root) && root['kdf_algo'] === 'pbkdf2';
    },

    isEncrypted: () => true,

    async read(input: ImportInput, password?: string): Promise<ImportResult> {
      const info = vaultInfo(input);
      const keyfileKey = keyfileOf(input, info);
      if (!hasWholePages(input.bytes)) throw damagedExportError(LABEL, `${input.fileName} is not whole 1024-byte database pages: it is cut off or not an Enpass vault.`);
      const material = enpassKeyMaterial(requirePassword(LABEL, password), keyfileKey ?? undefined);
      keyfileKey?.fill(0);
      const key = await deriveKey(material, input.bytes.subarray(0, SQLCIPHER3.saltBytes), info.rounds).finally(() => material.fill(0));
      let opening: SqlcipherOpening;
      try {
        opening = decryptSqlcipher3(input.bytes, key);
      } finally {
        key.fill(0);
      }
      if (!opening.ok && opening.failedPage === 1) {
        throw new VaultError('WRONG_PASSWORD', keyfileKey ? 'The Enpass master password or keyfile is wrong.' : 'The Enpass master password is wrong.');
      }
      if (!opening.ok) {
        throw damagedExportError(LABEL, `page ${opening.failedPage} of ${input.bytes.length / SQLCIPHER3.pageBytes} of ${input.fileName} is damaged (its checksum does not match).`);
      }
      try {
        const read = readDatabaseImage(opening.image, (database) => enpassVaultItems(database, LABEL), () =>
          damagedExportError(LABEL, 'its database decrypts but SQLite cannot read it.'),
        );
        return { format: 'enpass-vault', ...read };
      } finally {
        opening.image.fill(0);
      }
    },
  };
}

function vaultInfo(input: ImportInput): VaultInfo {
  const bytes = input.companions?.get(ENPASS_VAULT_INFO);
  if (bytes === undefined) {
    throw new VaultError(
      'INVALID_INPUT',
      `An Enpass vault is read with its ${ENPASS_VAULT_INFO}, which is missing: copy the vault's folder whole, so that ${ENPASS_VAULT_INFO} is beside ${input.fileName}.`,
    );
  }
  const root = parseJson(bytes);
  if (!isJsonObject(root)) throw damagedExportError(LABEL, `its ${ENPASS_VAULT_INFO} is not a JSON object.`);
  if (root['kdf_algo'] !== 'pbkdf2') throw damagedExportError(LABEL, `its ${ENPASS_VAULT_INFO} names a key derivation other than PBKDF2, which this version cannot read.`);
  const cipher = root['encryption_algo'];
  if (cipher !== undefined && cipher !== 'aes-256-cbc') throw damagedExportError(LABEL, `its ${ENPASS_VAULT_INFO} names a cipher other than AES-256-CBC, which this version cannot read.`);
  return { rounds: kdfRounds(root), hasKeyfile: root['have_keyfile'] === 1 || root['have_keyfile'] === true };
}

function kdfRounds(root: JsonObject): number {
  const rounds = root['kdf_iter'];
  const { min, max } = ENPASS_KDF_ROUNDS;
  if (typeof rounds !== 'number') throw damagedExportError(LABEL, `its ${ENPASS_VAULT_INFO} gives no number of key derivation rounds (kdf_iter).`);
  if (!Number.isSafeInteger(rounds) || rounds < min || rounds > max) {
    throw damagedExportError(LABEL, `its ${ENPASS_VAULT_INFO} asks for ${rounds.toLocaleString('en')} key derivation rounds; Enpass uses ${min.toLocaleString('en')} to ${max.toLocaleString('en')}.`);
  }
  return rounds;
}

/** The keyfile's key: every companion but vault.json is taken for the keyfile, and there may be one. */
function keyfileOf(input: ImportInput, info: VaultInfo): Buffer | null {
  const others = [...(input.companions ?? new Map<string, Uint8Array>())].filter(([name]) => name !== ENPASS_VAULT_INFO);
  if (others.length > 1) throw new VaultError('INVALID_INPUT', `An Enpass vault has at most one keyfile; ${others.length} files were given.`);
  const [keyfile] = others;
  if (!keyfile && info.hasKeyfile) {
    throw new VaultError('INVALID_INPUT', 'This Enpass vault is locked with a keyfile as well as the master password: give its keyfile (.enpasskey) too.');
  }
  if (keyfile && !info.hasKeyfile) {
    throw new VaultError('INVALID_INPUT', `This Enpass vault has no keyfile (its ${ENPASS_VAULT_INFO} says so): leave ${keyfile[0]} out.`);
  }
  if (!keyfile) return null;
  const key = readEnpassKeyfile(keyfile[1]);
  if (!key) throw new VaultError('INVALID_INPUT', `${keyfile[0]} is not an Enpass keyfile: Enpass writes them as <key>hexadecimal digits</key> in a .enpasskey file.`);
  return key;
}

/** Not the plain SQLite magic, and not all printable text: what a random salt almost always is (1 in 10^7 fails). */
function looksRandom(salt: Uint8Array): boolean {
  return !salt.every((byte) => (byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0);
}
