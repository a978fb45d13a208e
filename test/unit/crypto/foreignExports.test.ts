import sodium from 'libsodium-wrappers-sumo';
import { describe, expect, it } from 'vitest';
import { deriveArgon2idKey, isForeignArgon2idCostAcceptable, openSecretstream } from '../../../src/main/crypto/index.js';

const MiB = 1024 * 1024;

describe('deriveArgon2idKey', () => {
  it('gives exactly libsodium crypto_pwhash Argon2id13 of the UTF-8 password, unnormalised', async () => {
    await sodium.ready;
    const salt = new Uint8Array(16).map((_, index) => index * 3);
    const expected = sodium.crypto_pwhash(32, 'Blåbær', salt, 3, 8 * MiB, sodium.crypto_pwhash_ALG_ARGON2ID13);
    expect(await deriveArgon2idKey('Blåbær', salt, 3, 8 * MiB)).toEqual(expected);
    expect(await deriveArgon2idKey('Blåbær'.normalize('NFD'), salt, 3, 8 * MiB)).not.toEqual(expected);
  });

  it('accepts what Ente writes and refuses more work, before deriving anything', async () => {
    for (const [opsLimit, memLimit] of [
      [4, 1024 * MiB],
      [16, 256 * MiB],
      [32, 128 * MiB],
      [2, 64 * MiB],
    ]) {
      expect(isForeignArgon2idCostAcceptable(opsLimit!, memLimit!)).toBe(true);
    }
    const started = Date.now();
    for (const [opsLimit, memLimit] of [
      [1, 2048 * MiB],
      [8, 1024 * MiB],
      [1_000_000, 64 * MiB],
      [0, 8 * MiB],
      [2, 1024],
      [2.5, 8 * MiB],
      [Number.NaN, 8 * MiB],
    ]) {
      expect(isForeignArgon2idCostAcceptable(opsLimit!, memLimit!)).toBe(false);
      await expect(deriveArgon2idKey('pw', new Uint8Array(16), opsLimit!, memLimit!)).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    }
    await expect(deriveArgon2idKey('pw', new Uint8Array(8), 2, 8 * MiB)).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('openSecretstream', () => {
  it('opens one secretstream message under its key and header only', async () => {
    await sodium.ready;
    const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
    const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
    const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(state, 'otpauth://…', null, sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL);
    expect(new TextDecoder().decode((await openSecretstream(key, header, sealed))!)).toBe('otpauth://…');
    expect(await openSecretstream(sodium.crypto_secretstream_xchacha20poly1305_keygen(), header, sealed)).toBeNull();
    const flipped = Uint8Array.from(sealed);
    flipped[3]! ^= 1;
    expect(await openSecretstream(key, header, flipped)).toBeNull();
    expect(await openSecretstream(key, header.subarray(0, 20), sealed)).toBeNull();
    expect(await openSecretstream(key, header, sealed.subarray(0, 10))).toBeNull();
  });
});
