/**
 * Whole parts missing, or not a vault at all: each gets its own error code, so the app can say
 * "damaged, restore a backup", "this is not a vault file", "no vault here" or "update the app".
 * And nothing we open by mistake is changed, and create() never overwrites.
 */
import { copyFileSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../src/main/vault/index.js';
import type { ErrorCode } from '../../../src/shared/errors.js';
import {
  TEST_KDF,
  TEST_PASSWORD,
  createSampleVault,
  expectVaultError,
  fileBytes,
  temporaryVaultPaths,
  unlockAndReadEverything,
  editedCopy,
} from './support.js';

const nextPath = temporaryVaultPaths();

let pristine: string;

beforeAll(async () => {
  pristine = nextPath();
  await createSampleVault(pristine);
});

/** A fresh copy of the sample vault with `edit` applied through SQL. */
const editedSample = (edit: (database: Database) => void): string => editedCopy(pristine, nextPath(), edit);

describe('a vault with parts missing is VAULT_DAMAGED', () => {
  const edits: readonly (readonly [string, string])[] = [
    ['the entries table dropped', 'DROP TABLE entries'],
    ['the vault table dropped', 'DROP TABLE vault'],
    ['the slots table dropped', 'DROP TABLE slots'],
    ['the password slot row deleted', 'DELETE FROM slots'],
    ['the header row deleted', 'DELETE FROM vault'],
    ['a second password slot', "INSERT INTO slots SELECT id || '-copy', kind, kdf_algorithm, kdf_memory_bytes, kdf_passes, salt, wrapped_key, checksum, created_at, updated_at FROM slots"],
  ];
  it.each(edits)('%s', async (_name, sql) => {
    const path = editedSample((database) => database.exec(sql));
    await expectVaultError(() => unlockAndReadEverything(path), 'VAULT_DAMAGED');
  });

  it('the file cut to half its length', async () => {
    const path = nextPath();
    copyFileSync(pristine, path);
    truncateSync(path, Math.floor(fileBytes(path).length / 2));
    // The header (and its application id) survives, so this is our vault, damaged, not "not a vault".
    await expectVaultError(() => unlockAndReadEverything(path), 'VAULT_DAMAGED');
  });

  it('the file cut to every whole page short of its length', async () => {
    const length = fileBytes(pristine).length;
    for (let cut = 4096; cut < length; cut += 4096) {
      const path = nextPath();
      copyFileSync(pristine, path);
      truncateSync(path, cut);
      await expectVaultError(() => unlockAndReadEverything(path), 'VAULT_DAMAGED');
    }
  });
});

describe('what is not a vault', () => {
  it('a missing path is VAULT_NOT_FOUND', async () => {
    await expectVaultError(() => Vault.unlock(nextPath(), TEST_PASSWORD), 'VAULT_NOT_FOUND');
  });

  const notVaults: readonly (readonly [string, (path: string) => void])[] = [
    ['an empty file', (path) => writeFileSync(path, '')],
    ['a short text file', (path) => writeFileSync(path, 'hello\n')],
    ['a long text file', (path) => writeFileSync(path, 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP\n'.repeat(200))],
    ['random bytes', (path) => writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, index) => (index * 7919) % 251)))],
    ['a folder', (path) => mkdirSync(path)],
    ['another app\'s SQLite database', (path) => createForeignDatabase(path, 0x12345678)],
    ['a SQLite database without an application id', (path) => createForeignDatabase(path, 0)],
  ];
  it.each(notVaults)('%s is NOT_A_VAULT', async (_name, make) => {
    const path = nextPath();
    make(path);
    await expectVaultError(() => Vault.unlock(path, TEST_PASSWORD), 'NOT_A_VAULT');
  });

  it("another app's SQLite database is left exactly as it was", async () => {
    // Opening with SQLite switches a file to WAL (bytes 18-19 of its header): the id must be checked first.
    const path = nextPath();
    createForeignDatabase(path, 0x12345678);
    const before = fileBytes(path);
    await expectVaultError(() => Vault.unlock(path, TEST_PASSWORD), 'NOT_A_VAULT');
    expect(fileBytes(path).equals(before), 'the foreign database is byte-for-byte unchanged').toBe(true);
  });

  it('a vault written by a newer schema (user_version 99) is VAULT_TOO_NEW, and is not touched', async () => {
    const path = editedSample((database) => database.pragma('user_version = 99'));
    const before = fileBytes(path);
    await expectVaultError(() => Vault.unlock(path, TEST_PASSWORD), 'VAULT_TOO_NEW');
    expect(fileBytes(path).equals(before)).toBe(true);
  });
});

describe('create() never overwrites', () => {
  const existing: readonly (readonly [string, (path: string) => void])[] = [
    ['a vault', (path) => copyFileSync(pristine, path)],
    ['a text file', (path) => writeFileSync(path, 'my notes\n')],
    ['an empty file', (path) => writeFileSync(path, '')],
  ];
  it.each(existing)('over %s it is VAULT_EXISTS and the file is byte-for-byte unchanged', async (_name, make) => {
    const path = nextPath();
    make(path);
    const before = fileBytes(path);
    await expectVaultError(() => Vault.create(path, 'another good password', { kdf: TEST_KDF }), 'VAULT_EXISTS' satisfies ErrorCode);
    expect(fileBytes(path).equals(before)).toBe(true);
  });

  it('the vault it refused to overwrite still opens with its own password', async () => {
    const path = nextPath();
    copyFileSync(pristine, path);
    await expectVaultError(() => Vault.create(path, 'another good password', { kdf: TEST_KDF }), 'VAULT_EXISTS');
    expect(await unlockAndReadEverything(path)).toEqual(await unlockAndReadEverything(pristine));
  });
});

function createForeignDatabase(path: string, applicationId: number): void {
  const database = new BetterSqlite3(path);
  try {
    database.pragma(`application_id = ${applicationId}`);
    database.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');");
  } finally {
    database.close();
  }
}
