import sodium from 'libsodium-wrappers-sumo';
import { describe, expect, it } from 'vitest';
import { deriveKey } from '../../../src/main/crypto/index.js';

describe('deriveKey', () => {
  it('gives exactly libsodium Argon2id13 computed in this thread, with the password in NFC', async () => {
    await sodium.ready;
    const salt = new Uint8Array(16).map((_, index) => index * 7);
    const parameters = { algorithm: 'argon2id13', memoryBytes: 8 * 1024 * 1024, passes: 2 } as const;
    const expected = sodium.crypto_pwhash(32, 'Blåbær-syltetøy', salt, 2, 8 * 1024 * 1024, sodium.crypto_pwhash_ALG_ARGON2ID13);
    expect(await deriveKey('Blåbær-syltetøy', salt, parameters)).toEqual(expected);
    // "å" typed as a + combining ring (NFD) derives the same key.
    expect(await deriveKey('Bla\u030Abær-syltetøy'.normalize('NFD'), salt, parameters)).toEqual(expected);
    expect(await deriveKey('blåbær-syltetøy', salt, parameters)).not.toEqual(expected);
  });

  it('refuses out-of-bounds parameters before deriving anything', async () => {
    const salt = new Uint8Array(16);
    const before = process.memoryUsage().rss;
    for (const parameters of [
      { algorithm: 'argon2id13', memoryBytes: 4 * 1024 ** 3, passes: 2 },
      { algorithm: 'argon2id13', memoryBytes: 2 ** 53, passes: 2 },
      { algorithm: 'argon2id13', memoryBytes: 8 * 1024 * 1024, passes: 1_000_000 },
      { algorithm: 'argon2id13', memoryBytes: 1024, passes: 2 },
      { algorithm: 'argon2i13', memoryBytes: 8 * 1024 * 1024, passes: 2 },
    ] as const) {
      await expect(deriveKey('password', salt, parameters as never)).rejects.toMatchObject({ code: 'VAULT_DAMAGED' });
    }
    await expect(deriveKey('password', new Uint8Array(8), { algorithm: 'argon2id13', memoryBytes: 8 * 1024 * 1024, passes: 2 })).rejects.toMatchObject({
      code: 'VAULT_DAMAGED',
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });
});
