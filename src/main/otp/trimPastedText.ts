/**
 * Quotes people paste around a secret or URI copied out of JSON, a document or a chat message.
 * Word processors and chat apps turn straight quotes into curly ones; Markdown adds backticks.
 */
const QUOTES = new Set(['"', "'", '`', '‘', '’', '‚', '“', '”', '„', '«', '»', '‹', '›']);

function isQuoteOrWhitespace(character: string): boolean {
  return QUOTES.has(character) || character.trim() === '';
}

/** Removes whitespace and quotes around pasted text, in any mix (`" 'ABC' "` → `ABC`). */
export function trimPastedText(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isQuoteOrWhitespace(text.charAt(start))) start += 1;
  while (end > start && isQuoteOrWhitespace(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}
