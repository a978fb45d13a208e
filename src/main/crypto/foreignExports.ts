import { VaultError } from '../../shared/errors.js';
import { runArgon2id } from './deriveKey.js';
import { KDF_BOUNDS } from './kdfParameters.js';
import { loadSodium } from './sodium.js';

/**
 * The libsodium constructions other apps encrypt their exports with (Ente Auth: Argon2id13, then one
 * XChaCha20-Poly1305 secretstream message), for importers, which may not import libsodium themselves.
 *
 * The cost comes from the file, so it is bounded before anything is allocated. Ente derives with libsodium's
 * SENSITIVE work (1 GiB × 4 passes), trading memory for passes on small phones (256 MiB × 16, 128 MiB × 32,
 * …), so the bound is on memory (1 GiB, as for our own vault) and on memory × passes (that same work).
 */
export const FOREIGN_ARGON2ID_BOUNDS = {
  minMemoryBytes: KDF_BOUNDS.minMemoryBytes,
  maxMemoryBytes: KDF_BOUNDS.maxMemoryBytes,
  minPasses: 1,
  /** Memory × passes: what Argon2id's running time grows with. */
  maxWork: 4 * KDF_BOUNDS.maxMemoryBytes,
  saltBytes: KDF_BOUNDS.saltBytes,
  keyBytes: KDF_BOUNDS.keyBytes,
} as const;

/** libsodium's crypto_secretstream_xchacha20poly1305 header and per-message overhead (tag byte and MAC). */
export const SECRETSTREAM_BOUNDS = { headerBytes: 24, overheadBytes: 17 } as const;

/** Whether a file's Argon2id cost is within FOREIGN_ARGON2ID_BOUNDS, for an importer to say so before deriving. */
export function isForeignArgon2idCostAcceptable(opsLimit: number, memLimit: number): boolean {
  const bounds = FOREIGN_ARGON2ID_BOUNDS;
  return (
    Number.isSafeInteger(opsLimit) &&
    Number.isSafeInteger(memLimit) &&
    opsLimit >= bounds.minPasses &&
    memLimit >= bounds.minMemoryBytes &&
    memLimit <= bounds.maxMemoryBytes &&
    opsLimit * memLimit <= bounds.maxWork
  );
}

/**
 * libsodium's crypto_pwhash (Argon2id13) of the password's UTF-8 bytes, as written (no Unicode normalisation,
 * as the exporting app does not normalise either), in a worker thread so its memory is returned afterwards.
 * Throws UNSUPPORTED_FORMAT for a cost outside the bounds or a salt of the wrong length.
 */
export async function deriveArgon2idKey(password: string, salt: Uint8Array, opsLimit: number, memLimit: number): Promise<Uint8Array> {
  if (!isForeignArgon2idCostAcceptable(opsLimit, memLimit)) {
    throw new VaultError('UNSUPPORTED_FORMAT', 'The export asks for a key derivation far costlier than any real export; the file is damaged or was crafted.');
  }
  if (salt.length !== FOREIGN_ARGON2ID_BOUNDS.saltBytes) {
    throw new VaultError('UNSUPPORTED_FORMAT', `The export's key-derivation salt is ${salt.length} bytes, not ${FOREIGN_ARGON2ID_BOUNDS.saltBytes}; the file is damaged.`);
  }
  return runArgon2id(new TextEncoder().encode(password), salt, memLimit, opsLimit);
}

/**
 * Opens a crypto_secretstream_xchacha20poly1305 stream written as one message (`header` is the stream's
 * 24-byte header, which Ente calls the nonce). Null when it does not authenticate: a wrong key and a changed
 * file look the same. The tag is not required to be FINAL, as Ente's own reader does not require it.
 */
export async function openSecretstream(key: Uint8Array, header: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array | null> {
  const sodium = await loadSodium();
  // Callers check these sizes first, to report a cut-off file as damaged rather than as a wrong password.
  if (header.length !== SECRETSTREAM_BOUNDS.headerBytes || ciphertext.length < SECRETSTREAM_BOUNDS.overheadBytes) return null;
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  const opened = sodium.crypto_secretstream_xchacha20poly1305_pull(state, ciphertext, null);
  return opened === false ? null : opened.message;
}
