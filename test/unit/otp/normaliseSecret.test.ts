import { describe, expect, it } from 'vitest';
import { normaliseSecret } from '../../../src/main/otp/index.js';

function invalidSecret(messagePart: string | RegExp) {
  return expect.objectContaining({
    name: 'VaultError',
    code: 'INVALID_SECRET',
    message: typeof messagePart === 'string' ? expect.stringContaining(messagePart) : expect.stringMatching(messagePart),
  });
}

describe('normaliseSecret: what it removes', () => {
  it.each([
    ['Microsoft groups with the trailing space pasting adds', 'abcd efgh ijkl mnop ', 'ABCDEFGHIJKLMNOP'],
    ['tabs and line breaks', 'ABCD\tEFGH\r\nIJKL\nMNOP', 'ABCDEFGHIJKLMNOP'],
    ['no-break space U+00A0', 'ABCD\u00A0EFGH', 'ABCDEFGH'],
    ['narrow no-break space U+202F', 'ABCD\u202FEFGH', 'ABCDEFGH'],
    ['zero-width space U+200B', 'ABCD\u200BEFGH', 'ABCDEFGH'],
    ['byte order mark', '\uFEFFABCDEFGH', 'ABCDEFGH'],
    ['ideographic space', 'ABCD\u3000EFGH', 'ABCDEFGH'],
    ['dashes', 'ABCD-EFGH-IJKL-MNOP', 'ABCDEFGHIJKLMNOP'],
    ['en and em dashes', 'ABCD\u2013EFGH\u2014IJKL', 'ABCDEFGHIJKL'],
    ['= padding', 'ABCDEFGHIJ======', 'ABCDEFGHIJ'],
    ['straight double quotes', '"ABCDEFGH"', 'ABCDEFGH'],
    ['straight single quotes', "'ABCDEFGH'", 'ABCDEFGH'],
    ['curly single quotes', '‘ABCDEFGH’', 'ABCDEFGH'],
    ['curly double quotes', '“ABCDEFGH”', 'ABCDEFGH'],
    ['quotes around padding and spaces', ' "abcd efgh==" ', 'ABCDEFGH'],
    ['lower case', 'jbswy3dpehpk3pxp', 'JBSWY3DPEHPK3PXP'],
  ])('%s', (_rule, input, expected) => {
    expect(normaliseSecret(input)).toBe(expected);
  });

  it.each(['DFDFDEF', 'AB', 'ABCD', 'ABCDE', 'ABCDEFGH'])('accepts the short but whole secret %s', (secret) => {
    expect(normaliseSecret(secret)).toBe(secret);
  });

  it('accepts a secret of the maximum length', () => {
    expect(normaliseSecret('A'.repeat(1024))).toHaveLength(1024);
  });
});

describe('normaliseSecret: what it rejects', () => {
  it.each(['', '   ', '""', '====', ' - \u200B '])('rejects %j as empty', (input) => {
    expect(() => normaliseSecret(input)).toThrow(invalidSecret('The secret is empty.'));
  });

  it('names a digit base32 does not use, its position and the letter meant', () => {
    expect(() => normaliseSecret('ABCD1FGH')).toThrow(
      invalidSecret('The secret contains "1" (character 5), which is not a base32 letter (A–Z, 2–7). Did you mean the letter I or L?'),
    );
    expect(() => normaliseSecret('ABC0')).toThrow(invalidSecret(/"0" \(character 4\).*letter O\?/));
    expect(() => normaliseSecret('8BCD')).toThrow(invalidSecret(/"8" \(character 1\).*letter B\?/));
  });

  it('gives no hint where no letter looks alike', () => {
    expect(() => normaliseSecret('ABC9')).toThrow(invalidSecret(/^The secret contains "9" \(character 4\), which is not a base32 letter \(A–Z, 2–7\)\.$/));
  });

  it('counts the position in the secret without the spaces people type', () => {
    expect(() => normaliseSecret('abcd 1fgh')).toThrow(invalidSecret('"1" (character 5)'));
  });

  it('names letters outside A–Z and punctuation', () => {
    expect(() => normaliseSecret('ABCDÉFGH')).toThrow(invalidSecret('"É" (character 5)'));
    expect(() => normaliseSecret('AB.CD')).toThrow(invalidSecret('"." (character 3)'));
    expect(() => normaliseSecret('AB🔑CD')).toThrow(invalidSecret('"🔑" (character 3)'));
  });

  it('names an invisible control character by its code point', () => {
    expect(() => normaliseSecret('AB\u0007CD')).toThrow(invalidSecret('U+0007 (character 3)'));
  });

  it('rejects = inside the secret, where it is not padding', () => {
    expect(() => normaliseSecret('ABCD=EFGH')).toThrow(invalidSecret('"=" (character 5)'));
  });

  it.each([1, 3, 6, 9, 11, 14])('rejects %i characters as cut off', (length) => {
    expect(() => normaliseSecret('A'.repeat(length))).toThrow(
      invalidSecret(`The secret looks cut off: ${length} characters cannot be base32.`),
    );
  });

  it('rejects a secret longer than the limit', () => {
    expect(() => normaliseSecret('A'.repeat(1025))).toThrow(invalidSecret(/too long: 1025 characters \(at most 1024\)/));
  });
});
