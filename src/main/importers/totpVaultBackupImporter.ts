import { isBackupFile, openBackup } from '../crypto/index.js';
import { requirePassword } from './exportErrors.js';
import type { ImportedItem, Importer } from './importTypes.js';

const LABEL = 'TOTP Vault backup';

/**
 * Our own encrypted backup (src/main/crypto/BACKUP_FORMAT.md), recognised by its magic. Every item comes back
 * with every field, its creation and change times, and its trash mark and time. The backup's settings are
 * not applied: the vault imported into keeps its own.
 */
export const totpVaultBackupImporter: Importer = {
  format: 'totp-vault-backup',
  label: LABEL,
  detect: (input) => isBackupFile(input.bytes),
  isEncrypted: () => true,
  async read(input, password) {
    const backup = await openBackup(input.bytes, requirePassword(LABEL, password));
    const items = backup.items.map(
      ({ id: _id, createdAt, updatedAt, trashedAt, ...content }): ImportedItem => ({ content, trashed: trashedAt !== null, createdAt, updatedAt, trashedAt }),
    );
    return { format: 'totp-vault-backup', items, problems: [] };
  },
};
