export { Vault, preloadVaultCrypto, NEXT_CODE_SECONDS, type VaultOptions, type UnlockTimings } from './vault.js';
export { readItemContent, normaliseTags } from './itemContent.js';
export { defaultVaultPath, resolveVaultPath, appDataFolder, VAULT_FILE_NAME } from './vaultLocation.js';
export { createApiService, type ApiService, type ApiServiceOptions } from './apiService.js';
