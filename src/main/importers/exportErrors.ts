import { VaultError } from '../../shared/errors.js';

/**
 * The three ways reading an encrypted or foreign export fails, worded once so every importer says them alike.
 * `label` is the importer's label ("Aegis", "2FAS").
 */

/** INVALID_INPUT: the file is encrypted and no password was given. */
export function missingPasswordError(label: string): VaultError {
  return new VaultError('INVALID_INPUT', `This ${label} export is encrypted: enter its password.`);
}

/**
 * WRONG_PASSWORD: authenticated decryption failed. A tampered ciphertext fails the same check, and the
 * cipher cannot tell the two apart, so both are reported as a wrong password (Aegis `SlotIntegrityException`).
 */
export function wrongPasswordError(label: string): VaultError {
  return new VaultError('WRONG_PASSWORD', `The password for this ${label} export is wrong.`);
}

/** UNSUPPORTED_FORMAT: the file is damaged or not what it claims; `reason` is one sentence ending in a full stop. */
export function damagedExportError(label: string, reason: string): VaultError {
  return new VaultError('UNSUPPORTED_FORMAT', `This ${label} export cannot be read: ${reason}`);
}

/** Treats an empty password as none: no authenticator app lets its export be encrypted with one. */
export function requirePassword(label: string, password: string | undefined): string {
  if (password === undefined || password === '') throw missingPasswordError(label);
  return password;
}
