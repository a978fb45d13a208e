/**
 * Whole, valid ciphertexts in the wrong place: swapped between rows, carried into another vault that
 * even shares the vault key, or a settings blob passed off as an entry. Each is VAULT_DAMAGED.
 * And the other side of the slot checksum: a deliberate edit whose checksum was recomputed reads as
 * WRONG_PASSWORD (the spec's promise), never as success.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { VaultCipher } from '../../../src/main/crypto/index.js';
import { VaultRecords, createVaultDatabase } from '../../../src/main/storage/index.js';
import { Vault } from '../../../src/main/vault/index.js';
import { sealPasswordSlot } from '../../../src/main/vault/passwordSlot.js';
import {
  FIXED_TIME,
  SAMPLE_ITEMS,
  TEST_KDF,
  TEST_PASSWORD,
  type VaultSnapshot,
  createSampleVault,
  expectVaultError,
  flipped,
  recomputeSlotChecksum,
  temporaryVaultPaths,
  unlockAndReadEverything,
  withDatabase,
  editedCopy,
} from './support.js';

const nextPath = temporaryVaultPaths();

let pristine: string;
let snapshot: VaultSnapshot;

beforeAll(async () => {
  pristine = nextPath();
  snapshot = await createSampleVault(pristine);
});

/** A fresh copy of the sample vault with `edit` applied through SQL. */
const editedSample = (edit: (database: Database) => void): string => editedCopy(pristine, nextPath(), edit);

interface EntryRow {
  id: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  payload_version: number;
  payload: Buffer;
}

const entryRows = (database: Database): EntryRow[] => database.prepare('SELECT * FROM entries ORDER BY id').all() as EntryRow[];

/**
 * A vault file exactly as Vault.create writes it, but with a vault id and vault key of our choosing, so two
 * files can share a key: the only way to show that the vault id, not just the key, binds a blob to its file.
 */
async function createVaultWithKey(path: string, vaultId: Uint8Array, vaultKey: Uint8Array): Promise<void> {
  const cipher = await VaultCipher.load();
  const slot = await sealPasswordSlot({
    cipher,
    vaultId,
    vaultKey,
    password: TEST_PASSWORD,
    kdf: { algorithm: 'argon2id13', ...TEST_KDF },
    createdAt: FIXED_TIME,
    updatedAt: FIXED_TIME,
  });
  const records = new VaultRecords(createVaultDatabase(path));
  try {
    records.immediate(() => {
      records.insertHeader(vaultId, FIXED_TIME);
      records.writeSlot(slot);
    });
  } finally {
    records.close();
  }
}

function copyEntryRow(from: string, to: string, id: string): void {
  const row = withDatabase(from, (database) => database.prepare('SELECT * FROM entries WHERE id = ?').get(id)) as EntryRow;
  withDatabase(to, (database) =>
    database
      .prepare('INSERT INTO entries (id, created_at, updated_at, deleted_at, payload_version, payload) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.id, row.created_at, row.updated_at, row.deleted_at, row.payload_version, row.payload),
  );
}

describe('ciphertexts moved to another place', () => {
  it('two entries with their payloads swapped', async () => {
    const path = editedSample((database) => {
      const [first, second] = entryRows(database);
      const update = database.prepare('UPDATE entries SET payload = ? WHERE id = ?');
      update.run(second!.payload, first!.id);
      update.run(first!.payload, second!.id);
    });
    await expectVaultError(() => unlockAndReadEverything(path), 'VAULT_DAMAGED');
  });

  it("an entry's payload copied over another entry's", async () => {
    const path = editedSample((database) => {
      const [first, second] = entryRows(database);
      database.prepare('UPDATE entries SET payload = ? WHERE id = ?').run(first!.payload, second!.id);
    });
    await expectVaultError(() => unlockAndReadEverything(path), 'VAULT_DAMAGED');
  });

  it("the settings blob passed off as an entry, and an entry's payload as the settings", async () => {
    const intoEntry = editedSample((database) => database.exec('UPDATE entries SET payload = (SELECT settings FROM vault) WHERE rowid = (SELECT min(rowid) FROM entries)'));
    await expectVaultError(() => unlockAndReadEverything(intoEntry), 'VAULT_DAMAGED');
    const intoSettings = editedSample((database) => database.exec('UPDATE vault SET settings = (SELECT payload FROM entries ORDER BY rowid LIMIT 1)'));
    await expectVaultError(() => unlockAndReadEverything(intoSettings), 'VAULT_DAMAGED');
  });

  it("an entry row copied into another vault with the same key but its own vault id", async () => {
    const vaultKey = new Uint8Array(randomBytes(32));
    const sourceId = new Uint8Array(randomBytes(16));
    const source = nextPath();
    await createVaultWithKey(source, sourceId, vaultKey);
    const vault = await Vault.unlock(source, TEST_PASSWORD, { now: () => FIXED_TIME });
    const item = vault.createItem(SAMPLE_ITEMS[1]);
    vault.lock();

    const stranger = nextPath();
    await createVaultWithKey(stranger, new Uint8Array(randomBytes(16)), vaultKey);
    copyEntryRow(source, stranger, item.id);
    await expectVaultError(() => unlockAndReadEverything(stranger), 'VAULT_DAMAGED');

    // Control: the same row in a file with the same vault id and key opens, so the vault id is what refused it.
    const twin = nextPath();
    await createVaultWithKey(twin, sourceId, vaultKey);
    copyEntryRow(source, twin, item.id);
    expect((await unlockAndReadEverything(twin)).items).toEqual([item]);
  });

  it('an entry row copied into another ordinary vault under the same id', async () => {
    const other = nextPath();
    await createSampleVault(other);
    const [row] = withDatabase(pristine, entryRows);
    withDatabase(other, (database) => database.prepare('UPDATE entries SET id = ? WHERE rowid = (SELECT min(rowid) FROM entries)').run(row!.id));
    withDatabase(other, (database) => database.prepare('UPDATE entries SET payload = ? WHERE id = ?').run(row!.payload, row!.id));
    await expectVaultError(() => unlockAndReadEverything(other), 'VAULT_DAMAGED');
  });
});

describe('deliberate edits of the password slot with a recomputed checksum', () => {
  it('control: recomputing the checksum of an unchanged slot changes nothing', async () => {
    const path = editedSample(recomputeSlotChecksum);
    expect(await unlockAndReadEverything(path)).toEqual(snapshot);
  });

  const tampers: readonly (readonly [string, (database: Database) => void])[] = [
    [
      'a flipped byte in the wrapped key',
      (database) => {
        const { wrapped_key: wrapped } = database.prepare('SELECT wrapped_key FROM slots').get() as { wrapped_key: Buffer };
        database.prepare('UPDATE slots SET wrapped_key = ?').run(flipped(wrapped, 30, 0xff));
      },
    ],
    ['a new salt', (database) => database.exec('UPDATE slots SET salt = randomblob(16)')],
    ['one more KDF pass', (database) => database.exec('UPDATE slots SET kdf_passes = kdf_passes + 1')],
    ['twice the KDF memory', (database) => database.exec('UPDATE slots SET kdf_memory_bytes = kdf_memory_bytes * 2')],
    ['another vault id', (database) => database.exec('UPDATE vault SET vault_id = randomblob(16)')],
  ];

  it.each(tampers)('%s reads as WRONG_PASSWORD', async (_name, tamper) => {
    const path = editedSample((database) => {
      const before = database.prepare('SELECT * FROM slots JOIN vault').get();
      tamper(database);
      recomputeSlotChecksum(database);
      expect(database.prepare('SELECT * FROM slots JOIN vault').get()).not.toEqual(before);
    });
    await expectVaultError(() => Vault.unlock(path, TEST_PASSWORD), 'WRONG_PASSWORD');
  });
});
