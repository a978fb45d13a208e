import { parseCsv } from './csv.js';
import { decodeText } from './decodeText.js';
import { damagedExportError } from './exportErrors.js';

/** Reads a cell of a CSV row by its column's name in the header row, case and surrounding spaces ignored. */
export type CsvCell = (row: readonly string[], column: string) => string;

/** The cell reader for a header row. A missing column, or a row cut short, reads as ''. */
export function csvColumns(header: readonly string[]): CsvCell {
  const indexes = new Map<string, number>();
  for (const [index, name] of header.entries()) {
    const key = name.trim().toLowerCase();
    if (!indexes.has(key)) indexes.set(key, index);
  }
  return (row, column) => {
    const index = indexes.get(column.toLowerCase());
    return index === undefined ? '' : (row[index] ?? '');
  };
}

/** A header row longer than this is not one; detection reads no further. */
const MAX_HEADER_BYTES = 64 * 1024;

/** Lenient: a header of another encoding or of a binary file only fails to match, it need not fail to decode. */
const HEADER_DECODER = new TextDecoder('utf-8');

/**
 * The header row of a CSV file, lower-cased and trimmed, for detect(): read from the first line only (headers
 * hold no line breaks), so detection stays cheap on a large export. Never throws.
 */
export function csvHeader(bytes: Uint8Array): string[] {
  const lineFeed = bytes.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a);
  const firstLine = HEADER_DECODER.decode(bytes.subarray(0, lineFeed === -1 ? MAX_HEADER_BYTES : lineFeed)).replace(/\r$/, '');
  try {
    return (parseCsv(firstLine)[0] ?? []).map((name) => name.trim().toLowerCase());
  } catch {
    return [];
  }
}

/** Whether a CSV file's header row names every one of `columns` (lower case), for detect(). */
export function hasCsvColumns(bytes: Uint8Array, columns: readonly string[]): boolean {
  const header = csvHeader(bytes);
  return columns.every((column) => header.includes(column));
}

/**
 * A CSV export with a header row: its rows after the header, the cell reader, and the header's names (lower
 * case). A header without every one of `required` means the file is not (or no longer) that export.
 */
export function readCsvWithHeader(bytes: Uint8Array, label: string, required: readonly string[]): { rows: string[][]; cell: CsvCell; names: string[] } {
  const [header = [], ...rows] = parseCsv(decodeText(bytes, label));
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = required.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw damagedExportError(label, `its first row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`);
  }
  return { rows, cell: csvColumns(header), names };
}
