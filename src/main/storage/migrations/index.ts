import { migration0001Initial } from './0001-initial.js';
import { migration0002VaultSettings } from './0002-vault-settings.js';
import type { Migration } from './migration.js';

/** Every schema step in order. Append only: a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration0001Initial, migration0002VaultSettings];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export type { Migration } from './migration.js';
