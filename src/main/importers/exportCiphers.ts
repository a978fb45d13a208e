import { createDecipheriv, createHash, pbkdf2, scrypt } from 'node:crypto';

/**
 * The ciphers authenticator apps encrypt their exports with, from node:crypto. Key derivation is asynchronous
 * so a slow KDF (Aegis's scrypt, andOTP's 150,000 PBKDF2 rounds) does not stall the main process.
 * Opening returns null when authentication (GCM tag) or padding (CBC) fails: the caller decides whether that
 * means a wrong password. Callers check lengths first, so a malformed nonce is "damaged", not "wrong password".
 */

export const GCM_TAG_BYTES = 16;
export const AES_256_KEY_BYTES = 32;

export interface ScryptCost {
  readonly cost: number;
  readonly blockSize: number;
  readonly parallelization: number;
}

/** Bounds past which a file's KDF parameters are an attack on our memory or time, not a real export. */
export const SCRYPT_LIMITS = { maxCost: 2 ** 20, maxBlockSize: 32, maxParallelization: 16, maxMemoryBytes: 512 * 1024 * 1024 } as const;

/** Whether scrypt can run with these parameters within SCRYPT_LIMITS (cost a power of two above 1). */
export function isScryptCostAcceptable({ cost, blockSize, parallelization }: ScryptCost): boolean {
  const whole = [cost, blockSize, parallelization].every((value) => Number.isSafeInteger(value) && value >= 1);
  return (
    whole &&
    cost >= 2 &&
    cost <= SCRYPT_LIMITS.maxCost &&
    (cost & (cost - 1)) === 0 &&
    blockSize <= SCRYPT_LIMITS.maxBlockSize &&
    parallelization <= SCRYPT_LIMITS.maxParallelization &&
    128 * cost * blockSize <= SCRYPT_LIMITS.maxMemoryBytes
  );
}

export function deriveScryptKey(password: string, salt: Uint8Array, parameters: ScryptCost): Promise<Buffer> {
  const { cost, blockSize, parallelization } = parameters;
  // Node refuses anything above 32 MiB by default, which is exactly what Aegis's N=2^15, r=8 needs.
  const maxmem = 128 * cost * blockSize + 128 * blockSize * parallelization + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, AES_256_KEY_BYTES, { N: cost, r: blockSize, p: parallelization, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `password` as text (UTF-8) or as bytes, for formats that mix other key material into it (Enpass's keyfile). */
export function derivePbkdf2Key(password: string | Uint8Array, salt: Uint8Array, iterations: number, digest: 'sha1' | 'sha256' | 'sha512'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    pbkdf2(password, salt, iterations, AES_256_KEY_BYTES, digest, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** SHA-256 of the password's UTF-8 bytes: andOTP's first backup format used it as the key, salt-free. */
export function sha256Key(password: string): Buffer {
  return createHash('sha256').update(password, 'utf8').digest();
}

/** AES-256-GCM with a 16-byte tag (and `aad` authenticated alongside, when given); null when the tag does not match. */
export function openAesGcm(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad?: Uint8Array): Buffer | null {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES });
  decipher.setAuthTag(tag);
  if (aad) decipher.setAAD(aad);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

/** AES-256-GCM where the tag ends the ciphertext (Java's and Go's output); null when it does not match. */
export function openAesGcmWithAppendedTag(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Buffer | null {
  return openAesGcm(key, nonce, sealed.subarray(0, sealed.length - GCM_TAG_BYTES), sealed.subarray(sealed.length - GCM_TAG_BYTES), aad);
}

/** AES-256-CBC with PKCS#7 padding; null when the padding is wrong (usually a wrong key). */
export function openAesCbc(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Buffer | null {
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}
