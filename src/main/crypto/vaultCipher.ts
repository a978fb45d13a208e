import { randomBytes } from 'node:crypto';
import { pad, unpaddedLength } from './blockPadding.js';
import { type Sodium, loadSodium } from './sodium.js';

/** Thrown when a ciphertext does not authenticate under the given key and associated data. */
export class AuthenticationFailure extends Error {
  constructor() {
    super('Ciphertext did not authenticate.');
    this.name = 'AuthenticationFailure';
  }
}

export const VAULT_KEY_BYTES = 32;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const PADDING_BLOCK = 64;

export interface SealedInput {
  readonly blob: Uint8Array;
  readonly associatedData: Uint8Array;
}

/**
 * libsodium's raw WebAssembly exports, which the typed wrapper does not declare. Used only by `openMany`.
 * 64-bit lengths are passed as (low, high) 32-bit halves, as the wrapper itself does.
 */
interface RawSodium {
  readonly HEAPU8: Uint8Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  _crypto_aead_xchacha20poly1305_ietf_decrypt(
    message: number,
    messageLengthOut: number,
    secretNonce: number,
    ciphertext: number,
    ciphertextLengthLow: number,
    ciphertextLengthHigh: number,
    associatedData: number,
    associatedDataLengthLow: number,
    associatedDataLengthHigh: number,
    publicNonce: number,
    key: number,
  ): number;
}

/**
 * XChaCha20-Poly1305 (IETF) sealing with a random 24-byte nonce stored in front of the ciphertext.
 *
 * Nonces come from node:crypto: libsodium's randombytes_buf costs ~71 µs per call in WebAssembly,
 * dozens of times the encryption itself. 192-bit random nonces make collisions a non-issue.
 * Plaintexts are padded to a multiple of 64 bytes so ciphertext lengths leak little about content.
 */
export class VaultCipher {
  readonly #sodium: Sodium;
  readonly #raw: RawSodium;

  private constructor(sodium: Sodium) {
    this.#sodium = sodium;
    this.#raw = (sodium as unknown as { libsodium: RawSodium }).libsodium;
  }

  static async load(): Promise<VaultCipher> {
    return new VaultCipher(await loadSodium());
  }

  /** A fresh random vault key. */
  generateKey(): Uint8Array {
    return new Uint8Array(randomBytes(VAULT_KEY_BYTES));
  }

  seal(key: Uint8Array, plaintext: Uint8Array, associatedData: Uint8Array): Uint8Array {
    const nonce = randomBytes(NONCE_BYTES);
    const padded = pad(plaintext, PADDING_BLOCK);
    const ciphertext = this.#sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(padded, associatedData, null, nonce, key);
    padded.fill(0);
    const blob = new Uint8Array(NONCE_BYTES + ciphertext.length);
    blob.set(nonce, 0);
    blob.set(ciphertext, NONCE_BYTES);
    return blob;
  }

  /** Opens a sealed blob or throws AuthenticationFailure; never returns unauthenticated bytes. */
  open(key: Uint8Array, blob: Uint8Array, associatedData: Uint8Array): Uint8Array {
    const [plaintext] = this.openMany(key, [{ blob, associatedData }], (view) => view.slice());
    if (!plaintext) throw new AuthenticationFailure();
    return plaintext;
  }

  /**
   * Opens many blobs under one key. `read` receives each authenticated plaintext as a view into
   * WebAssembly memory, valid only during the call (it is overwritten by the next blob and zeroed at the
   * end), and returns what to keep; a blob that does not authenticate or is badly padded gives null.
   *
   * Why the raw exports: through the typed wrapper every call copies the key, nonce, associated data and
   * ciphertext into fresh WebAssembly allocations, ~4 µs of bookkeeping around ~1 µs of cryptography.
   * Unlocking 10,000 items must take milliseconds, so the key is copied in once, one set of buffers is
   * reused, plaintext is decoded where it lies, and every buffer is zeroed before it is freed.
   */
  openMany<T>(key: Uint8Array, inputs: readonly SealedInput[], read: (plaintext: Uint8Array, index: number) => T): (T | null)[] {
    if (key.length !== VAULT_KEY_BYTES) throw new AuthenticationFailure();
    let largestBlob = NONCE_BYTES + TAG_BYTES;
    let largestAssociatedData = 1;
    for (const input of inputs) {
      if (input.blob.length > largestBlob) largestBlob = input.blob.length;
      if (input.associatedData.length > largestAssociatedData) largestAssociatedData = input.associatedData.length;
    }
    const raw = this.#raw;
    const sizes = [VAULT_KEY_BYTES, largestBlob, largestAssociatedData, largestBlob] as const;
    const pointers = sizes.map((size) => raw._malloc(size));
    const [keyPointer, blobPointer, associatedDataPointer, messagePointer] = pointers as [number, number, number, number];
    // Allocation may have grown WebAssembly memory, which replaces HEAPU8: read it only after the last malloc.
    const heap = raw.HEAPU8;
    try {
      heap.set(key, keyPointer);
      return inputs.map(({ blob, associatedData }, index) => {
        if (blob.length < NONCE_BYTES + TAG_BYTES) return null;
        const ciphertextLength = blob.length - NONCE_BYTES;
        // The blob is nonce ‖ ciphertext: one copy, two pointers.
        heap.set(blob, blobPointer);
        heap.set(associatedData, associatedDataPointer);
        const status = raw._crypto_aead_xchacha20poly1305_ietf_decrypt(
          messagePointer,
          0,
          0,
          blobPointer + NONCE_BYTES,
          ciphertextLength,
          0,
          associatedDataPointer,
          associatedData.length,
          0,
          blobPointer,
          keyPointer,
        );
        if (status !== 0) return null;
        const padded = heap.subarray(messagePointer, messagePointer + ciphertextLength - TAG_BYTES);
        const length = unpaddedLength(padded, PADDING_BLOCK);
        return length < 0 ? null : read(padded.subarray(0, length), index);
      });
    } finally {
      pointers.forEach((pointer, index) => {
        heap.fill(0, pointer, pointer + sizes[index]!);
        raw._free(pointer);
      });
    }
  }

  /** Overwrites key material in place. */
  wipe(bytes: Uint8Array): void {
    bytes.fill(0);
  }
}
