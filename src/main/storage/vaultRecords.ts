import type { Database, Statement } from 'better-sqlite3';
import { VaultError } from '../../shared/errors.js';
import { guardStorage } from './sqliteErrors.js';

export interface VaultHeaderRecord {
  readonly vaultId: Uint8Array;
  readonly createdAt: number;
  /** Encrypted settings blob; null until first written. */
  readonly settings: Uint8Array | null;
}

export interface SlotRecord {
  readonly id: string;
  readonly kind: 'password';
  readonly kdfAlgorithm: string;
  readonly kdfMemoryBytes: number;
  readonly kdfPasses: number;
  readonly salt: Uint8Array;
  readonly wrappedKey: Uint8Array;
  /** Unkeyed hash over the slot, telling disk damage apart from a wrong password. */
  readonly checksum: Uint8Array;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface EntryRecord {
  readonly id: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly deletedAt: number | null;
  readonly payloadVersion: number;
  readonly payload: Uint8Array | null;
}

interface SlotRow {
  id: string;
  kind: string;
  kdf_algorithm: string;
  kdf_memory_bytes: number;
  kdf_passes: number;
  salt: Buffer;
  wrapped_key: Buffer;
  checksum: Buffer;
  created_at: number;
  updated_at: number;
}

interface EntryRow {
  id: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  payload_version: number;
  payload: Buffer | null;
}

/**
 * The only code that speaks SQL about vault contents. Every method maps SQLite failures to our error
 * codes; every mutation is meant to run inside `immediate()` so a change is one transaction.
 */
export class VaultRecords {
  readonly #database: Database;
  readonly #statements: {
    header: Statement;
    insertHeader: Statement;
    passwordSlot: Statement;
    upsertSlot: Statement;
    liveEntries: Statement;
    entry: Statement;
    insertEntry: Statement;
    updateEntry: Statement;
    tombstone: Statement;
  };

  constructor(database: Database) {
    this.#database = database;
    this.#statements = guardStorage(() => ({
      header: database.prepare('SELECT * FROM vault WHERE singleton = 1'),
      insertHeader: database.prepare('INSERT INTO vault (singleton, vault_id, created_at) VALUES (1, ?, ?)'),
      passwordSlot: database.prepare("SELECT * FROM slots WHERE kind = 'password' ORDER BY created_at LIMIT 2"),
      upsertSlot: database.prepare(`
        INSERT INTO slots (id, kind, kdf_algorithm, kdf_memory_bytes, kdf_passes, salt, wrapped_key, checksum, created_at, updated_at)
        VALUES (@id, @kind, @kdfAlgorithm, @kdfMemoryBytes, @kdfPasses, @salt, @wrappedKey, @checksum, @createdAt, @updatedAt)
        ON CONFLICT (id) DO UPDATE SET kdf_algorithm = excluded.kdf_algorithm, kdf_memory_bytes = excluded.kdf_memory_bytes,
          kdf_passes = excluded.kdf_passes, salt = excluded.salt, wrapped_key = excluded.wrapped_key,
          checksum = excluded.checksum, updated_at = excluded.updated_at`),
      liveEntries: database.prepare('SELECT * FROM entries WHERE deleted_at IS NULL'),
      entry: database.prepare('SELECT * FROM entries WHERE id = ?'),
      insertEntry: database.prepare(`
        INSERT INTO entries (id, created_at, updated_at, deleted_at, payload_version, payload)
        VALUES (@id, @createdAt, @updatedAt, NULL, @payloadVersion, @payload)`),
      updateEntry: database.prepare(
        'UPDATE entries SET updated_at = @updatedAt, payload_version = @payloadVersion, payload = @payload WHERE id = @id AND deleted_at IS NULL',
      ),
      tombstone: database.prepare('UPDATE entries SET deleted_at = ?, updated_at = ?, payload = NULL WHERE id = ? AND deleted_at IS NULL'),
    }));
  }

  /** Runs `work` in one IMMEDIATE transaction: the write lock is taken up front, so reads inside it are current. */
  immediate<T>(work: () => T): T {
    return guardStorage(() => this.#database.transaction(work).immediate());
  }

  /** Changes whenever another connection commits; cheap enough to ask before every read. */
  dataVersion(): number {
    return guardStorage(() => this.#database.pragma('data_version', { simple: true }) as number);
  }

  header(): VaultHeaderRecord {
    const row = guardStorage(() => this.#statements.header.get()) as
      | { vault_id: Buffer; created_at: number; settings?: Buffer | null }
      | undefined;
    if (!row || !(row.vault_id instanceof Uint8Array)) {
      throw new VaultError('VAULT_DAMAGED', 'The vault file is damaged: its header is missing. Restore it from a backup.');
    }
    return { vaultId: new Uint8Array(row.vault_id), createdAt: row.created_at, settings: row.settings ? new Uint8Array(row.settings) : null };
  }

  insertHeader(vaultId: Uint8Array, createdAt: number): void {
    guardStorage(() => this.#statements.insertHeader.run(vaultId, createdAt));
  }

  /** Prepared on use: the column arrives with schema version 2, and an older file must still open. */
  writeSettings(blob: Uint8Array): void {
    guardStorage(() => this.#database.prepare('UPDATE vault SET settings = ? WHERE singleton = 1').run(blob));
  }

  passwordSlot(): SlotRecord {
    const rows = guardStorage(() => this.#statements.passwordSlot.all()) as SlotRow[];
    const row = rows[0];
    if (!row || rows.length > 1) {
      throw new VaultError('VAULT_DAMAGED', 'The vault file is damaged: its password slot is missing or doubled. Restore it from a backup.');
    }
    return {
      id: row.id,
      kind: 'password',
      kdfAlgorithm: row.kdf_algorithm,
      kdfMemoryBytes: row.kdf_memory_bytes,
      kdfPasses: row.kdf_passes,
      salt: new Uint8Array(row.salt),
      wrappedKey: new Uint8Array(row.wrapped_key),
      checksum: new Uint8Array(row.checksum),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  writeSlot(slot: SlotRecord): void {
    guardStorage(() => this.#statements.upsertSlot.run(slot));
  }

  liveEntries(): EntryRecord[] {
    return (guardStorage(() => this.#statements.liveEntries.all()) as EntryRow[]).map(toEntryRecord);
  }

  entry(id: string): EntryRecord | undefined {
    const row = guardStorage(() => this.#statements.entry.get(id)) as EntryRow | undefined;
    return row ? toEntryRecord(row) : undefined;
  }

  insertEntry(record: { id: string; createdAt: number; updatedAt: number; payloadVersion: number; payload: Uint8Array }): void {
    guardStorage(() => this.#statements.insertEntry.run(record));
  }

  /** Returns false when there is no live entry with that id. */
  updateEntry(record: { id: string; updatedAt: number; payloadVersion: number; payload: Uint8Array }): boolean {
    return guardStorage(() => this.#statements.updateEntry.run(record)).changes === 1;
  }

  /** Drops the payload and keeps a tombstone, so a later sync can tell "deleted" from "never existed". */
  tombstoneEntry(id: string, at: number): boolean {
    return guardStorage(() => this.#statements.tombstone.run(at, at, id)).changes === 1;
  }

  close(): void {
    if (this.#database.open) this.#database.close();
  }
}

function toEntryRecord(row: EntryRow): EntryRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    payloadVersion: row.payload_version,
    payload: row.payload ? new Uint8Array(row.payload.buffer, row.payload.byteOffset, row.payload.byteLength) : null,
  };
}
