import type { Migration } from './migration.js';

/**
 * Per-vault settings (time offset, auto-lock, clipboard clearing) travel with the vault, encrypted like
 * an entry, so a vault copied to another PC keeps them. The index serves the live-entries scan at unlock.
 */
export const migration0002VaultSettings: Migration = {
  version: 2,
  name: 'vault-settings',
  up(database) {
    database.exec(`
      ALTER TABLE vault ADD COLUMN settings BLOB;
      CREATE INDEX entries_live ON entries (deleted_at, updated_at);
    `);
  },
};
