import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_KDF, openBackup, sealBackup } from '../../../src/main/crypto/index.js';
import { EXPORTERS } from '../../../src/main/exporters/index.js';
import { findImporter } from '../../../src/main/importers/index.js';
import { totpVaultBackupImporter } from '../../../src/main/importers/totpVaultBackupImporter.js';
import { Vault, applyImport } from '../../../src/main/vault/index.js';
import type { Item } from '../../../src/shared/item.js';
import { SAMPLE_ITEMS, TRASHED } from '../../support/exportSampleItems.js';
import { TEST_KDF, TEST_PASSWORD, temporaryVaultPaths } from '../../support/temporaryVaultPath.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

const NOW = Date.UTC(2026, 0, 10, 10, 0);
const BACKUP_PASSWORD = 'a backup password, not the master one';
const nextPath = temporaryVaultPaths();

/** A vault holding the sample items, with their times and trash, and a time offset. */
async function sampleVault(): Promise<Vault> {
  const vault = await Vault.create(nextPath(), TEST_PASSWORD, { kdf: TEST_KDF, now: () => NOW });
  vault.importItems(SAMPLE_ITEMS.map((item) => ({ content: item, trashed: item.trashedAt !== null, createdAt: item.createdAt, updatedAt: item.updatedAt, trashedAt: item.trashedAt })));
  vault.updateSettings({ timeOffsetSeconds: 7 });
  return vault;
}

function withoutIds(items: readonly Item[]): Omit<Item, 'id'>[] {
  return items.map(({ id: _id, ...rest }) => rest).sort((left, right) => left.title.localeCompare(right.title));
}

describe('backupExporter', () => {
  it('seals with the default KDF (256 MiB, 3 passes), and the backup importer opens it with every item', async () => {
    const file = await EXPORTERS.backup.write({ items: SAMPLE_ITEMS, settings: { timeOffsetSeconds: -30 }, now: NOW }, BACKUP_PASSWORD);
    expect(file).toMatchObject({ items: SAMPLE_ITEMS.length, codes: 10 });
    const input = { fileName: 'vault.totpbackup', bytes: file.bytes };
    expect(findImporter(input)).toBe(totpVaultBackupImporter);
    expect(totpVaultBackupImporter.isEncrypted(input)).toBe(true);
    const opened = await openBackup(file.bytes, BACKUP_PASSWORD);
    expect(opened).toMatchObject({ exportedAt: NOW, settings: { timeOffsetSeconds: -30 }, kdf: DEFAULT_BACKUP_KDF });
    expect(opened.items).toEqual(SAMPLE_ITEMS);
  });

  it('refuses a backup password weaker than a master password', async () => {
    const source = { items: SAMPLE_ITEMS, settings: { timeOffsetSeconds: 0 }, now: NOW };
    await expect(EXPORTERS.backup.write(source, 'short')).rejects.toEqual(vaultErrorLike('WEAK_PASSWORD', 'at least 8 characters'));
    await expect(EXPORTERS.backup.write(source)).rejects.toEqual(vaultErrorLike('WEAK_PASSWORD', 'needs a password'));
  });
});

describe('totpVaultBackupImporter: a backup restored into another vault', () => {
  it('gives back every item with every field, tags, favourites, the trash and the times', async () => {
    const source = await sampleVault();
    const bytes = await sealBackup(source.items(), source.settings(), BACKUP_PASSWORD, { kdf: TEST_KDF, exportedAt: NOW });
    const result = await totpVaultBackupImporter.read({ fileName: 'vault.totpbackup', bytes }, BACKUP_PASSWORD);
    expect(result).toMatchObject({ format: 'totp-vault-backup', problems: [] });
    expect(result.items.filter((item) => item.trashed)).toHaveLength(1);

    const target = await Vault.create(nextPath(), TEST_PASSWORD, { kdf: TEST_KDF, now: () => NOW + 60_000 });
    expect(applyImport(target, result, { keepDuplicates: false })).toEqual({ added: SAMPLE_ITEMS.length, skippedDuplicates: 0 });
    const restored = target.items();
    expect(withoutIds(restored)).toEqual(withoutIds(source.items()));
    expect(restored.find((item) => item.title === 'Old Bank')).toMatchObject({ trashedAt: TRASHED, updatedAt: TRASHED });
    expect(restored.find((item) => item.title === 'Topdesk')).toMatchObject({ createdAt: SAMPLE_ITEMS[0]!.createdAt, favorite: true, tags: ['Work', 'Microsoft'] });
    // The settings travel in the backup, but a restore leaves the target vault's own.
    expect(target.settings()).toEqual({ timeOffsetSeconds: 0 });

    // Restoring the same backup again adds only what duplicate detection never skips: items without codes,
    // and trashed items (the vault's duplicates are its live accounts).
    expect(applyImport(target, result, { keepDuplicates: false })).toEqual({ added: 2, skippedDuplicates: SAMPLE_ITEMS.length - 2 });
    source.lock();
    target.lock();
  });

  it('says WRONG_PASSWORD for a wrong password and asks for one when none is given', async () => {
    const bytes = await sealBackup(SAMPLE_ITEMS, { timeOffsetSeconds: 0 }, BACKUP_PASSWORD, { kdf: TEST_KDF });
    const input = { fileName: 'vault.totpbackup', bytes };
    await expect(totpVaultBackupImporter.read(input, 'not the backup password')).rejects.toEqual(vaultErrorLike('WRONG_PASSWORD', 'TOTP Vault backup is wrong'));
    await expect(totpVaultBackupImporter.read(input)).rejects.toEqual(vaultErrorLike('INVALID_INPUT', 'enter its password'));
  });
});
