import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { VaultError } from '../../shared/errors.js';
import type { Item } from '../../shared/item.js';
import type { VaultSettings } from '../../shared/settings.js';
import { decodeBackupPayload, encodeBackupPayload, unreadableBackup as unreadable } from './backupPayload.js';
import { deriveKey } from './deriveKey.js';
import { KDF_BOUNDS, type KdfParameters } from './kdfParameters.js';
import { AuthenticationFailure, VaultCipher } from './vaultCipher.js';

/**
 * Our own encrypted backup: one file, a small clear header, then every item and the settings sealed under a
 * key derived from the backup's own password. BACKUP_FORMAT.md is the specification; this is its code.
 *
 * Decision (why not a copy of the vault file): a vault file is bound to its vault id, holds tombstones and
 * would make a backup's password the vault's. A backup is a document to carry elsewhere and restore into
 * any vault, so it has its own password, its own KDF parameters and nothing but the items.
 */

export const BACKUP_MAGIC = 'TOTPVAULT-BACKUP';
export const BACKUP_FORMAT_VERSION = 1;

const MiB = 1024 * 1024;

/**
 * 256 MiB and 3 passes (libsodium's MODERATE), not calibrated: the vault's own unlock must fit in a second on
 * this machine, but a backup is opened rarely, possibly on another computer, and is the file most likely to
 * end up somewhere an attacker can try passwords at leisure. About 1.2 s to write or open one.
 */
export const DEFAULT_BACKUP_KDF: KdfParameters = { algorithm: 'argon2id13', memoryBytes: 256 * MiB, passes: 3 };

/** Header layout (BACKUP_FORMAT.md, section 2). */
const MAGIC_BYTES = 16;
const VERSION_OFFSET = 16;
const ALGORITHM_OFFSET = 18;
const MEMORY_OFFSET = 20;
const PASSES_OFFSET = 24;
const SALT_OFFSET = 28;
export const BACKUP_HEADER_BYTES = SALT_OFFSET + KDF_BOUNDS.saltBytes;
const ARGON2ID13 = 1;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const PADDING_BLOCK = 64;
const CHECKSUM_BYTES = 32;
/** Header, nonce, one padded block and the tag, then the checksum. */
const SMALLEST_FILE = BACKUP_HEADER_BYTES + NONCE_BYTES + PADDING_BLOCK + TAG_BYTES + CHECKSUM_BYTES;

const magicBytes = new TextEncoder().encode(BACKUP_MAGIC);

export interface BackupContents {
  /** Unix milliseconds when the backup was written. */
  readonly exportedAt: number;
  readonly items: readonly Item[];
  readonly settings: VaultSettings;
  /** The backup's KDF parameters, as read from its header. */
  readonly kdf: KdfParameters;
}

export interface SealBackupOptions {
  /** Lighter parameters for tests; the CLI and the app use DEFAULT_BACKUP_KDF. */
  readonly kdf?: Partial<Pick<KdfParameters, 'memoryBytes' | 'passes'>>;
  /** Unix milliseconds; default now. */
  readonly exportedAt?: number;
}

/** Whether `bytes` start like a backup, for import detection; says nothing about whether it is intact. */
export function isBackupFile(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC_BYTES && magicBytes.every((byte, index) => bytes[index] === byte);
}

/**
 * Writes a backup of `items` (all of them: trashed ones too) and `settings`, sealed under `password`.
 * The caller decides what password is strong enough; an empty one is refused here.
 */
export async function sealBackup(items: readonly Item[], settings: VaultSettings, password: string, options: SealBackupOptions = {}): Promise<Uint8Array> {
  if (password === '') throw new VaultError('WEAK_PASSWORD', 'The backup password is empty.');
  const kdf: KdfParameters = { ...DEFAULT_BACKUP_KDF, ...options.kdf };
  const outOfBounds = kdfOutOfBounds(kdf);
  if (outOfBounds) throw new VaultError('INVALID_PARAMETER', `The backup's key derivation ${outOfBounds}`);
  const header = writeHeader(kdf, new Uint8Array(randomBytes(KDF_BOUNDS.saltBytes)));
  const cipher = await VaultCipher.load();
  const key = await deriveKey(password, header.subarray(SALT_OFFSET), kdf);
  const plaintext = encodeBackupPayload({ exportedAt: options.exportedAt ?? Date.now(), settings, items });
  try {
    const sealed = cipher.seal(key, plaintext, header);
    const file = new Uint8Array(BACKUP_HEADER_BYTES + sealed.length + CHECKSUM_BYTES);
    file.set(header, 0);
    file.set(sealed, BACKUP_HEADER_BYTES);
    file.set(checksum(file.subarray(0, file.length - CHECKSUM_BYTES)), file.length - CHECKSUM_BYTES);
    return file;
  } finally {
    plaintext.fill(0);
    cipher.wipe(key);
  }
}

/**
 * Reads a backup. Throws UNSUPPORTED_FORMAT for a file that is not a backup, is damaged (its checksum does not
 * match) or is too new, before deriving anything; WRONG_PASSWORD when the password does not open it.
 */
export async function openBackup(bytes: Uint8Array, password: string): Promise<BackupContents> {
  if (!isBackupFile(bytes)) throw unreadable('it is not a TOTP Vault backup.');
  if (bytes.length < SMALLEST_FILE) throw unreadable('it is shorter than the smallest backup; it was cut off.');
  const kdf = readHeader(bytes);
  const body = bytes.subarray(0, bytes.length - CHECKSUM_BYTES);
  if (!timingSafeEqual(checksum(body), bytes.subarray(bytes.length - CHECKSUM_BYTES))) {
    throw unreadable('it does not match its checksum; the file is damaged or was cut off.');
  }
  const sealed = bytes.subarray(BACKUP_HEADER_BYTES, body.length);
  if ((sealed.length - NONCE_BYTES - TAG_BYTES) % PADDING_BLOCK !== 0) throw unreadable('its encrypted part has an impossible length.');
  const cipher = await VaultCipher.load();
  const key = await deriveKey(password, bytes.slice(SALT_OFFSET, BACKUP_HEADER_BYTES), kdf);
  let plaintext: Uint8Array;
  try {
    plaintext = cipher.open(key, sealed, bytes.subarray(0, BACKUP_HEADER_BYTES));
  } catch (thrown) {
    // The checksum matched, so the bytes are as written: a failure is the password (or deliberate tampering
    // with the checksum recomputed, which earns the same answer).
    if (thrown instanceof AuthenticationFailure) throw new VaultError('WRONG_PASSWORD', 'The password for this TOTP Vault backup is wrong.');
    throw thrown;
  } finally {
    cipher.wipe(key);
  }
  return { ...decodeBackupPayload(plaintext), kdf };
}

function writeHeader(kdf: KdfParameters, salt: Uint8Array): Uint8Array {
  const header = new Uint8Array(BACKUP_HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(magicBytes, 0);
  view.setUint16(VERSION_OFFSET, BACKUP_FORMAT_VERSION);
  view.setUint16(ALGORITHM_OFFSET, ARGON2ID13);
  view.setUint32(MEMORY_OFFSET, kdf.memoryBytes);
  view.setUint32(PASSES_OFFSET, kdf.passes);
  header.set(salt, SALT_OFFSET);
  return header;
}

/** The KDF parameters of a header, refused (before anything is allocated) when out of bounds. */
function readHeader(bytes: Uint8Array): KdfParameters {
  const view = new DataView(bytes.buffer, bytes.byteOffset, BACKUP_HEADER_BYTES);
  const version = view.getUint16(VERSION_OFFSET);
  if (version > BACKUP_FORMAT_VERSION) {
    throw new VaultError('UNSUPPORTED_FORMAT', `This backup was written by a newer TOTP Vault (backup format ${version}); update TOTP Vault to read it.`);
  }
  if (version === 0) throw unreadable('its format version is 0, which was never written.');
  const algorithm = view.getUint16(ALGORITHM_OFFSET);
  if (algorithm !== ARGON2ID13) throw unreadable(`it names an unknown key derivation (${algorithm}).`);
  const kdf: KdfParameters = { algorithm: 'argon2id13', memoryBytes: view.getUint32(MEMORY_OFFSET), passes: view.getUint32(PASSES_OFFSET) };
  const outOfBounds = kdfOutOfBounds(kdf);
  if (outOfBounds) throw unreadable(`its key derivation ${outOfBounds} The file is damaged or was crafted.`);
  return kdf;
}

/** KDF_BOUNDS, as for a vault's password slot: what is wrong with `kdf`, as the end of a sentence, or null. */
function kdfOutOfBounds({ memoryBytes, passes }: KdfParameters): string | null {
  const bounds = KDF_BOUNDS;
  if (!Number.isSafeInteger(memoryBytes) || memoryBytes < bounds.minMemoryBytes || memoryBytes > bounds.maxMemoryBytes) {
    return `uses ${memoryBytes} bytes of memory; ${bounds.minMemoryBytes} to ${bounds.maxMemoryBytes} are allowed.`;
  }
  if (!Number.isSafeInteger(passes) || passes < bounds.minPasses || passes > bounds.maxPasses) {
    return `makes ${passes} passes; ${bounds.minPasses} to ${bounds.maxPasses} are allowed.`;
  }
  return null;
}

function checksum(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}
