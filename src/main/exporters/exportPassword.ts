import { VaultError } from '../../shared/errors.js';
import { MASTER_PASSWORD_LIMITS } from '../../shared/settings.js';

/**
 * An encrypted export's own password, held to the master password's rules: the file travels (a USB stick,
 * a cloud folder) and can be attacked offline for as long as anyone likes, so it deserves no weaker password
 * than the vault it copies.
 */
export function acceptableExportPassword(password: string | undefined, label: string): string {
  if (password === undefined || password === '') throw new VaultError('WEAK_PASSWORD', `The ${label} needs a password of its own.`);
  const characters = [...password].length;
  if (characters < MASTER_PASSWORD_LIMITS.minCharacters) {
    throw new VaultError('WEAK_PASSWORD', `The password of the ${label} must have at least ${MASTER_PASSWORD_LIMITS.minCharacters} characters.`);
  }
  if (characters > MASTER_PASSWORD_LIMITS.maxCharacters) {
    throw new VaultError('WEAK_PASSWORD', `The password of the ${label} may have at most ${MASTER_PASSWORD_LIMITS.maxCharacters} characters.`);
  }
  return password;
}
