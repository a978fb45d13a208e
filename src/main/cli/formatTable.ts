const COLUMN_GAP = '  ';

/**
 * Left-aligned columns separated by two spaces; the last column is not padded. Cells come from the vault
 * (titles, tags), which may hold anything an import brought in, so control characters are replaced:
 * an escape sequence in a title must not reach the terminal.
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const printable = rows.map((row) => row.map(printableCell));
  const widths: number[] = [];
  for (const row of printable) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, width(cell));
    });
  }
  return printable
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - width(cell))))
        .join(COLUMN_GAP)
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

export function printableCell(text: string): string {
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ');
}

/** Code points, not UTF-16 units: close enough for titles, and right for accented letters. */
function width(text: string): number {
  return [...text].length;
}
