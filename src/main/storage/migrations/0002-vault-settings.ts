import type { Migration } from './migration.js';

/**
 * Per-vault settings (time offset, auto-lock, clipboard clearing) travel with the vault, encrypted like
 * an entry, so a vault copied to another PC keeps them.
 *
 * No index on entries: unlocking reads nearly every row, so an index buys nothing, and a damaged index
 * page could silently hide rows that are intact in the table.
 */
export const migration0002VaultSettings: Migration = {
  version: 2,
  name: 'vault-settings',
  up(database) {
    database.exec(`
      ALTER TABLE vault ADD COLUMN settings BLOB;
    `);
  },
};
