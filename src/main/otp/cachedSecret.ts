import { Secret } from 'otpauth';
import type { OtpAlgorithm } from '../../shared/otp.js';

/** The last code made from a secret. A code changes once a period while the UI asks every second. */
export interface RememberedCode {
  readonly kind: string;
  readonly algorithm: OtpAlgorithm;
  readonly digits: number;
  readonly counter: number;
  readonly code: string;
}

export interface CachedSecret {
  readonly secret: Secret;
  lastCode: RememberedCode | undefined;
}

/**
 * Decoding base32 into a Secret for every code is measurable across a 10,000-entry list, so decoded secrets
 * are kept by their base32 text. Cleared wholesale at the bound: simpler than LRU, and a vault with more
 * live secrets than this only pays the decoding again.
 */
const MAX_CACHED_SECRETS = 65_536;

const cache = new Map<string, CachedSecret>();

export function cachedSecret(base32: string): CachedSecret {
  let entry = cache.get(base32);
  if (entry === undefined) {
    if (cache.size >= MAX_CACHED_SECRETS) forgetCachedSecrets();
    entry = { secret: Secret.fromBase32(base32), lastCode: undefined };
    cache.set(base32, entry);
  }
  return entry;
}

/** Zeroes and drops every decoded secret and remembered code; the vault calls this when it locks. */
export function forgetCachedSecrets(): void {
  for (const entry of cache.values()) {
    entry.secret.bytes.fill(0);
    entry.lastCode = undefined;
  }
  cache.clear();
}
