/**
 * Importers: other apps' export files read into items, each format detected from the file's content. Pure
 * readers below the vault: they write nothing; previewing and saving are src/main/vault/importPlan.ts.
 */
import { VaultError } from '../../shared/errors.js';
import { aegisImporter } from './aegisImporter.js';
import { andotpImporter } from './andotpImporter.js';
import { authyImporter } from './authyImporter.js';
import { bitwardenCsvImporter } from './bitwardenCsvImporter.js';
import { bitwardenJsonImporter } from './bitwardenJsonImporter.js';
import { enpassCsvImporter } from './enpassCsvImporter.js';
import { enpassJsonImporter } from './enpassJsonImporter.js';
import { enpassVaultImporter } from './enpassVaultImporter.js';
import { enteAuthImporter } from './enteAuthImporter.js';
import { googleAuthenticatorImporter } from './googleAuthenticatorImporter.js';
import { IMPORT_FORMATS, type ImportFormat, type ImportInput, type Importer } from './importTypes.js';
import { keepassCsvImporter } from './keepassCsvImporter.js';
import { otpauthListImporter } from './otpauthListImporter.js';
import { protonAuthenticatorImporter } from './protonAuthenticatorImporter.js';
import { protonPassImporter } from './protonPassImporter.js';
import { totpVaultBackupImporter } from './totpVaultBackupImporter.js';
import { twofasImporter } from './twofasImporter.js';

export * from './importTypes.js';

/**
 * Every importer, in the order detection asks them: specific formats first, the most permissive last (a
 * plain list of otpauth:// lines, a CSV with a TOTP column).
 */
export const IMPORTERS: readonly Importer[] = [
  // Whole SQLCipher pages with Enpass's vault.json beside them: random-looking bytes no other format claims.
  enpassVaultImporter,
  // Our own backup, recognised by its magic bytes.
  totpVaultBackupImporter,
  protonPassImporter,
  aegisImporter,
  twofasImporter,
  andotpImporter,
  authyImporter,
  protonAuthenticatorImporter,
  bitwardenJsonImporter,
  enpassJsonImporter,
  enteAuthImporter,
  googleAuthenticatorImporter,
  bitwardenCsvImporter,
  keepassCsvImporter,
  // A heuristic (headerless rows of known Enpass labels): after the CSV formats that have a header.
  enpassCsvImporter,
  // The most permissive: any text of otpauth:// lines.
  otpauthListImporter,
];

/** Every format has its importer, once: a format added to IMPORT_FORMATS without one fails the tests. */
export const IMPORTER_FORMATS_COMPLETE = IMPORT_FORMATS.every((format) => IMPORTERS.filter((importer) => importer.format === format).length === 1);

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** The importer for `input`: the one named by `from`, else the first whose detection recognises the content. */
export function findImporter(input: ImportInput, from?: string): Importer {
  if (from !== undefined) {
    const named = IMPORTERS.find((importer) => importer.format === from);
    if (!named) {
      throw new VaultError('INVALID_INPUT', `Unknown import format "${from}": use one of ${IMPORTERS.map((importer) => importer.format).join(', ')}.`);
    }
    // Named by the user, the importer reads the file even where detection cannot tell (an old andOTP
    // backup is random-looking bytes); a file that is not that format fails to read, with its reason.
    return named;
  }
  const detected = IMPORTERS.find((importer) => importer.detect(input));
  if (!detected) {
    throw new VaultError(
      'UNSUPPORTED_FORMAT',
      `${input.fileName} is not an export TOTP Vault can read. It reads ${IMPORTERS.map((importer) => importer.label).join(', ')}.`,
    );
  }
  return detected;
}
