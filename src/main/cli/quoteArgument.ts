/** Quotes something the user typed for a message; control characters are shown escaped so the message stays one line. */
export function quoteArgument(text: string): string {
  return `'${text.replace(/[\p{Cc}\p{Cf}]/gu, (character) => `\\u{${(character.codePointAt(0) ?? 0).toString(16)}}`)}'`;
}
