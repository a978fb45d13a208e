import { isVaultError } from '../../shared/errors.js';
import { parseOtpauthMigrationUri } from '../otp/index.js';
import { skippedAccount } from './authenticatorAccount.js';
import { decodeText } from './decodeText.js';
import { damagedExportError } from './exportErrors.js';
import { authenticatorItem } from './importedItem.js';
import type { ImportedItem, ImportProblem, Importer } from './importTypes.js';
import { decodeUtf8 } from './jsonValues.js';
import { contentLines } from './contentLines.js';

const LABEL = 'Google Authenticator export';

const MIGRATION_LINE = /^otpauth-migration:\/\//i;

/**
 * Google Authenticator's "Transfer accounts" QR codes as text: one `otpauth-migration://offline?data=…` URI
 * per line (as QR scanners and extract_otp_secrets write them; `#` comments allowed). Each URI is one QR
 * code of a batch; a batch of several codes that is not all there is a problem saying which codes are
 * missing, since the accounts in them are not in the file.
 *
 * Accounts are named as the exporter named them; a name "Issuer: account" without an issuer is split into
 * the two, and with an issuer it is kept whole (parseOtpauthMigrationUri, as Aegis reads these exports).
 */
export const googleAuthenticatorImporter: Importer = {
  format: 'google-authenticator',
  label: LABEL,
  detect: (input) => {
    const text = decodeUtf8(input.bytes);
    if (text === null) return false;
    const lines = contentLines(text);
    return lines.length > 0 && lines.every((line) => MIGRATION_LINE.test(line.text));
  },
  isEncrypted: () => false,
  read(input) {
    const lines = contentLines(decodeText(input.bytes, LABEL));
    if (!lines.some((line) => MIGRATION_LINE.test(line.text))) {
      throw damagedExportError(LABEL, 'none of its lines is an otpauth-migration:// URI.');
    }
    const items: ImportedItem[] = [];
    const problems: ImportProblem[] = [];
    /** QR code numbers seen, by batch id, with the batch's size. */
    const batches = new Map<number, { size: number; indexes: Set<number> }>();
    for (const line of lines) {
      const lineProblem = (reason: string): ImportProblem => ({ item: '', what: `line ${line.number}`, reason, kind: 'skipped' });
      if (!MIGRATION_LINE.test(line.text)) {
        problems.push(lineProblem('It is not an otpauth-migration:// URI.'));
        continue;
      }
      try {
        const { accounts, skipped, batch } = parseOtpauthMigrationUri(line.text);
        for (const parameters of accounts) {
          items.push({ content: authenticatorItem(parameters), trashed: false, createdAt: null, updatedAt: null });
        }
        for (const account of skipped) problems.push(skippedAccount(account.issuer || account.name, account.reason));
        if (batch.size > 1) {
          const seen = batches.get(batch.id) ?? { size: batch.size, indexes: new Set<number>() };
          seen.indexes.add(batch.index);
          batches.set(batch.id, seen);
        }
      } catch (thrown) {
        if (!isVaultError(thrown)) throw thrown;
        problems.push(lineProblem(thrown.message));
      }
    }
    problems.push(...missingCodes(batches));
    return { format: 'google-authenticator', items, problems };
  },
};

/** A batch larger than this has its missing codes counted rather than listed (the size comes from the file). */
const MAX_LISTED_CODES = 50;

/** One problem per batch whose QR codes are not all in the file, numbering the codes from 1 as the app shows them. */
function missingCodes(batches: ReadonlyMap<number, { size: number; indexes: ReadonlySet<number> }>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const { size, indexes } of batches.values()) {
    const missingCount = size - [...indexes].filter((index) => index >= 0 && index < size).length;
    if (missingCount === 0) continue;
    const one = missingCount === 1;
    let what = `${missingCount} of ${size} QR codes`;
    if (size <= MAX_LISTED_CODES) {
      const numbers = Array.from({ length: size }, (_, index) => index)
        .filter((index) => !indexes.has(index))
        .map((index) => String(index + 1));
      what = `QR code${one ? '' : 's'} ${one ? numbers[0] : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`} of ${size}`;
    }
    problems.push({
      item: '',
      what,
      reason: `The export was made as ${size} QR codes and ${one ? 'this one is' : 'these are'} not in the file, so the accounts in ${one ? 'it' : 'them'} were not imported; transfer them again from Google Authenticator.`,
      kind: 'skipped',
    });
  }
  return problems;
}
