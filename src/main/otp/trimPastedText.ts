/**
 * Quotes people paste around a secret or URI copied out of JSON, a document or a chat message.
 * Word processors and chat apps turn straight quotes into curly ones; Markdown adds backticks.
 */
const QUOTES = new Set(['"', "'", '`', '‘', '’', '‚', '“', '”', '„', '«', '»', '‹', '›']);

/** Printable ASCII that is neither a space nor one of the ASCII quotes. */
function isPlainAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f && code !== 0x22 && code !== 0x27 && code !== 0x60;
}

function isQuoteOrWhitespace(character: string): boolean {
  return QUOTES.has(character) || character.trim() === '';
}

/** Removes whitespace and quotes around pasted text, in any mix (`" 'ABC' "` → `ABC`). */
export function trimPastedText(text: string): string {
  // Fast path for text we wrote ourselves (canonical URIs and secrets, read back 10,000 at a time).
  if (isPlainAscii(text.charCodeAt(0)) && isPlainAscii(text.charCodeAt(text.length - 1))) return text;
  let start = 0;
  let end = text.length;
  while (start < end && isQuoteOrWhitespace(text.charAt(start))) start += 1;
  while (end > start && isQuoteOrWhitespace(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}
