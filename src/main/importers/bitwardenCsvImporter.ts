import { emptyItemContent } from '../../shared/item.js';
import { bitwardenTotp } from './bitwardenTotp.js';
import { type CsvCell, hasCsvColumns, readCsvWithHeader } from './csvColumns.js';
import { customFields } from './customField.js';
import type { ImportedItem, ImportProblem, Importer } from './importTypes.js';

const LABEL = 'Bitwarden (CSV)';

/** Columns every Bitwarden CSV export has, personal (with "folder") or organisation (with "collections"). */
const REQUIRED_COLUMNS = ['type', 'name', 'notes', 'login_uri', 'login_username', 'login_password', 'login_totp'];

/**
 * Bitwarden's CSV export: one row per login or secure note (Bitwarden leaves cards and identities out of
 * CSV). Multiple URIs share the `login_uri` cell, comma-separated; custom fields share the `fields` cell as
 * "name: value" lines, without saying which were hidden, so none is marked sensitive. The folder (or an
 * organisation's collections, comma-separated) become tags.
 */
export const bitwardenCsvImporter: Importer = {
  format: 'bitwarden-csv',
  label: LABEL,
  detect: (input) => hasCsvColumns(input.bytes, REQUIRED_COLUMNS),
  isEncrypted: () => false,
  read(input) {
    const { rows, cell } = readCsvWithHeader(input.bytes, LABEL, REQUIRED_COLUMNS);
    const items: ImportedItem[] = [];
    const problems: ImportProblem[] = [];
    for (const [index, row] of rows.entries()) {
      if (row.every((value) => value.trim() === '')) continue;
      const item = readRow(cell, row, index + 2, problems);
      if (item) items.push(item);
    }
    return { format: 'bitwarden-csv', items, problems };
  },
};

function readRow(cell: CsvCell, row: readonly string[], rowNumber: number, problems: ImportProblem[]): ImportedItem | null {
  const title = cell(row, 'name').trim() || `Row ${rowNumber}`;
  const type = cell(row, 'type').trim().toLowerCase();
  if (type !== 'login' && type !== 'note') {
    problems.push({ item: title, what: 'item', reason: `Bitwarden item type "${type}" is not known in CSV exports.`, kind: 'skipped' });
    return null;
  }
  const username = cell(row, 'login_username');
  const { field, problem } = bitwardenTotp(title, username, cell(row, 'login_totp'));
  if (problem) problems.push(problem);
  const groups = [cell(row, 'folder'), ...cell(row, 'collections').split(',')];
  const content = {
    ...emptyItemContent(type === 'login' ? 'login' : 'other'),
    title,
    username,
    password: cell(row, 'login_password'),
    websites: splitList(cell(row, 'login_uri')),
    otp: field ? [field] : [],
    notes: cell(row, 'notes'),
    customFields: customFields(readFields(cell(row, 'fields'))),
    tags: [...new Set(groups.map((group) => group.trim()).filter((group) => group !== ''))],
    favorite: cell(row, 'favorite').trim() === '1',
  };
  return { content, trashed: false, createdAt: null, updatedAt: null };
}

/** "name: value" per line, as Bitwarden writes custom fields into one cell. A line without ": " is a value. */
function readFields(text: string): [string, string, boolean][] {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const separator = line.indexOf(': ');
      return separator === -1 ? ['Field', line, false] : [line.slice(0, separator), line.slice(separator + 2), false];
    });
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
