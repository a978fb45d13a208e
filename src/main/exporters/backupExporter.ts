import { sealBackup } from '../crypto/index.js';
import { acceptableExportPassword } from './exportPassword.js';
import type { Exporter } from './exportTypes.js';

/**
 * Our own encrypted backup (src/main/crypto/BACKUP_FORMAT.md): everything, trashed items and times included,
 * and the vault settings; `totp-vault import` restores it into any vault.
 */
export const backupExporter: Exporter = {
  format: 'backup',
  label: 'TOTP Vault backup',
  encrypted: true,
  keeps: 'every item with every field, the trash, the times and the vault settings',
  async write(source, password) {
    const checked = acceptableExportPassword(password, 'backup');
    const bytes = await sealBackup(source.items, source.settings, checked, { exportedAt: source.now });
    return { bytes, items: source.items.length, codes: source.items.reduce((sum, item) => sum + item.otp.length, 0) };
  },
};
