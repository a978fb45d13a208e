/** Long enough to recognise a value, short enough that a hostile QR code cannot flood a message or log. */
const MAX_SHOWN_CHARACTERS = 40;

/**
 * Quotes a user-supplied value for an error message. Invisible and control characters are shown as
 * U+XXXX so that a message never says `"" is not allowed` about a zero-width space.
 */
export function quoteForMessage(value: string): string {
  const characters = [...value];
  const shown = characters.length > MAX_SHOWN_CHARACTERS ? [...characters.slice(0, MAX_SHOWN_CHARACTERS), '…'] : characters;
  if (characters.length === 1 && !isVisible(value)) {
    return codePointName(value);
  }
  return `"${shown.map((character) => (isVisible(character) ? character : codePointName(character))).join('')}"`;
}

function isVisible(character: string): boolean {
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]+$/u.test(character);
}

function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
