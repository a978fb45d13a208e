export { Vault, type VaultOptions, type UnlockTimings } from './vault.js';
export { readItemContent, normaliseTags } from './itemContent.js';
