import { VaultError } from '../../shared/errors.js';
import { MASTER_PASSWORD_LIMITS } from '../../shared/settings.js';

/** Refuses master passwords that are empty, too short to resist guessing, or absurdly long. */
export function assertAcceptableMasterPassword(password: unknown): asserts password is string {
  if (typeof password !== 'string' || password.length === 0) {
    throw new VaultError('WEAK_PASSWORD', 'The master password is empty.');
  }
  const characters = [...password].length;
  if (characters < MASTER_PASSWORD_LIMITS.minCharacters) {
    throw new VaultError('WEAK_PASSWORD', `The master password must have at least ${MASTER_PASSWORD_LIMITS.minCharacters} characters.`);
  }
  if (characters > MASTER_PASSWORD_LIMITS.maxCharacters) {
    throw new VaultError('WEAK_PASSWORD', `The master password may have at most ${MASTER_PASSWORD_LIMITS.maxCharacters} characters.`);
  }
}

/** Unlocking checks only the type: an existing vault's password is whatever it was created with. */
export function assertPasswordGiven(password: unknown): asserts password is string {
  if (typeof password !== 'string' || password.length === 0) {
    throw new VaultError('WRONG_PASSWORD', 'Enter the master password.');
  }
  if (password.length > MASTER_PASSWORD_LIMITS.maxCharacters * 4) {
    throw new VaultError('WRONG_PASSWORD', 'The master password is wrong.');
  }
}
