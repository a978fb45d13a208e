import BetterSqlite3, { type Database } from 'better-sqlite3';
import { type VaultError, isVaultError } from '../../shared/errors.js';

/** A value as SQLite hands it over: TEXT, INTEGER or REAL, BLOB, NULL. */
export type DatabaseValue = string | number | bigint | Buffer | null;
export type DatabaseRow = Readonly<Record<string, DatabaseValue>>;

/** What a reader of a database image may do: look at its tables and run read-only queries. */
export interface DatabaseImage {
  /** The names of its tables. */
  readonly tables: ReadonlySet<string>;
  /** The rows of one query, as plain objects keyed by column name. */
  rows(sql: string, ...parameters: readonly (string | number)[]): DatabaseRow[];
}

/**
 * Opens `image`, the bytes of a whole SQLite file that exist only in memory (an importer decrypted them), runs
 * `read` on it and closes it. Nothing touches the disk: SQLite gets a read-only, in-memory copy that it frees on
 * close. The caller owns `image` and wipes it afterwards; SQLite's copy is freed but not wiped, which is as much
 * as SQLite offers.
 *
 * Any SQLite error (a damaged image, a table or column the file does not have) becomes `damaged()`: SQLite's
 * own message may quote the query or the data, and means nothing to the person importing. A VaultError that
 * `read` throws passes through unchanged.
 */
export function readDatabaseImage<T>(image: Uint8Array, read: (database: DatabaseImage) => T, damaged: () => VaultError): T {
  let database: Database | undefined;
  try {
    database = new BetterSqlite3(Buffer.from(image.buffer, image.byteOffset, image.byteLength), { readonly: true });
    // The image comes from outside: its schema (views, triggers, defaults) may not call functions on our behalf.
    database.pragma('trusted_schema = OFF');
    const opened = database;
    const tables = new Set(opened.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    return read({ tables, rows: (sql, ...parameters) => opened.prepare(sql).all(...parameters) as DatabaseRow[] });
  } catch (thrown) {
    if (isVaultError(thrown)) throw thrown;
    throw damaged();
  } finally {
    database?.close();
  }
}

