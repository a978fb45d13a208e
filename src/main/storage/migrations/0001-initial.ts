import type { Migration } from './migration.js';

/**
 * The first schema. Everything secret lives in the `wrapped_key` and `payload` blobs; the clear columns
 * are what the format needs before a key exists (slots and their KDF parameters) or what costs nothing
 * to reveal (ids, timestamps, tombstones).
 */
export const migration0001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(database) {
    database.exec(`
      CREATE TABLE vault (
        singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
        vault_id    BLOB    NOT NULL CHECK (length(vault_id) = 16),
        created_at  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE slots (
        id                TEXT    PRIMARY KEY,
        kind              TEXT    NOT NULL CHECK (kind IN ('password')),
        kdf_algorithm     TEXT    NOT NULL,
        kdf_memory_bytes  INTEGER NOT NULL,
        kdf_passes        INTEGER NOT NULL,
        salt              BLOB    NOT NULL,
        wrapped_key       BLOB    NOT NULL,
        checksum          BLOB    NOT NULL,
        created_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE entries (
        id               TEXT    PRIMARY KEY,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        deleted_at       INTEGER,
        payload_version  INTEGER NOT NULL,
        payload          BLOB,
        CHECK ((deleted_at IS NULL) = (payload IS NOT NULL))
      ) STRICT;
    `);
  },
};
