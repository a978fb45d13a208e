import { VaultError } from '../../shared/errors.js';

/**
 * Argon2id parameters as stored in a password slot.
 *
 * Bounds are checked before anything is allocated: the parameters come from a file that may have been
 * crafted, and libsodium would otherwise happily try to allocate whatever the file asks for.
 */
export interface KdfParameters {
  readonly algorithm: 'argon2id13';
  readonly memoryBytes: number;
  readonly passes: number;
}

const MiB = 1024 * 1024;

export const KDF_BOUNDS = {
  /** libsodium's crypto_pwhash_MEMLIMIT_MIN. */
  minMemoryBytes: 8 * 1024,
  /** Four times our default: room for a stronger future default, far from "gigabytes". */
  maxMemoryBytes: 1024 * MiB,
  /** libsodium's crypto_pwhash_OPSLIMIT_MIN for Argon2id. */
  minPasses: 1,
  maxPasses: 16,
  saltBytes: 16,
  keyBytes: 32,
} as const;

/** The default memory: 256 MiB, four times KeePassXC's and Bitwarden's 64 MiB. */
export const DEFAULT_KDF_MEMORY_BYTES = 256 * MiB;
/** libsodium's MODERATE opslimit, used when the machine can afford it within the unlock budget. */
export const PREFERRED_KDF_PASSES = 3;
/** Never fewer: below two passes Argon2id loses its time-memory trade-off resistance. */
export const MINIMUM_KDF_PASSES = 2;

export function assertKdfParametersWithinBounds(parameters: KdfParameters): void {
  const { algorithm, memoryBytes, passes } = parameters;
  if (algorithm !== 'argon2id13') {
    throw new VaultError('VAULT_DAMAGED', `The vault asks for an unknown key derivation "${String(algorithm)}".`);
  }
  if (!Number.isSafeInteger(memoryBytes) || memoryBytes < KDF_BOUNDS.minMemoryBytes || memoryBytes > KDF_BOUNDS.maxMemoryBytes) {
    throw new VaultError(
      'VAULT_DAMAGED',
      `The vault asks for ${describeBytes(memoryBytes)} of key-derivation memory; at most ${describeBytes(KDF_BOUNDS.maxMemoryBytes)} is allowed. The file is damaged or was tampered with.`,
    );
  }
  if (!Number.isSafeInteger(passes) || passes < KDF_BOUNDS.minPasses || passes > KDF_BOUNDS.maxPasses) {
    throw new VaultError(
      'VAULT_DAMAGED',
      `The vault asks for ${String(passes)} key-derivation passes; between ${KDF_BOUNDS.minPasses} and ${KDF_BOUNDS.maxPasses} are allowed. The file is damaged or was tampered with.`,
    );
  }
}

function describeBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes) + ' bytes';
  if (bytes >= 1024 * MiB) return `${(bytes / (1024 * MiB)).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${Math.round(bytes / MiB)} MiB`;
  return `${bytes} bytes`;
}
