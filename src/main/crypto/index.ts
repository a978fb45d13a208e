export { deriveKey } from './deriveKey.js';
export {
  type KdfParameters,
  KDF_BOUNDS,
  DEFAULT_KDF_MEMORY_BYTES,
  PREFERRED_KDF_PASSES,
  MINIMUM_KDF_PASSES,
  assertKdfParametersWithinBounds,
} from './kdfParameters.js';
export { associatedData, extendAssociatedData, extendAssociatedDataMany, type AssociatedPart } from './associatedData.js';
export { VaultCipher, AuthenticationFailure, VAULT_KEY_BYTES, type Delimiters, type SealedInput } from './vaultCipher.js';
export { FOREIGN_ARGON2ID_BOUNDS, SECRETSTREAM_BOUNDS, isForeignArgon2idCostAcceptable, deriveArgon2idKey, openSecretstream } from './foreignExports.js';
export {
  BACKUP_MAGIC,
  BACKUP_FORMAT_VERSION,
  DEFAULT_BACKUP_KDF,
  isBackupFile,
  sealBackup,
  openBackup,
  type BackupContents,
  type SealBackupOptions,
} from './backupCipher.js';
