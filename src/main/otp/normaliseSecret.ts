import { VaultError } from '../../shared/errors.js';
import { OTP_LIMITS } from '../../shared/otp.js';
import { quoteForMessage } from './quoteForMessage.js';
import { trimPastedText } from './trimPastedText.js';

/**
 * Whitespace and invisible characters that sites and clipboards put into secrets. `\s` covers spaces, tabs,
 * line breaks, no-break spaces (U+00A0, U+202F) and the BOM, but not the zero-width characters, the
 * word joiner, the Mongolian vowel separator or the soft hyphen, so those are listed.
 */
const INVISIBLE_CHARACTERS = /[\s\u200B-\u200D\u2060\u180E\u00AD]/gu;

/** Hyphen-minus, hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar and minus sign. */
const DASHES = /[-\u2010-\u2015\u2212]/g;

const TRAILING_PADDING = /=+$/;

const BASE32_CHARACTER = /^[A-Za-z2-7]$/;

const CANONICAL_SECRET = /^[A-Z2-7]+$/;

/** Base32 leaves out 0, 1 and 8 because they look like O, I/L and B; people type them anyway. */
const LOOKALIKE_HINTS: Readonly<Record<string, string>> = {
  '0': ' Did you mean the letter O?',
  '1': ' Did you mean the letter I or L?',
  '8': ' Did you mean the letter B?',
};

/**
 * A base32 string of N characters holds floor(5N/8) bytes; N ≡ 1, 3 or 6 (mod 8) leaves bits that
 * cannot end a byte, so such a secret was cut off when it was copied.
 */
const IMPOSSIBLE_REMAINDERS = new Set([1, 3, 6]);

/**
 * Turns a secret as people paste it (Microsoft shows "abcd efgh ijkl mnop" and pasting adds a trailing space)
 * into canonical base32: upper-case, no padding. Short secrets are accepted because real exports contain them.
 */
export function normaliseSecret(input: string): string {
  // Fast path for a secret already in canonical form, as every stored one is.
  if (CANONICAL_SECRET.test(input) && input.length <= OTP_LIMITS.maxSecretCharacters && !IMPOSSIBLE_REMAINDERS.has(input.length % 8)) {
    return input;
  }
  const cleaned = trimPastedText(input.replace(INVISIBLE_CHARACTERS, ''))
    .replace(DASHES, '')
    .replace(TRAILING_PADDING, '');
  if (cleaned === '') {
    throw new VaultError('INVALID_SECRET', 'The secret is empty.');
  }
  if (cleaned.length > OTP_LIMITS.maxSecretCharacters) {
    throw new VaultError(
      'INVALID_SECRET',
      `The secret is too long: ${cleaned.length} characters (at most ${OTP_LIMITS.maxSecretCharacters}).`,
    );
  }
  let position = 0;
  // Iterating by code point so that the position counts what the user sees, emoji included.
  for (const character of cleaned) {
    position += 1;
    if (!BASE32_CHARACTER.test(character)) {
      throw new VaultError(
        'INVALID_SECRET',
        `The secret contains ${quoteForMessage(character)} (character ${position}), which is not a base32 letter (A–Z, 2–7).` +
          (LOOKALIKE_HINTS[character] ?? ''),
      );
    }
  }
  if (IMPOSSIBLE_REMAINDERS.has(cleaned.length % 8)) {
    throw new VaultError('INVALID_SECRET', `The secret looks cut off: ${cleaned.length} characters cannot be base32.`);
  }
  return cleaned.toUpperCase();
}
