/**
 * One flipped byte in anything the vault stores (entry payloads, the settings blob, every field of the
 * password slot, the vault id) must read as VAULT_DAMAGED: never WRONG_PASSWORD, never success with
 * other data. The damage is written with plain SQL, as a disk or a sync tool would leave it.
 */
import { copyFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../src/main/vault/index.js';
import {
  FIXED_TIME,
  TEST_PASSWORD,
  type VaultSnapshot,
  createSampleVault,
  expectVaultError,
  flipped,
  mapWithConcurrency,
  probePositions,
  randomInteger,
  seededRandom,
  temporaryVaultPaths,
  unlockAndReadEverything,
  vaultErrorOfSync,
  withDatabase,
  editedCopy,
} from './support.js';

const nextPath = temporaryVaultPaths();
const SEED = 0x5eed_b17e;

interface BlobTarget {
  readonly table: 'entries' | 'slots' | 'vault';
  readonly column: string;
  /** SQL naming the row: the primary key column and its value. */
  readonly keyColumn: string;
  readonly key: string | number;
}

let pristine: string;
let snapshot: VaultSnapshot;

beforeAll(async () => {
  pristine = nextPath();
  snapshot = await createSampleVault(pristine);
});

/** A fresh copy of the sample vault with `edit` applied through SQL. */
const damagedCopy = (edit: (database: Database) => void): string => editedCopy(pristine, nextPath(), edit);

function readBlob(database: Database, target: BlobTarget): Buffer {
  const row = database.prepare(`SELECT ${target.column} AS value FROM ${target.table} WHERE ${target.keyColumn} = ?`).get(target.key) as
    | { value: unknown }
    | undefined;
  if (!row || !Buffer.isBuffer(row.value)) throw new Error(`${target.table}.${target.column} is not a blob`);
  return row.value;
}

function writeBlob(database: Database, target: BlobTarget, value: Buffer): void {
  const result = database.prepare(`UPDATE ${target.table} SET ${target.column} = ? WHERE ${target.keyColumn} = ?`).run(value, target.key);
  expect(result.changes).toBe(1);
}

function entryIds(): string[] {
  return withDatabase(pristine, (database) => (database.prepare('SELECT id FROM entries ORDER BY id').all() as { id: string }[]).map((row) => row.id));
}

function slotId(): string {
  return withDatabase(pristine, (database) => (database.prepare('SELECT id FROM slots').get() as { id: string }).id);
}

/** Flips bytes at the probe positions of each target, each in its own copy, and expects VAULT_DAMAGED on unlock + read. */
async function expectEveryProbeDamaged(targets: readonly BlobTarget[], seed: number): Promise<number> {
  const random = seededRandom(seed);
  const cases = targets.flatMap((target) => {
    const length = withDatabase(pristine, (database) => readBlob(database, target).length);
    return probePositions(length, random).map((position) => ({ target, position, mask: 1 + randomInteger(random, 255) }));
  });
  await mapWithConcurrency(cases, 2, async ({ target, position, mask }) => {
    const path = damagedCopy((database) => writeBlob(database, target, flipped(readBlob(database, target), position, mask)));
    const error = await expectVaultError(() => unlockAndReadEverything(path), 'VAULT_DAMAGED').catch((failure: unknown) => {
      throw new Error(`${target.table}.${target.column} byte ${position} ^ ${mask}: ${String(failure)}`);
    });
    expect(error.message).not.toMatch(/password is wrong/i);
  });
  return cases.length;
}

describe('single flipped bytes in stored ciphertexts', () => {
  it('every entry payload, at its first, last, middle and random bytes', async () => {
    const ids = entryIds();
    expect(ids).toHaveLength(4);
    const count = await expectEveryProbeDamaged(ids.map((key) => ({ table: 'entries', column: 'payload', keyColumn: 'id', key })), SEED);
    expect(count).toBeGreaterThanOrEqual(12);
  });

  it('the settings blob', async () => {
    await expectEveryProbeDamaged([{ table: 'vault', column: 'settings', keyColumn: 'singleton', key: 1 }], SEED + 1);
  });

  it('the password slot: wrapped key, salt and checksum, and the vault id', async () => {
    const key = slotId();
    const targets: BlobTarget[] = ['wrapped_key', 'salt', 'checksum'].map((column) => ({ table: 'slots', column, keyColumn: 'id', key }));
    targets.push({ table: 'vault', column: 'vault_id', keyColumn: 'singleton', key: 1 });
    await expectEveryProbeDamaged(targets, SEED + 2);
  });

  it('every byte of the entry with the most OTP fields, and of the settings blob, read by a vault that stays open', async () => {
    const path = nextPath();
    copyFileSync(pristine, path);
    const vault = await Vault.unlock(path, TEST_PASSWORD, { now: () => FIXED_TIME });
    try {
      const richest = snapshot.items.reduce((best, item) => (item.otp.length > best.otp.length ? item : best));
      expect(richest.otp.length).toBeGreaterThanOrEqual(3);
      const targets: BlobTarget[] = [
        { table: 'entries', column: 'payload', keyColumn: 'id', key: richest.id },
        { table: 'vault', column: 'settings', keyColumn: 'singleton', key: 1 },
      ];
      withDatabase(path, (database) => {
        database.pragma('busy_timeout = 5000');
        for (const target of targets) {
          const original = readBlob(database, target);
          const read = target.table === 'entries' ? () => vault.items() : () => vault.settings();
          for (let position = 0; position < original.length; position += 1) {
            writeBlob(database, target, flipped(original, position, 0x01 << position % 8));
            const error = vaultErrorOfSync(read, `${target.column} byte ${position}`);
            expect(error.code, `${target.column} byte ${position}`).toBe('VAULT_DAMAGED');
            if (target.table === 'entries') expect(vaultErrorOfSync(() => vault.codes(FIXED_TIME), 'codes').code).toBe('VAULT_DAMAGED');
          }
          // Repaired, the same open vault reads everything as before: the damage was all there was.
          writeBlob(database, target, original);
          expect({ items: vault.items(), codes: vault.codes(FIXED_TIME), settings: vault.settings() }).toEqual(snapshot);
        }
        expect(targets.map((target) => readBlob(database, target).length).reduce((a, b) => a + b)).toBeGreaterThan(400);
      });
    } finally {
      vault.lock();
    }
  });
});

describe('writing to a damaged item', () => {
  it('update, trash and next HOTP code refuse with VAULT_DAMAGED and leave the damaged blob as it was', async () => {
    const path = nextPath();
    copyFileSync(pristine, path);
    const vault = await Vault.unlock(path, TEST_PASSWORD, { now: () => FIXED_TIME });
    try {
      const counter = snapshot.items.find((item) => item.title === 'Counter')!;
      const target: BlobTarget = { table: 'entries', column: 'payload', keyColumn: 'id', key: counter.id };
      const damaged = withDatabase(path, (database) => {
        const bytes = flipped(readBlob(database, target), 40, 0x04);
        writeBlob(database, target, bytes);
        return bytes;
      });
      const writes: (readonly [string, () => unknown])[] = [
        ['nextHotpCode', () => vault.nextHotpCode(counter.id, 'hotp')],
        ['updateItem', () => vault.updateItem(counter.id, { ...counter, title: 'Overwritten' })],
        ['trashItem', () => vault.trashItem(counter.id)],
        ['restoreItem', () => vault.restoreItem(counter.id)],
      ];
      for (const [name, write] of writes) expect(vaultErrorOfSync(write, name).code, name).toBe('VAULT_DAMAGED');
      expect(withDatabase(path, (database) => readBlob(database, target)).equals(damaged)).toBe(true);
    } finally {
      vault.lock();
    }
  });
});

describe('changed clear fields of the password slot and the entries', () => {
  const xorBit = (value: number, bit: number): number => Number(BigInt(value) ^ (1n << BigInt(bit)));

  it('KDF memory and passes with one bit flipped', async () => {
    const { memory, passes } = withDatabase(pristine, (database) => {
      const row = database.prepare('SELECT kdf_memory_bytes AS memory, kdf_passes AS passes FROM slots').get() as { memory: number; passes: number };
      return row;
    });
    const edits = [
      ...[0, 7, 12, 22, 23, 31, 40].map((bit) => ({ column: 'kdf_memory_bytes', value: xorBit(memory, bit) })),
      ...[0, 1, 2, 5, 30].map((bit) => ({ column: 'kdf_passes', value: xorBit(passes, bit) })),
    ];
    for (const { column, value } of edits) {
      const path = damagedCopy((database) => database.prepare(`UPDATE slots SET ${column} = ?`).run(value));
      await expectVaultError(() => unlockAndReadEverything(path), 'VAULT_DAMAGED');
    }
  });

  it('the KDF algorithm name, the slot id and the slot kind', async () => {
    const edits = [
      "UPDATE slots SET kdf_algorithm = 'argon2id12'",
      "UPDATE slots SET kdf_algorithm = 'Argon2id13'",
      "UPDATE slots SET kdf_algorithm = 'argon2i13'",
      "UPDATE slots SET id = substr(id, 1, length(id) - 1) || CASE WHEN substr(id, -1) = 'a' THEN 'b' ELSE 'a' END",
    ];
    for (const sql of edits) {
      await expectVaultError(() => unlockAndReadEverything(damagedCopy((database) => database.exec(sql))), 'VAULT_DAMAGED');
    }
  });

  it("an entry's payload version or id: the blob is bound to both", async () => {
    const [first] = entryIds();
    const edits = [
      `UPDATE entries SET payload_version = 2 WHERE id = '${first}'`,
      `UPDATE entries SET payload_version = 0 WHERE id = '${first}'`,
      `UPDATE entries SET id = '00000000-0000-4000-8000-000000000000' WHERE id = '${first}'`,
    ];
    for (const sql of edits) {
      await expectVaultError(() => unlockAndReadEverything(damagedCopy((database) => database.exec(sql))), 'VAULT_DAMAGED');
    }
  });

  it("an entry's created and updated times: bound too, so no item shows a date it never had", async () => {
    const [first] = entryIds();
    for (const column of ['created_at', 'updated_at']) {
      for (const change of ['+ 1', '- 86400000', '^ 1024']) {
        const sql = `UPDATE entries SET ${column} = ${change.startsWith('^') ? `(${column} | 1024) - (${column} & 1024)` : `${column} ${change}`} WHERE id = '${first}'`;
        await expectVaultError(() => unlockAndReadEverything(damagedCopy((database) => database.exec(sql))), 'VAULT_DAMAGED');
      }
    }
  });
});
