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
/** Nonces drawn from the OS at once: a call to randomBytes costs ~10 µs whatever its size. */
const POOLED_NONCES = 256;

/** Single bytes written before, between and after joined plaintexts. */
export interface Delimiters {
  readonly open?: number;
  readonly separator?: number;
  readonly close?: number;
}

export interface SealedInput {
  readonly blob: Uint8Array;
  readonly associatedData: Uint8Array;
}

/**
 * libsodium's raw WebAssembly exports, which the typed wrapper does not declare. Used only by `openJoined`.
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
  #noncePool: Uint8Array = new Uint8Array(0);
  #nonceOffset = 0;

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
    const nonce = this.#nextNonce();
    const padded = pad(plaintext, PADDING_BLOCK);
    const ciphertext = this.#sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(padded, associatedData, null, nonce, key);
    padded.fill(0);
    const blob = new Uint8Array(NONCE_BYTES + ciphertext.length);
    blob.set(nonce, 0);
    blob.set(ciphertext, NONCE_BYTES);
    return blob;
  }

  /**
   * A fresh random nonce from a pool filled POOLED_NONCES at a time: sealing 10,000 imported items asked the OS
   * 10,000 times, ~100 ms. Each pooled nonce is handed out once; nonces are public, so the pool is no secret.
   */
  #nextNonce(): Uint8Array {
    if (this.#nonceOffset >= this.#noncePool.length) {
      this.#noncePool = new Uint8Array(randomBytes(NONCE_BYTES * POOLED_NONCES));
      this.#nonceOffset = 0;
    }
    const nonce = this.#noncePool.subarray(this.#nonceOffset, this.#nonceOffset + NONCE_BYTES);
    this.#nonceOffset += NONCE_BYTES;
    return nonce;
  }

  /** Opens a sealed blob or throws AuthenticationFailure; never returns unauthenticated bytes. */
  open(key: Uint8Array, blob: Uint8Array, associatedData: Uint8Array): Uint8Array {
    const joined = this.openJoined(key, [{ blob, associatedData }], {});
    if (typeof joined === 'number') throw new AuthenticationFailure();
    return joined;
  }

  /**
   * Opens many blobs under one key and returns their plaintexts joined into one buffer, with optional
   * single-byte delimiters (`[`, `,`, `]` make a JSON array of JSON payloads). If a blob does not
   * authenticate or is badly padded, returns its index instead and nothing else.
   *
   * Why the raw exports: through the typed wrapper every call copies the key, nonce, associated data and
   * ciphertext into fresh WebAssembly allocations, ~4 µs of bookkeeping around ~1 µs of cryptography.
   * Here the key is copied in once, each plaintext is decrypted straight to its place in one output
   * region (its padding is then overwritten by the next delimiter), the result is copied out once, and
   * every buffer is zeroed before it is freed.
   */
  openJoined(key: Uint8Array, inputs: readonly SealedInput[], delimiters: Delimiters): Uint8Array | number {
    if (key.length !== VAULT_KEY_BYTES) throw new AuthenticationFailure();
    let largestBlob = NONCE_BYTES + TAG_BYTES;
    let largestAssociatedData = 1;
    let paddedTotal = 0;
    for (const input of inputs) {
      if (input.blob.length > largestBlob) largestBlob = input.blob.length;
      if (input.associatedData.length > largestAssociatedData) largestAssociatedData = input.associatedData.length;
      paddedTotal += Math.max(0, input.blob.length - NONCE_BYTES - TAG_BYTES);
    }
    // An unpadded plaintext is always at least one byte shorter than its padded form, so each delimiter fits
    // into the padding it replaces; the opening and closing bytes need two more.
    const outputCapacity = paddedTotal + 2;
    const raw = this.#raw;
    const sizes = [VAULT_KEY_BYTES, largestBlob, largestAssociatedData, outputCapacity] as const;
    const pointers = sizes.map((size) => raw._malloc(size));
    const [keyPointer, blobPointer, associatedDataPointer, outputPointer] = pointers as [number, number, number, number];
    // Allocation may have grown WebAssembly memory, which replaces HEAPU8: read it only after the last malloc.
    const heap = raw.HEAPU8;
    try {
      heap.set(key, keyPointer);
      let offset = outputPointer;
      if (delimiters.open !== undefined) heap[offset++] = delimiters.open;
      for (let index = 0; index < inputs.length; index++) {
        const { blob, associatedData } = inputs[index]!;
        if (blob.length < NONCE_BYTES + TAG_BYTES) return index;
        const ciphertextLength = blob.length - NONCE_BYTES;
        // The blob is nonce ‖ ciphertext: one copy, two pointers.
        heap.set(blob, blobPointer);
        heap.set(associatedData, associatedDataPointer);
        const status = raw._crypto_aead_xchacha20poly1305_ietf_decrypt(
          offset,
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
        if (status !== 0) return index;
        const length = unpaddedLength(heap, offset, ciphertextLength - TAG_BYTES, PADDING_BLOCK);
        if (length < 0) return index;
        offset += length;
        if (delimiters.separator !== undefined && index < inputs.length - 1) heap[offset++] = delimiters.separator;
      }
      if (delimiters.close !== undefined) heap[offset++] = delimiters.close;
      return heap.slice(outputPointer, offset);
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
