/** Settings stored inside the vault (encrypted), so they follow the vault file to another PC. */
export interface VaultSettings {
  /** Added to the system clock for every code: for managed PCs whose clock is wrong and cannot be fixed. */
  readonly timeOffsetSeconds: number;
}

export const DEFAULT_VAULT_SETTINGS: VaultSettings = { timeOffsetSeconds: 0 };

export const VAULT_SETTINGS_LIMITS = {
  maxTimeOffsetSeconds: 24 * 60 * 60,
} as const;

/** The master password rules, shared so the UI can say them before main refuses. */
export const MASTER_PASSWORD_LIMITS = {
  minCharacters: 8,
  maxCharacters: 1024,
} as const;
