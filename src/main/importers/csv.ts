import { VaultError } from '../../shared/errors.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BYTE_ORDER_MARK = 0xfeff;

/**
 * Splits comma-separated text into rows of cells, as RFC 4180 writes them and as exporters really do:
 * quoted cells may hold commas, doubled quotes and line breaks (kept as written, CRLF included); rows end
 * with LF, CRLF or a lone CR; a leading byte order mark is dropped. Rows keep the length they have (exports
 * such as Enpass's vary it per row), and empty lines are no rows. Lenient where a file is merely untidy: a
 * quote inside an unquoted cell, or text after a closing quote, is kept as it stands. A quoted cell that
 * never ends means the file is cut off or not CSV, and throws UNSUPPORTED_FORMAT.
 *
 * One pass over the text, slicing rather than appending character by character, so large exports stay linear.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const length = text.length;
  let position = text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  position = skipLineBreaks(text, position);
  let row: string[] = [];
  while (position < length) {
    let cell: string;
    if (text.charCodeAt(position) === QUOTE) {
      const quoted = readQuoted(text, position);
      const end = cellEnd(text, quoted.end);
      cell = quoted.value + text.slice(quoted.end, end);
      position = end;
    } else {
      const end = cellEnd(text, position);
      cell = text.slice(position, end);
      position = end;
    }
    row.push(cell);
    if (position >= length) break;
    if (text.charCodeAt(position) === COMMA) {
      position += 1;
      // A comma at the very end still closes a cell: "a," is two cells.
      if (position === length) row.push('');
      continue;
    }
    rows.push(row);
    row = [];
    position = skipLineBreaks(text, position);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** The quoted cell starting at `start` (on its opening quote): its value and where its closing quote ends. */
function readQuoted(text: string, start: number): { readonly value: string; readonly end: number } {
  let value = '';
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) {
      throw new VaultError(
        'UNSUPPORTED_FORMAT',
        `The CSV file ends inside a quoted value that starts on line ${lineOf(text, start)}: the file is cut off or not CSV.`,
      );
    }
    if (text.charCodeAt(quote + 1) === QUOTE) {
      value += text.slice(from, quote + 1);
      from = quote + 2;
      continue;
    }
    return { value: value + text.slice(from, quote), end: quote + 1 };
  }
}

/** Where the cell at `position` ends: at the next comma or line break, or the end of the text. */
function cellEnd(text: string, position: number): number {
  let end = position;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === COMMA || code === LINE_FEED || code === CARRIAGE_RETURN) break;
    end += 1;
  }
  return end;
}

function skipLineBreaks(text: string, position: number): number {
  let next = position;
  while (next < text.length && (text.charCodeAt(next) === LINE_FEED || text.charCodeAt(next) === CARRIAGE_RETURN)) next += 1;
  return next;
}

/** 1-based; only computed for an error message. */
function lineOf(text: string, position: number): number {
  let line = 1;
  for (let index = 0; index < position; index += 1) {
    const code = text.charCodeAt(index);
    if (code === LINE_FEED || (code === CARRIAGE_RETURN && text.charCodeAt(index + 1) !== LINE_FEED)) line += 1;
  }
  return line;
}
