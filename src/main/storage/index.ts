export { createVaultDatabase, openVaultDatabase, VAULT_APPLICATION_ID, type OpenOptions } from './vaultDatabase.js';
export { VaultRecords, type EntryRecord, type SlotRecord, type VaultHeaderRecord } from './vaultRecords.js';
export { LATEST_SCHEMA_VERSION } from './migrations/index.js';
export { readDatabaseImage, type DatabaseImage, type DatabaseRow, type DatabaseValue } from './readDatabaseImage.js';
