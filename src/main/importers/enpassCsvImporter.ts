import { parseCsv } from './csv.js';
import { decodeText } from './decodeText.js';
import { type EnpassField, type EnpassFieldKind, enpassItemContent } from './enpassItemContent.js';
import { damagedExportError } from './exportErrors.js';
import type { ImportInput, ImportProblem, ImportResult, ImportedItem, Importer } from './importTypes.js';

/**
 * Enpass's CSV export, both generations: Enpass 5 starts with the line `"Title","Field","Value",…,"Note"`,
 * Enpass 6 has no header. Either way a row is the title, then label/value pairs, then the note: always in
 * Enpass 5, only when there is one in Enpass 6, so an even number of cells means the last is the note.
 * Enpass 6 puts `*` before the labels of sensitive fields.
 *
 * The CSV keeps labels but not field types, so fields are recognised by their (English) labels; a value that
 * is an otpauth:// URI is a one-time code whatever its label. Everything else is a custom field, hidden when
 * starred. The CSV has no folders, favourites, trash, categories or times: items are plain Logins.
 */
const LABEL = 'Enpass (CSV)';

const OLD_HEADER = ['Title', 'Field', 'Value'] as const;

const KINDS_BY_LABEL: Readonly<Record<string, EnpassFieldKind>> = {
  username: 'username',
  login: 'username',
  'e-mail': 'email',
  email: 'email',
  password: 'password',
  website: 'website',
  url: 'website',
  phone: 'phone',
  'phone number': 'phone',
  totp: 'otp',
  'one-time code': 'otp',
  'one-time password': 'otp',
  'security question': 'securityQuestion',
  'security answer': 'securityAnswer',
};

const OTPAUTH_URI = /^\s*otpauth:\/\//i;

export const enpassCsvImporter: Importer = {
  format: 'enpass-csv',
  label: LABEL,

  detect(input: ImportInput): boolean {
    try {
      return isEnpassCsv(parseCsv(decodeText(input.bytes, LABEL)));
    } catch {
      return false;
    }
  },

  isEncrypted: () => false,

  read(input: ImportInput): ImportResult {
    const rows = parseCsv(decodeText(input.bytes, LABEL));
    if (rows.length === 0) throw damagedExportError(LABEL, 'the file is empty.');
    const body = rows[0] && hasOldHeader(rows[0]) ? rows.slice(1) : rows;
    const items: ImportedItem[] = [];
    const problems: ImportProblem[] = [];
    for (const row of body) {
      if (row.every((cell) => cell.trim() === '')) continue;
      const { content, problems: found } = enpassItemContent({
        title: row[0] ?? '',
        template: 'login',
        fields: rowFields(row),
        notes: hasNote(row) ? (row[row.length - 1] ?? '') : '',
        tags: [],
        favorite: false,
      });
      items.push({ content, trashed: false, createdAt: null, updatedAt: null });
      problems.push(...found);
    }
    return { format: 'enpass-csv', items, problems };
  },
};

/** Title, pairs, note: the note is there when the row has an even number of cells. */
function hasNote(row: readonly string[]): boolean {
  return row.length % 2 === 0;
}

function rowFields(row: readonly string[]): EnpassField[] {
  return labelValuePairs(row).map(({ label, value }) => {
    const { name, sensitive } = readLabel(label);
    return { kind: kindOf(name) ?? (OTPAUTH_URI.test(value) ? 'otp' : 'custom'), label: name, value, sensitive };
  });
}

/** The cells between the title and the note, in pairs. */
function labelValuePairs(row: readonly string[]): { readonly label: string; readonly value: string }[] {
  const end = hasNote(row) ? row.length - 1 : row.length;
  const pairs: { label: string; value: string }[] = [];
  for (let index = 1; index + 1 < end; index += 2) pairs.push({ label: row[index] ?? '', value: row[index + 1] ?? '' });
  return pairs;
}

function kindOf(name: string): EnpassFieldKind | undefined {
  return KINDS_BY_LABEL[name.trim().toLowerCase()];
}

function readLabel(label: string): { readonly name: string; readonly sensitive: boolean } {
  return label.startsWith('*') ? { name: label.slice(1), sensitive: true } : { name: label, sensitive: false };
}

function hasOldHeader(row: readonly string[]): boolean {
  return OLD_HEADER.every((cell, index) => row[index] === cell) && row[row.length - 1] === 'Note';
}

/**
 * Without a header, an Enpass CSV is told by its labels: in most rows that have fields, some label in a
 * label position is one Enpass writes (Username, *Password, Website, …). A header row of another format may
 * name such a column, but its data rows then do not, so a strict majority keeps those out.
 */
function isEnpassCsv(rows: readonly (readonly string[])[]): boolean {
  const first = rows[0];
  if (!first) return false;
  if (hasOldHeader(first)) return true;
  let withFields = 0;
  let labelled = 0;
  for (const row of rows) {
    if (row.length < 3) continue;
    withFields += 1;
    if (labelValuePairs(row).some(({ label }) => kindOf(readLabel(label).name) !== undefined)) labelled += 1;
  }
  return labelled * 2 > withFields;
}
