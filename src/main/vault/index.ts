export { Vault, preloadVaultCrypto, NEXT_CODE_SECONDS, type VaultOptions, type UnlockTimings, type OtpAddition, type ItemToImport } from './vault.js';
export { readItemContent, normaliseTags } from './itemContent.js';
export { defaultVaultPath, resolveVaultPath, appDataFolder, VAULT_FILE_NAME } from './vaultLocation.js';
export { createApiService, type ApiService, type ApiServiceOptions } from './apiService.js';
export { previewImport, applyImport, type ImportPreview, type ImportOutcome } from './importPlan.js';
