/**
 * Helpers shared by the reliability suite: sample vaults, reading everything a vault can show, raw SQL
 * access to the file (for damage the app would never write itself), and a seeded PRNG so every
 * "random" damage is reproducible from the seed printed in the test name.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { expect } from 'vitest';
import { associatedData } from '../../../src/main/crypto/index.js';
import { Vault } from '../../../src/main/vault/index.js';
import { VaultError, type ErrorCode } from '../../../src/shared/errors.js';
import type { CodeEntry, Item } from '../../../src/shared/item.js';
import type { VaultSettings } from '../../../src/shared/settings.js';
import { TEST_KDF, TEST_PASSWORD } from '../../support/temporaryVaultPath.js';

export { TEST_KDF, TEST_PASSWORD, temporaryVaultPaths } from '../../support/temporaryVaultPath.js';

/** The clock every sample vault and every code read uses: 2026-01-02T03:04:05Z. */
export const FIXED_TIME = Date.UTC(2026, 0, 2, 3, 4, 5);

/** RFC 4226 / RFC 6238's SHA-1 seed ("12345678901234567890") in base32. */
export const RFC_SEED_SHA1 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** Items with several OTP fields of every kind, so every blob carries real secrets. */
export const SAMPLE_ITEMS = [
  {
    template: 'microsoft365',
    title: 'Topdesk',
    username: 'alice@contoso.com',
    otp: [{ id: 'ms', label: 'Entra', uri: 'otpauth://totp/Contoso:alice%40contoso.com?secret=ABCDEFGHIJKLMNOP&issuer=Microsoft' }],
    tags: ['work'],
  },
  {
    title: 'Many codes',
    password: 'hunter2',
    notes: 'three OTP fields on one item',
    otp: [
      { id: 'sha1', label: 'sha1', uri: `otpauth://totp/Example:bob?secret=${RFC_SEED_SHA1}&issuer=Example&digits=8` },
      { id: 'sha256', label: 'sha256', uri: 'otpauth://totp/Example:bob2?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA256&period=60' },
      { id: 'steam', label: 'steam', uri: 'steam://STEAMSECRETABCDE' },
    ],
    favorite: true,
  },
  {
    title: 'Counter',
    otp: [{ id: 'hotp', label: 'hotp', uri: `otpauth://hotp/Bank:carol?secret=${RFC_SEED_SHA1}&issuer=Bank&counter=3` }],
  },
  { title: 'No codes', username: 'dave', websites: ['https://example.com'], customFields: [{ id: 'pin', label: 'PIN', value: '1234', sensitive: true }] },
] as const;

export interface VaultSnapshot {
  readonly items: Item[];
  readonly codes: CodeEntry[];
  readonly settings: VaultSettings;
}

/** Everything the vault can show without changing anything: items, live codes at FIXED_TIME, settings. */
export function readEverything(vault: Vault): VaultSnapshot {
  return { items: vault.items(), codes: vault.codes(FIXED_TIME), settings: vault.settings() };
}

export async function unlockAndReadEverything(path: string, password: string = TEST_PASSWORD): Promise<VaultSnapshot> {
  const vault = await Vault.unlock(path, password, { now: () => FIXED_TIME });
  try {
    return readEverything(vault);
  } finally {
    vault.lock();
  }
}

/**
 * Creates a closed vault holding SAMPLE_ITEMS (one trashed, one HOTP advanced) and a written settings blob.
 * Returns what it shows, read back after closing, so the snapshot is what the file holds.
 */
export async function createSampleVault(path: string): Promise<VaultSnapshot> {
  const vault = await Vault.create(path, TEST_PASSWORD, { kdf: TEST_KDF, now: () => FIXED_TIME });
  try {
    const created = SAMPLE_ITEMS.map((input) => vault.createItem(input));
    vault.trashItem(created[3]!.id);
    vault.nextHotpCode(created[2]!.id, 'hotp');
    vault.updateSettings({ timeOffsetSeconds: 30 });
  } finally {
    vault.lock();
  }
  expect(existsSync(`${path}-wal`), 'closing the vault checkpoints and removes the WAL').toBe(false);
  return unlockAndReadEverything(path);
}

/**
 * Runs `work` and returns the VaultError it throws. Fails the test if it succeeds or throws anything
 * else: a non-VaultError escaping the vault is a bug in itself.
 */
export async function vaultErrorOf(work: () => unknown): Promise<VaultError> {
  let outcome: unknown;
  try {
    outcome = await work();
  } catch (thrown) {
    if (thrown instanceof VaultError) return thrown;
    throw new Error(`expected a VaultError, got ${String(thrown)}`, { cause: thrown });
  }
  throw new Error(`expected a VaultError, but it succeeded with ${JSON.stringify(outcome)?.slice(0, 300)}`);
}

/** vaultErrorOf for synchronous reads; `what` names the case in the failure. */
export function vaultErrorOfSync(work: () => unknown, what: string): VaultError {
  try {
    work();
  } catch (thrown) {
    if (thrown instanceof VaultError) return thrown;
    throw new Error(`${what}: expected a VaultError, got ${String(thrown)}`, { cause: thrown });
  }
  throw new Error(`${what}: expected a VaultError, but it succeeded`);
}

export async function expectVaultError(work: () => unknown, code: ErrorCode): Promise<VaultError> {
  const error = await vaultErrorOf(work);
  expect(`${error.code}: ${error.message}`).toMatch(new RegExp(`^${code}:`));
  return error;
}

/** Opens the file with better-sqlite3 directly (no pragmas of ours), runs `work`, closes. */
export function withDatabase<T>(path: string, work: (database: Database) => T): T {
  const database = new BetterSqlite3(path, { fileMustExist: true });
  try {
    return work(database);
  } finally {
    database.close();
  }
}

/** Copies the vault at `source` to `target`, applies `edit` through plain SQL, and returns `target`. */
export function editedCopy(source: string, target: string, edit: (database: Database) => void): string {
  copyFileSync(source, target);
  withDatabase(target, edit);
  return target;
}

/** A copy of `bytes` with byte `index` XOR-ed with `mask` (never 0, so the byte always changes). */
export function flipped(bytes: Uint8Array, index: number, mask: number): Buffer {
  if (mask % 256 === 0) throw new RangeError('mask must change the byte');
  const copy = Buffer.from(bytes);
  copy[index] = copy[index]! ^ (mask & 0xff);
  return copy;
}

/** mulberry32: tiny, seedable and good enough to pick offsets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInteger(random: () => number, below: number): number {
  return Math.floor(random() * below);
}

/** First, last, middle and two random positions of a blob of `length` bytes, without repeats. */
export function probePositions(length: number, random: () => number): number[] {
  const positions = [0, length - 1, Math.floor(length / 2), randomInteger(random, length), randomInteger(random, length)];
  return [...new Set(positions)];
}

export const fileBytes = (path: string): Buffer => readFileSync(path);

export interface SlotRow {
  id: string;
  kind: string;
  kdf_algorithm: string;
  kdf_memory_bytes: number;
  kdf_passes: number;
  salt: Buffer;
  wrapped_key: Buffer;
  checksum: Buffer;
}

/**
 * What a deliberate tamperer does after editing the password slot: recompute its plain SHA-256 checksum
 * (the format spec says how), so the edit no longer reads as disk damage.
 */
export function recomputeSlotChecksum(database: Database): void {
  const slot = database.prepare('SELECT * FROM slots').get() as SlotRow;
  const { vault_id: vaultId } = database.prepare('SELECT vault_id FROM vault').get() as { vault_id: Buffer };
  const aad = associatedData(
    'totp-vault/slot/v1',
    new Uint8Array(vaultId),
    slot.id,
    slot.kind,
    slot.kdf_algorithm,
    slot.kdf_memory_bytes,
    slot.kdf_passes,
    new Uint8Array(slot.salt),
  );
  const checksum = createHash('sha256').update(aad).update(slot.wrapped_key).digest();
  database.prepare('UPDATE slots SET checksum = ? WHERE id = ?').run(checksum, slot.id);
}

/** Runs `work` over `inputs` with at most `limit` in flight (the KDF runs in worker threads, so this uses both cores). */
export async function mapWithConcurrency<T, R>(inputs: readonly T[], limit: number, work: (input: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(inputs.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, inputs.length) }, async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
