import { damagedExportError } from './exportErrors.js';

/**
 * The text of an export file. UTF-8 unless a byte order mark says UTF-16 (what some Windows tools write),
 * the mark itself dropped. Bytes that are not text of that encoding throw UNSUPPORTED_FORMAT naming the
 * format that was expected, rather than being read as replacement characters into a vault.
 */
export function decodeText(bytes: Uint8Array, formatLabel: string): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw damagedExportError(formatLabel, `the file is not valid ${encoding.toUpperCase()} text.`);
  }
}
