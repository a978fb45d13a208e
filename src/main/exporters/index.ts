/**
 * Exporters: the vault's items written as files other apps (or this one) can read. Pure writers beside the
 * importers: items in, bytes out; the CLI asks for passwords and writes the file.
 */
import { VaultError } from '../../shared/errors.js';
import { aegisEncryptedExporter, aegisExporter } from './aegisExporter.js';
import { backupExporter } from './backupExporter.js';
import { EXPORT_FORMATS, type ExportFormat, type Exporter } from './exportTypes.js';
import { otpauthListExporter } from './otpauthListExporter.js';

export * from './exportTypes.js';

/** Keyed by format, so a format added to EXPORT_FORMATS without an exporter fails to compile. */
export const EXPORTERS: Readonly<Record<ExportFormat, Exporter>> = {
  backup: backupExporter,
  otpauth: otpauthListExporter,
  aegis: aegisExporter,
  'aegis-encrypted': aegisEncryptedExporter,
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function findExporter(format: string): Exporter {
  if (!isExportFormat(format)) {
    throw new VaultError('INVALID_INPUT', `Unknown export format "${format}": use one of ${EXPORT_FORMATS.join(', ')}.`);
  }
  return EXPORTERS[format];
}
