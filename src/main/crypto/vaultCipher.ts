import { randomBytes } from 'node:crypto';
import { type Sodium, loadSodium } from './sodium.js';

/** Thrown when a ciphertext does not authenticate under the given key and associated data. */
export class AuthenticationFailure extends Error {
  constructor() {
    super('Ciphertext did not authenticate.');
    this.name = 'AuthenticationFailure';
  }
}

export const VAULT_KEY_BYTES = 32;

/**
 * XChaCha20-Poly1305 (IETF) sealing with a random 24-byte nonce stored in front of the ciphertext.
 *
 * Nonces come from node:crypto: libsodium's randombytes_buf costs ~71 µs per call in WebAssembly,
 * dozens of times the encryption itself. 192-bit random nonces make collisions a non-issue.
 * Plaintexts are padded to a multiple of 64 bytes so ciphertext lengths leak little about content.
 */
export class VaultCipher {
  readonly #sodium: Sodium;
  readonly #nonceBytes: number;
  readonly #tagBytes: number;

  private constructor(sodium: Sodium) {
    this.#sodium = sodium;
    this.#nonceBytes = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    this.#tagBytes = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES;
  }

  static async load(): Promise<VaultCipher> {
    return new VaultCipher(await loadSodium());
  }

  /** A fresh random vault key. */
  generateKey(): Uint8Array {
    return new Uint8Array(randomBytes(VAULT_KEY_BYTES));
  }

  seal(key: Uint8Array, plaintext: Uint8Array, associatedData: Uint8Array): Uint8Array {
    const nonce = randomBytes(this.#nonceBytes);
    const padded = this.#sodium.pad(plaintext, 64);
    const ciphertext = this.#sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(padded, associatedData, null, nonce, key);
    this.#sodium.memzero(padded);
    const blob = new Uint8Array(nonce.length + ciphertext.length);
    blob.set(nonce, 0);
    blob.set(ciphertext, nonce.length);
    return blob;
  }

  /** Opens a sealed blob or throws AuthenticationFailure; never returns unauthenticated bytes. */
  open(key: Uint8Array, blob: Uint8Array, associatedData: Uint8Array): Uint8Array {
    if (blob.length < this.#nonceBytes + this.#tagBytes) {
      throw new AuthenticationFailure();
    }
    let padded: Uint8Array;
    try {
      padded = this.#sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        blob.subarray(this.#nonceBytes),
        associatedData,
        blob.subarray(0, this.#nonceBytes),
        key,
      );
    } catch {
      throw new AuthenticationFailure();
    }
    try {
      return this.#sodium.unpad(padded, 64);
    } catch {
      // Authenticated but badly padded: only our own bug could write that; treat it as damage all the same.
      throw new AuthenticationFailure();
    } finally {
      this.#sodium.memzero(padded);
    }
  }

  /** Overwrites key material in place. */
  wipe(bytes: Uint8Array): void {
    this.#sodium.memzero(bytes);
  }
}
