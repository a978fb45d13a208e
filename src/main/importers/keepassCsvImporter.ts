import { emptyItemContent } from '../../shared/item.js';
import { type CsvCell, hasCsvColumns, readCsvWithHeader } from './csvColumns.js';
import { readOtpField } from './importedItem.js';
import type { ImportedItem, ImportProblem, Importer } from './importTypes.js';

const LABEL = 'KeePassXC (CSV)';

const REQUIRED_COLUMNS = ['group', 'title', 'username', 'password', 'url', 'notes'];

/** KeePassXC names the OTP column "TOTP"; other versions and KeePass tools write "OTP". */
const OTP_COLUMNS = ['totp', 'otp'];

/** KeeOtp's settings string (`key=…&step=…&size=…`), which KeePass 2 plugins keep instead of a URI. */
const KEEOTP_SETTINGS = /^\s*key=/i;

/**
 * KeePassXC's CSV export: "Group","Title","Username","Password","URL","Notes", and since 2.7 "TOTP" (an
 * otpauth:// URI), "Icon", "Last Modified" and "Created". The group path becomes a tag; it starts with the
 * root group, which KeePassXC calls "Root", and that part says nothing, so a leading "Root" is dropped.
 *
 * OTP values are read as otpauth:// URIs or bare base32 secrets (named after the entry). KeeOtp's
 * `key=…&step=…` form is reported as invalid rather than guessed at: its keys and defaults vary by plugin.
 */
export const keepassCsvImporter: Importer = {
  format: 'keepass-csv',
  label: LABEL,
  detect: (input) => hasCsvColumns(input.bytes, REQUIRED_COLUMNS),
  isEncrypted: () => false,
  read(input) {
    const { rows, cell, names } = readCsvWithHeader(input.bytes, LABEL, REQUIRED_COLUMNS);
    const otpColumn = OTP_COLUMNS.find((column) => names.includes(column));
    const items: ImportedItem[] = [];
    const problems: ImportProblem[] = [];
    for (const [index, row] of rows.entries()) {
      if (row.every((value) => value.trim() === '')) continue;
      items.push(readRow(cell, row, otpColumn, index + 2, problems));
    }
    return { format: 'keepass-csv', items, problems };
  },
};

function readRow(cell: CsvCell, row: readonly string[], otpColumn: string | undefined, rowNumber: number, problems: ImportProblem[]): ImportedItem {
  const title = cell(row, 'title').trim() || `Row ${rowNumber}`;
  const username = cell(row, 'username');
  const { field: otp, problem } = readKeepassOtp(title, username, otpColumn === undefined ? '' : cell(row, otpColumn));
  if (problem) problems.push(problem);
  const url = cell(row, 'url').trim();
  const tag = groupTag(cell(row, 'group'));
  const content = {
    ...emptyItemContent('login'),
    title,
    username,
    password: cell(row, 'password'),
    websites: url === '' ? [] : [url],
    otp: otp ? [otp] : [],
    notes: cell(row, 'notes'),
    tags: tag === '' ? [] : [tag],
  };
  return { content, trashed: false, createdAt: timestamp(cell(row, 'created')), updatedAt: timestamp(cell(row, 'last modified')) };
}

function readKeepassOtp(title: string, username: string, value: string): ReturnType<typeof readOtpField> {
  if (KEEOTP_SETTINGS.test(value)) {
    const reason = 'KeeOtp settings (key=…&step=…) are not supported: add the account again from its otpauth:// URI or secret.';
    return { field: null, problem: { item: title, what: 'TOTP', reason, kind: 'invalid' } };
  }
  return readOtpField(title, value, { defaults: { issuer: title, account: username } });
}

/** "Root/Internet/Mail" → "Internet/Mail"; "Root" alone → no tag. */
function groupTag(group: string): string {
  return group.trim().replace(/^root(?:\/|$)/i, '').trim();
}

function timestamp(text: string): number | null {
  const milliseconds = text.trim() === '' ? Number.NaN : Date.parse(text.trim());
  return Number.isNaN(milliseconds) ? null : milliseconds;
}
