import { randomBytes } from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationFailure, VaultCipher, associatedData, extendAssociatedData, extendAssociatedDataMany } from '../../../src/main/crypto/index.js';
import { pad, unpaddedLength } from '../../../src/main/crypto/blockPadding.js';

let cipher: VaultCipher;
beforeAll(async () => {
  cipher = await VaultCipher.load();
  await sodium.ready;
});

describe('VaultCipher', () => {
  it('opens what it seals, and its blobs are standard XChaCha20-Poly1305 with ISO 7816-4 padding', () => {
    const key = cipher.generateKey();
    for (const length of [0, 1, 63, 64, 65, 500, 4096]) {
      const plaintext = new Uint8Array(randomBytes(length));
      const aad = new Uint8Array(randomBytes(20));
      const blob = cipher.seal(key, plaintext, aad);
      expect(cipher.open(key, blob, aad)).toEqual(plaintext);
      // Independent check with libsodium's own high-level API and its own unpad.
      const padded = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, blob.subarray(24), aad, blob.subarray(0, 24), key);
      expect(padded.length % 64).toBe(0);
      expect(sodium.unpad(padded, 64)).toEqual(plaintext);
    }
  });

  it('opens many blobs exactly as libsodium opens each one, joined with delimiters', () => {
    const key = cipher.generateKey();
    const inputs = Array.from({ length: 300 }, (_, index) => {
      const plaintext = new Uint8Array(randomBytes(index * 7));
      const associated = new Uint8Array(randomBytes(1 + (index % 50)));
      const nonce = new Uint8Array(randomBytes(24));
      const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(sodium.pad(plaintext, 64), associated, null, nonce, key);
      return { blob: new Uint8Array([...nonce, ...ciphertext]), associatedData: associated, plaintext };
    });
    const expected = [0x5b, ...inputs.flatMap((input, index) => [...input.plaintext, ...(index < inputs.length - 1 ? [0x2c] : [])]), 0x5d];
    expect(cipher.openJoined(key, inputs, { open: 0x5b, separator: 0x2c, close: 0x5d })).toEqual(new Uint8Array(expected));
    expect(cipher.openJoined(key, [], { open: 0x5b, separator: 0x2c, close: 0x5d })).toEqual(new Uint8Array([0x5b, 0x5d]));
    expect(cipher.openJoined(key, inputs.slice(0, 3), {})).toEqual(new Uint8Array(inputs.slice(0, 3).flatMap((input) => [...input.plaintext])));
  });

  it('names the first blob that does not authenticate, wherever it is', () => {
    const key = cipher.generateKey();
    const inputs = Array.from({ length: 20 }, (_, index) => ({ blob: cipher.seal(key, new Uint8Array(index * 30), new Uint8Array([index])), associatedData: new Uint8Array([index]) }));
    for (const damaged of [0, 7, 19]) {
      const copy = inputs.map((input) => ({ ...input, blob: Uint8Array.from(input.blob) }));
      copy[damaged]!.blob[damaged % copy[damaged]!.blob.length]! ^= 0x10;
      expect(cipher.openJoined(key, copy, { separator: 0x2c })).toBe(damaged);
    }
    expect(cipher.openJoined(key, [{ blob: new Uint8Array(39), associatedData: new Uint8Array(1) }], {})).toBe(0);
  });

  it('refuses a wrong key, wrong associated data, a short blob, and bad padding', () => {
    const key = cipher.generateKey();
    const aad = associatedData('test', 'row-1');
    const blob = cipher.seal(key, new TextEncoder().encode('secret'), aad);
    expect(() => cipher.open(cipher.generateKey(), blob, aad)).toThrow(AuthenticationFailure);
    expect(() => cipher.open(key, blob, associatedData('test', 'row-2'))).toThrow(AuthenticationFailure);
    expect(() => cipher.open(key, blob.subarray(0, 39), aad)).toThrow(AuthenticationFailure);
    expect(() => cipher.open(key.subarray(0, 16), blob, aad)).toThrow(AuthenticationFailure);
    // Authentic but not padded: only a bug could write it, and it must still not be returned.
    const nonce = new Uint8Array(randomBytes(24));
    const unpadded = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(new Uint8Array(64), aad, null, nonce, key);
    expect(() => cipher.open(key, new Uint8Array([...nonce, ...unpadded]), aad)).toThrow(AuthenticationFailure);
  });
});

describe('block padding', () => {
  it('matches libsodium byte for byte and rejects malformed padding', () => {
    for (const length of [0, 1, 63, 64, 100]) {
      const data = new Uint8Array(randomBytes(length));
      const padded = pad(data, 64);
      expect(padded).toEqual(sodium.pad(data, 64));
      expect(unpaddedLength(padded, 0, padded.length, 64)).toBe(length);
      // The same bytes inside a larger buffer, read by range.
      const framed = new Uint8Array([9, 9, 9, ...padded, 9]);
      expect(unpaddedLength(framed, 3, padded.length, 64)).toBe(length);
    }
    expect(unpaddedLength(new Uint8Array(64), 0, 64, 64)).toBe(-1);
    expect(unpaddedLength(new Uint8Array(63), 0, 63, 64)).toBe(-1);
    const trailing = pad(new Uint8Array([1, 2]), 64);
    trailing[63] = 7;
    expect(unpaddedLength(trailing, 0, 64, 64)).toBe(-1);
  });
});

describe('associated data', () => {
  it('is injective across part boundaries and types', () => {
    const encodings = [
      associatedData('ctx', 'ab', 'c'),
      associatedData('ctx', 'a', 'bc'),
      associatedData('ctx', 'abc'),
      associatedData('ctx', new TextEncoder().encode('abc')),
      associatedData('ctx', 1),
      associatedData('ctx', '1'),
      associatedData('ctxab', 'c'),
    ].map((bytes) => Buffer.from(bytes).toString('hex'));
    expect(new Set(encodings).size).toBe(encodings.length);
  });

  it('extends a prefix to exactly the full encoding, for Unicode and large integers too', () => {
    const vaultId = new Uint8Array(randomBytes(16));
    const prefix = associatedData('totp-vault/entry', vaultId);
    for (const [id, version] of [['6f1c-…-ø', 1], ['plain', 2 ** 40 + 5], ['🔑', 0]] as const) {
      expect(extendAssociatedData(prefix, id, version)).toEqual(associatedData('totp-vault/entry', vaultId, id, version));
    }
    const lists = [['a', 1], ['ø-id', 2 ** 33], [new Uint8Array([9, 9]), 0]] as const;
    const many = extendAssociatedDataMany(prefix, lists);
    expect(many).toEqual(lists.map((parts) => extendAssociatedData(prefix, ...parts)));
    expect(new Set(many.map((view) => view.buffer)).size).toBe(1);
    expect(Buffer.from(associatedData('c', 2 ** 40 + 5)).subarray(-8).toString('hex')).toBe('0000010000000005');
    expect(() => associatedData('c', -1)).toThrow(RangeError);
  });
});
