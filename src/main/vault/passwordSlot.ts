import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { VaultError } from '../../shared/errors.js';
import {
  AuthenticationFailure,
  KDF_BOUNDS,
  VAULT_KEY_BYTES,
  type KdfParameters,
  type VaultCipher,
  assertKdfParametersWithinBounds,
  associatedData,
  deriveKey,
} from '../crypto/index.js';
import type { SlotRecord } from '../storage/index.js';

/**
 * The password slot: the vault key wrapped under a key derived from the master password.
 *
 * The slot's KDF parameters, salt, id and vault id are the associated data of the wrap, so none of them
 * can be changed without the unwrap failing. A plain SHA-256 checksum over the whole slot lets us tell
 * a flipped bit on disk (VAULT_DAMAGED) from a wrong password (WRONG_PASSWORD); someone who tampers on
 * purpose can recompute it, and then sees "wrong password", which is all they deserve.
 */
export async function sealPasswordSlot(input: {
  cipher: VaultCipher;
  vaultId: Uint8Array;
  vaultKey: Uint8Array;
  password: string;
  kdf: KdfParameters;
  slotId?: string;
  createdAt: number;
  updatedAt: number;
}): Promise<SlotRecord> {
  const salt = new Uint8Array(randomBytes(KDF_BOUNDS.saltBytes));
  const slotId = input.slotId ?? randomUUID();
  const unsealed = { id: slotId, kind: 'password' as const, kdfAlgorithm: input.kdf.algorithm, kdfMemoryBytes: input.kdf.memoryBytes, kdfPasses: input.kdf.passes, salt };
  const keyEncryptionKey = await deriveKey(input.password, salt, input.kdf);
  try {
    const aad = slotAssociatedData(input.vaultId, unsealed);
    const wrappedKey = input.cipher.seal(keyEncryptionKey, input.vaultKey, aad);
    return { ...unsealed, wrappedKey, checksum: slotChecksum(aad, wrappedKey), createdAt: input.createdAt, updatedAt: input.updatedAt };
  } finally {
    input.cipher.wipe(keyEncryptionKey);
  }
}

/** Returns the vault key, or throws WRONG_PASSWORD / VAULT_DAMAGED. */
export async function openPasswordSlot(cipher: VaultCipher, vaultId: Uint8Array, slot: SlotRecord, password: string): Promise<Uint8Array> {
  const kdf = kdfParametersOf(slot);
  assertKdfParametersWithinBounds(kdf);
  const aad = slotAssociatedData(vaultId, slot);
  const expected = slotChecksum(aad, slot.wrappedKey);
  if (expected.length !== slot.checksum.length || !expected.every((byte, index) => byte === slot.checksum[index])) {
    throw new VaultError('VAULT_DAMAGED', 'The vault file is damaged: its password slot does not match its checksum. Restore it from a backup.');
  }
  const keyEncryptionKey = await deriveKey(password, slot.salt, kdf);
  try {
    const vaultKey = cipher.open(keyEncryptionKey, slot.wrappedKey, aad);
    if (vaultKey.length !== VAULT_KEY_BYTES) {
      throw new VaultError('VAULT_DAMAGED', 'The vault file is damaged: its key has the wrong length.');
    }
    return vaultKey;
  } catch (thrown) {
    if (thrown instanceof AuthenticationFailure) {
      throw new VaultError('WRONG_PASSWORD', 'The master password is wrong.');
    }
    throw thrown;
  } finally {
    cipher.wipe(keyEncryptionKey);
  }
}

export function kdfParametersOf(slot: Pick<SlotRecord, 'kdfAlgorithm' | 'kdfMemoryBytes' | 'kdfPasses'>): KdfParameters {
  return { algorithm: slot.kdfAlgorithm as KdfParameters['algorithm'], memoryBytes: slot.kdfMemoryBytes, passes: slot.kdfPasses };
}

function slotAssociatedData(
  vaultId: Uint8Array,
  slot: Pick<SlotRecord, 'id' | 'kind' | 'kdfAlgorithm' | 'kdfMemoryBytes' | 'kdfPasses' | 'salt'>,
): Uint8Array {
  return associatedData('totp-vault/slot/v1', vaultId, slot.id, slot.kind, slot.kdfAlgorithm, slot.kdfMemoryBytes, slot.kdfPasses, slot.salt);
}

function slotChecksum(aad: Uint8Array, wrappedKey: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(aad).update(wrappedKey).digest());
}
