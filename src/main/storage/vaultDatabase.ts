import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { VaultError } from '../../shared/errors.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.js';
import { guardStorage, translateSqliteError } from './sqliteErrors.js';

/** 'TOTV' in the SQLite header's application_id field: how a TOTP Vault file tells itself apart. */
export const VAULT_APPLICATION_ID = 0x544f5456;

const SQLITE_MAGIC = 'SQLite format 3\0';
/** Where SQLite keeps PRAGMA application_id in the file header (big-endian). */
const APPLICATION_ID_OFFSET = 68;
const REQUIRED_TABLES = ['vault', 'slots', 'entries'] as const;

export interface OpenOptions {
  /** Stop migrating at this schema version (tests of old formats only). */
  readonly schemaVersion?: number;
}

/**
 * Creates a new, empty vault database file. Fails if anything exists at the path: creating must never
 * overwrite a vault.
 */
export function createVaultDatabase(path: string, options: OpenOptions = {}): Database {
  if (existsSync(path)) {
    throw new VaultError('VAULT_EXISTS', `A file already exists at ${path}; choose another place for the new vault.`);
  }
  createParentFolder(path);
  const database = guardStorage(() => new BetterSqlite3(path));
  try {
    guardStorage(() => {
      // application_id goes into the main file before WAL is on, so the header identifies the file
      // even if the process dies before the first checkpoint.
      database.pragma(`application_id = ${VAULT_APPLICATION_ID}`);
      configure(database);
      migrate(database, options.schemaVersion ?? LATEST_SCHEMA_VERSION);
    });
    return database;
  } catch (thrown) {
    database.close();
    throw thrown;
  }
}

/**
 * The desktop app's first run writes into a per-user folder (%APPDATA%\\TOTP Vault) that nothing has made yet;
 * SQLite creates files, not folders.
 */
function createParentFolder(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch {
    throw new VaultError('IO_ERROR', `The folder for the new vault cannot be created: ${dirname(path)}. Choose a folder you can write to.`);
  }
}

/** Opens an existing vault file, checks that it is ours and brings its schema up to date. */
export function openVaultDatabase(path: string, options: OpenOptions = {}): Database {
  assertLooksLikeVault(path);
  const database = guardStorage(() => new BetterSqlite3(path, { fileMustExist: true }));
  try {
    guardStorage(() => {
      configure(database);
      migrate(database, options.schemaVersion ?? LATEST_SCHEMA_VERSION);
      assertTablesPresent(database);
    });
    return database;
  } catch (thrown) {
    database.close();
    throw thrown;
  }
}

function assertLooksLikeVault(path: string): void {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) {
      throw new VaultError('NOT_A_VAULT', `${path} is a folder, not a vault file.`);
    }
    size = stats.size;
  } catch (thrown) {
    if (thrown instanceof VaultError) throw thrown;
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new VaultError('VAULT_NOT_FOUND', `There is no vault at ${path}.`);
    }
    throw translateSqliteError(thrown);
  }
  if (size < 100) {
    throw new VaultError('NOT_A_VAULT', size === 0 ? 'The vault file is empty.' : 'This file is not a TOTP Vault.');
  }
  // Read from the header, before SQLite opens the file: opening switches on WAL, which would write
  // to somebody else's database.
  const header = Buffer.alloc(100);
  const descriptor = openSync(path, 'r');
  try {
    readSync(descriptor, header, 0, 100, 0);
  } finally {
    closeSync(descriptor);
  }
  if (header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new VaultError('NOT_A_VAULT', 'This file is not a TOTP Vault.');
  }
  if (header.readUInt32BE(APPLICATION_ID_OFFSET) !== VAULT_APPLICATION_ID) {
    throw new VaultError('NOT_A_VAULT', 'This file is a SQLite database, but not a TOTP Vault.');
  }
}

/** WAL for readers beside a writer; FULL sync so an acknowledged write survives power loss. */
function configure(database: Database): void {
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // Deleted rows are overwritten with zeros, so trashed-then-deleted secrets do not linger in free pages.
  database.pragma('secure_delete = ON');
  database.pragma('busy_timeout = 5000');
}

function migrate(database: Database, target: number): void {
  const current = schemaVersionOf(database);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new VaultError('VAULT_TOO_NEW', 'This vault was written by a newer TOTP Vault. Update the app to open it.');
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    // IMMEDIATE: two processes opening an old vault at once must not both migrate it.
    database.transaction(() => {
      const now = schemaVersionOf(database);
      if (now >= migration.version) return;
      try {
        migration.up(database);
      } catch (thrown) {
        // A step that cannot apply means the tables do not match the recorded version.
        if (translateSqliteError(thrown).code !== 'INTERNAL') throw thrown;
        throw new VaultError('VAULT_DAMAGED', 'The vault file is damaged: its tables do not match its recorded version. Restore it from a backup.', { cause: thrown });
      }
      database.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

function assertTablesPresent(database: Database): void {
  const rows = database.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[];
  const present = new Set(rows.map((row) => row.name));
  const missing = REQUIRED_TABLES.filter((table) => !present.has(table));
  if (missing.length > 0) {
    throw new VaultError('VAULT_DAMAGED', `The vault file is damaged: its ${missing.join(', ')} table is missing. Restore it from a backup.`);
  }
}

function schemaVersionOf(database: Database): number {
  return database.pragma('user_version', { simple: true }) as number;
}
