import { Vault } from '../../vault/index.js';
import type { Invocation } from '../invocation.js';
import { printJson } from '../printJson.js';
import { readNewPassword } from '../readNewPassword.js';
import { assertVaultExists } from '../withUnlockedVault.js';

/**
 * `totp-vault passwd`: the current password unlocks first, so a typo there is reported before the new one
 * is typed twice. Only the key slot is rewritten; the items are not re-encrypted.
 */
export async function passwdCommand(invocation: Invocation): Promise<void> {
  const { context, options, secrets, vaultPath } = invocation;
  assertVaultExists(vaultPath);
  const current = await secrets.read('Current master password');
  const vault = await Vault.unlock(vaultPath, current, { now: context.now });
  try {
    const replacement = await readNewPassword(secrets);
    await vault.changePassword(current, replacement);
  } finally {
    vault.lock();
  }
  if (options.json) printJson(context.stdout, { changed: true });
  else context.stdout.write('The master password was changed.\n');
}
