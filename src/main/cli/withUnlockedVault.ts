import { existsSync } from 'node:fs';
import { VaultError } from '../../shared/errors.js';
import { Vault, preloadVaultCrypto } from '../vault/index.js';
import type { Invocation } from './invocation.js';

/**
 * Asks for the master password, unlocks the vault, runs `work` and locks the vault again whatever happens,
 * so the key is zeroed and the file closed before the process exits.
 */
export async function withUnlockedVault<T>(invocation: Invocation, work: (vault: Vault) => Promise<T> | T): Promise<T> {
  const vault = await unlockVault(invocation, 'Master password');
  try {
    return await work(vault);
  } finally {
    vault.lock();
  }
}

/** Checks the file exists before asking for a password nobody could use. The caller must lock the vault. */
export async function unlockVault(invocation: Invocation, label: string): Promise<Vault> {
  const { vaultPath, secrets, context } = invocation;
  assertVaultExists(vaultPath);
  // libsodium compiles while the password is typed or read, instead of after it.
  const preloading = preloadVaultCrypto();
  const password = await secrets.read(label);
  await preloading;
  return Vault.unlock(vaultPath, password, { now: context.now });
}

export function assertVaultExists(path: string): void {
  if (!existsSync(path)) throw vaultNotFound(path);
}

export function vaultNotFound(path: string): VaultError {
  return new VaultError(
    'VAULT_NOT_FOUND',
    `There is no vault at ${path}. Create one with \`totp-vault init\`, or name another with --vault PATH or TOTP_VAULT.`,
  );
}
