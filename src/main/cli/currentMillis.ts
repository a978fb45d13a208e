import type { Vault } from '../vault/index.js';
import type { CliContext } from './cliContext.js';

/**
 * Now, as the vault's codes should see it: the system clock plus the vault's time offset (set for managed
 * PCs whose clock is wrong and cannot be fixed), like the desktop app.
 */
export function currentMillis(vault: Vault, context: CliContext): number {
  return context.now() + vault.settings().timeOffsetSeconds * 1000;
}
