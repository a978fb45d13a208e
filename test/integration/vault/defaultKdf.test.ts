import { describe, expect, it } from 'vitest';
import { Vault } from '../../../src/main/vault/index.js';
import { TEST_PASSWORD, temporaryVaultPaths } from '../../support/temporaryVaultPath.js';

const nextPath = temporaryVaultPaths();
const MiB = 1024 * 1024;

describe('the default key derivation', () => {
  it('uses Argon2id with 256 MiB and 3 passes, or 2 where 3 would miss the unlock budget', async () => {
    const path = nextPath();
    const vault = await Vault.create(path, TEST_PASSWORD);
    expect(vault.kdf.algorithm).toBe('argon2id13');
    expect(vault.kdf.memoryBytes).toBe(256 * MiB);
    expect([2, 3]).toContain(vault.kdf.passes);
    vault.lock();
    const reopened = await Vault.unlock(path, TEST_PASSWORD);
    expect(reopened.kdf).toEqual(vault.kdf);
    reopened.lock();
  });

  it('falls back to 2 passes, never fewer, when the budget is tiny', async () => {
    const vault = await Vault.create(nextPath(), TEST_PASSWORD, { kdf: { memoryBytes: 16 * MiB }, unlockBudgetMilliseconds: 1 });
    expect(vault.kdf).toEqual({ algorithm: 'argon2id13', memoryBytes: 16 * MiB, passes: 2 });
    vault.lock();
  });

  it('does not keep the 256 MiB of Argon2id memory in the process after unlocking', async () => {
    const path = nextPath();
    (await Vault.create(path, TEST_PASSWORD, { kdf: { passes: 2 } })).lock();
    const before = process.memoryUsage().rss;
    const vault = await Vault.unlock(path, TEST_PASSWORD);
    const after = process.memoryUsage().rss;
    vault.lock();
    // Run in this thread, libsodium's WebAssembly heap would grow past 256 MiB and never shrink.
    expect(after - before).toBeLessThan(64 * MiB);
  });
});
