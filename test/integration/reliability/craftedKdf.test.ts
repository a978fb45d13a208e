/**
 * A crafted file must not make us allocate gigabytes or spin for hours: absurd KDF parameters are
 * refused as VAULT_DAMAGED before any derivation starts, with a message that names the parameter.
 * No timing assertions: the proof is that memory did not grow and that the error names the cause.
 * Were the bounds gone, libsodium would try the allocation (RSS jumps, or INTERNAL) or run 10^6 passes
 * (the test times out).
 */
import { copyFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../src/main/vault/index.js';
import { TEST_PASSWORD, createSampleVault, expectVaultError, recomputeSlotChecksum, temporaryVaultPaths, withDatabase } from './support.js';

const nextPath = temporaryVaultPaths();
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

const CRAFTED: readonly (readonly [string, string, number | bigint, RegExp])[] = [
  ['4 GiB of memory', 'kdf_memory_bytes', 4 * GiB, /memory/i],
  ['2^53 bytes of memory', 'kdf_memory_bytes', 2 ** 53, /memory/i],
  ['2^63 - 1 bytes of memory', 'kdf_memory_bytes', 2n ** 63n - 1n, /memory/i],
  ['negative memory', 'kdf_memory_bytes', -1, /memory/i],
  ['no memory', 'kdf_memory_bytes', 0, /memory/i],
  ['a million passes', 'kdf_passes', 1_000_000, /passes/i],
  ['zero passes', 'kdf_passes', 0, /passes/i],
];

let pristine: string;

beforeAll(async () => {
  pristine = nextPath();
  await createSampleVault(pristine);
});

describe.each([
  ['as disk damage', false],
  ['by a tamperer who recomputed the slot checksum', true],
])('absurd KDF parameters %s', (_how, recompute) => {
  it.each(CRAFTED)('%s: VAULT_DAMAGED naming the parameter, without allocating it', async (_name, column, value, mentions) => {
    const path = nextPath();
    copyFileSync(pristine, path);
    withDatabase(path, (database) => {
      database.prepare(`UPDATE slots SET ${column} = ?`).run(value);
      // The AAD encoding holds only non-negative safe integers, so only those can carry a recomputed checksum.
      if (recompute && Number.isSafeInteger(Number(value)) && Number(value) >= 0) recomputeSlotChecksum(database);
    });
    const residentBefore = process.memoryUsage().rss;
    const error = await expectVaultError(() => Vault.unlock(path, TEST_PASSWORD), 'VAULT_DAMAGED');
    const grownMiB = (process.memoryUsage().rss - residentBefore) / MiB;
    expect(error.message).toMatch(mentions);
    expect(grownMiB, 'resident memory growth in MiB').toBeLessThan(100);
  });
});
