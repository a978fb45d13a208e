import { createHash, timingSafeEqual } from 'node:crypto';
import { VaultError } from '../../../shared/errors.js';
import { EXPORT_FORMATS, type ExportedFile, type Exporter, findExporter, isExportFormat } from '../../exporters/index.js';
import { Vault, preloadVaultCrypto } from '../../vault/index.js';
import type { Invocation } from '../invocation.js';
import { printJson } from '../printJson.js';
import { plural } from '../plural.js';
import { quoteArgument } from '../quoteArgument.js';
import { readNewPassword } from '../readNewPassword.js';
import { UsageError } from '../usageError.js';
import { assertVaultExists } from '../withUnlockedVault.js';
import { assertNewFilePossible, writeNewFile } from '../writeNewFile.js';

/**
 * `totp-vault export --to FORMAT FILE`: writes the vault to a new file. The file's place is checked before any
 * password is asked for. The master password comes first; then, for an encrypted format, the file's own
 * password; for a format in the clear, a warning and the master password once more, because such a file
 * hands every secret to whoever reads it. Secrets go into the file only, never to stdout or stderr.
 */
export async function exportCommand(invocation: Invocation): Promise<void> {
  const { context, options, positionals, secrets, vaultPath } = invocation;
  const path = positionals[0] ?? '';
  const exporter = chosenExporter(options.to);
  assertNewFilePossible(path);
  assertVaultExists(vaultPath);
  // libsodium compiles while the password is typed or read, instead of after it.
  const preloading = preloadVaultCrypto();
  const masterPassword = await secrets.read('Master password');
  await preloading;
  const vault = await Vault.unlock(vaultPath, masterPassword, { now: context.now });
  let file: ExportedFile;
  try {
    const password = await confirmExport(invocation, exporter, path, masterPassword);
    file = await exporter.write({ items: vault.items(), settings: vault.settings(), now: context.now() }, password);
  } finally {
    vault.lock();
  }
  try {
    await writeNewFile(path, file.bytes);
  } finally {
    file.bytes.fill(0);
  }
  if (options.json) {
    printJson(context.stdout, { format: exporter.format, file: path, items: file.items, codes: file.codes, encrypted: exporter.encrypted });
    return;
  }
  const protection = exporter.encrypted ? 'encrypted with its password' : 'unencrypted: keep it safe, and delete it once it has been imported';
  context.stdout.write(`Wrote ${plural(file.items, 'item')} with ${plural(file.codes, 'one-time code')} to ${path} (${exporter.label}, ${protection}).\n`);
}

function chosenExporter(format: string | undefined): Exporter {
  const formats = EXPORT_FORMATS.join(', ');
  if (format === undefined) throw new UsageError(`'export' needs --to FORMAT (${formats})`);
  if (!isExportFormat(format)) throw new UsageError(`unknown export format ${quoteArgument(format)}: use one of ${formats}`);
  return findExporter(format);
}

/** The export's own password for an encrypted format; for one in the clear, the warning and the second master password. */
async function confirmExport(invocation: Invocation, exporter: Exporter, path: string, masterPassword: string): Promise<string | undefined> {
  const { context, secrets } = invocation;
  if (exporter.encrypted) {
    return readNewPassword(secrets, { label: `Password for the ${exporter.label}`, repeat: `Repeat the password for the ${exporter.label}`, outcome: 'Nothing was written.' });
  }
  context.stderr.write(`totp-vault: warning: ${path} will hold every secret of the vault in the clear; anyone who can read it can make your codes.\n`);
  const confirmation = await secrets.read('Master password again, to confirm the unencrypted export');
  if (!samePassword(confirmation, masterPassword)) {
    throw new VaultError('WRONG_PASSWORD', 'The master password given to confirm the unencrypted export is wrong. Nothing was written.');
  }
  return undefined;
}

/** Compares digests in constant time, so how long the comparison takes says nothing about the password. */
function samePassword(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text.normalize('NFC'), 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
