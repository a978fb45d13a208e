import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Vault } from '../../dist/main/vault/index.js';
import { emptyItemContent } from '../../dist/shared/item.js';
import { type Measurement, median } from './benchmarkReport.ts';

export const PASSWORD = 'benchmark passphrase, not secret';
const SIZES = [10, 1_000, 10_000] as const;
const RUNS = 3;
const MiB = 1024 * 1024;
const probe = fileURLToPath(new URL('./unlockProbe.ts', import.meta.url));

export interface UnlockRun {
  entries: number;
  kdfMilliseconds: number;
  otherMilliseconds: number;
  codesFirstMilliseconds: number;
  codesNextPeriodMilliseconds: number;
  rssBefore: number;
  rssAfterUnlock: number;
}

export interface ProbeResult {
  cold: UnlockRun;
  warm: UnlockRun;
}

/** Unlock split into KDF and the rest, code generation, and memory after unlock, each in a fresh process. */
export async function runVaultBenchmark(): Promise<Measurement[]> {
  const folder = mkdtempSync(join(tmpdir(), 'totp-vault-bench-'));
  const measurements: Measurement[] = [];
  try {
    let kdf: { memoryBytes: number; passes: number } | undefined;
    for (const size of SIZES) {
      const path = join(folder, `vault-${size}.totpvault`);
      // The first vault calibrates the default KDF; the others reuse its choice so every size is comparable.
      const vault = await Vault.create(path, PASSWORD, kdf ? { kdf } : {});
      kdf = { memoryBytes: vault.kdf.memoryBytes, passes: vault.kdf.passes };
      vault.createItems(Array.from({ length: size }, (_, index) => sampleItem(index)));
      vault.lock();
      const runs = Array.from({ length: RUNS }, () => runProbe(path));
      const cold = runs.map((run) => run.cold);
      const warm = runs.map((run) => run.warm);
      const name = `unlock ${size.toLocaleString('en')} entries`;
      const target = size === 10_000 ? { target: 50 } : {};
      measurements.push(
        { benchmark: name, metric: `KDF, cold (Argon2id ${kdf.memoryBytes / MiB} MiB, ${kdf.passes} passes, in a new worker)`, value: median(cold.map((run) => run.kdfMilliseconds)), unit: 'ms' },
        { benchmark: name, metric: 'everything but the KDF, cold process', value: median(cold.map((run) => run.otherMilliseconds)), unit: 'ms', ...target },
        { benchmark: name, metric: 'everything but the KDF, warm (second unlock)', value: median(warm.map((run) => run.otherMilliseconds)), unit: 'ms', ...target },
        { benchmark: name, metric: 'resident memory growth over unlock', value: median(cold.map((run) => (run.rssAfterUnlock - run.rssBefore) / MiB)), unit: 'MiB', target: 128 },
      );
      if (size === 10_000) {
        measurements.push(
          { benchmark: 'codes 10,000 entries', metric: 'next period (every code recomputed)', value: median(warm.map((run) => run.codesNextPeriodMilliseconds)), unit: 'ms', target: 50 },
          { benchmark: 'codes 10,000 entries', metric: 'first listing after a cold unlock (parses every URI)', value: median(cold.map((run) => run.codesFirstMilliseconds)), unit: 'ms', target: 50 },
          { benchmark: 'codes 10,000 entries', metric: 'first listing after a warm unlock', value: median(warm.map((run) => run.codesFirstMilliseconds)), unit: 'ms', target: 50 },
          { benchmark: 'memory after unlock', metric: 'resident set, 10,000 entries (KDF memory not held)', value: median(cold.map((run) => run.rssAfterUnlock / MiB)), unit: 'MiB', target: 256 },
        );
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return measurements;
}

/** Unlocks `path` (cold, then warm) in a fresh Node process; see unlockProbe.ts. */
export function runProbe(path: string): ProbeResult {
  const child = spawnSync(process.execPath, [probe, path], { input: PASSWORD + '\n', encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`unlock probe failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ProbeResult;
}

/** Login item number `index`: one TOTP field with a distinct secret, a tag, every 50th a favourite. */
export function sampleItem(index: number) {
  const secret = base32Of(index);
  return {
    ...emptyItemContent(),
    title: `Service ${index}`,
    username: `user${index}@example.com`,
    websites: [`https://service${index}.example.com`],
    tags: [index % 2 === 0 ? 'Work' : 'Home'],
    favorite: index % 50 === 0,
    otp: [{ id: 'totp', label: 'TOTP', uri: `otpauth://totp/Service%20${index}:user${index}%40example.com?secret=${secret}&issuer=Service%20${index}` }],
  };
}

/** A distinct 32-character base32 secret per index. */
export function base32Of(index: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let value = index * 2654435761 + 12345;
  let secret = '';
  for (let position = 0; position < 32; position++) {
    secret += alphabet[value % 32];
    value = Math.floor(value / 32) + position * 7919 + index;
  }
  return secret;
}
