/**
 * A wrong password is WRONG_PASSWORD, whatever it looks like, and trying one changes nothing: not the
 * file's bytes, not what the right password then shows, and no WAL or lock file is left behind.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../src/main/vault/index.js';
import {
  TEST_PASSWORD,
  type VaultSnapshot,
  createSampleVault,
  expectVaultError,
  fileBytes,
  temporaryVaultPaths,
  unlockAndReadEverything,
} from './support.js';

const nextPath = temporaryVaultPaths();

const WRONG_PASSWORDS: readonly (readonly [string, string])[] = [
  ['a different password', 'Tr0ub4dor&3 is not it'],
  ['an empty password', ''],
  ['the password with its case changed', 'Correct horse battery staple'],
  ['the password in upper case', TEST_PASSWORD.toUpperCase()],
  ['the password with a trailing space', `${TEST_PASSWORD} `],
  ['the password with a leading space', ` ${TEST_PASSWORD}`],
  ['the password missing its last character', TEST_PASSWORD.slice(0, -1)],
];

describe('wrong passwords', () => {
  let path: string;
  let before: VaultSnapshot;
  let bytesBefore: Buffer;

  beforeAll(async () => {
    path = nextPath();
    before = await createSampleVault(path);
    bytesBefore = fileBytes(path);
  });

  it.each(WRONG_PASSWORDS)('%s is WRONG_PASSWORD and leaves the file untouched', async (_name, password) => {
    await expectVaultError(() => Vault.unlock(path, password), 'WRONG_PASSWORD');
    expect(fileBytes(path).equals(bytesBefore), 'the vault file is byte-for-byte unchanged').toBe(true);
    // A failed unlock closes its connection: the last close removes SQLite's WAL and shared-memory files.
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
  });

  it('opens with the right password after all the wrong ones, showing exactly what it showed before', async () => {
    for (const [, password] of WRONG_PASSWORDS) {
      await expectVaultError(() => Vault.unlock(path, password), 'WRONG_PASSWORD');
    }
    expect(await unlockAndReadEverything(path)).toEqual(before);
    expect(before.items).toHaveLength(4);
    expect(fileBytes(path).equals(bytesBefore), 'reading with the right password writes nothing either').toBe(true);
  });

  it('a wrong password on an open vault (change password) is WRONG_PASSWORD and keeps the old password', async () => {
    const copy = nextPath();
    await createSampleVault(copy);
    const vault = await Vault.unlock(copy, TEST_PASSWORD);
    try {
      await expectVaultError(() => vault.changePassword(`${TEST_PASSWORD} `, 'a brand new password'), 'WRONG_PASSWORD');
    } finally {
      vault.lock();
    }
    await expectVaultError(() => Vault.unlock(copy, 'a brand new password'), 'WRONG_PASSWORD');
    expect((await unlockAndReadEverything(copy)).items).toHaveLength(4);
  });
});
