import { randomBytes } from 'node:crypto';

/**
 * A fresh capability per launch: whoever holds it can drive the vault's API (not open the vault: that
 * still takes the master password). 32 random bytes in base64url fit a URL fragment and a header as is.
 */
export function createLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}
