import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/shared/errors.js';
import { describeError, errorText } from '../../../src/renderer/i18n/describeError.js';
import { createTranslator } from '../../../src/renderer/i18n/translate.js';

describe('describeError', () => {
  it('has its own message for every error code in both languages', () => {
    for (const language of ['en', 'nb'] as const) {
      const translator = createTranslator(language);
      const summaries = ERROR_CODES.map((code) => describeError({ code, message: 'main says' }, translator).summary);
      expect(new Set(summaries).size).toBe(ERROR_CODES.length);
      for (const summary of summaries) expect(summary).not.toMatch(/^error\./);
    }
  });

  it("shows main's own words for input problems, which name the bad character", () => {
    const message = 'The secret contains "0" (character 12), which is not a base32 letter (A–Z, 2–7). Did you mean the letter O?';
    const described = describeError({ code: 'INVALID_SECRET', message }, createTranslator('nb'));
    expect(described.summary).toBe('Dette er ikke en gyldig hemmelig nøkkel.');
    expect(described.detail).toBe(message);
  });

  it('never shows the message of other errors, which may say more than the user should see', () => {
    const described = describeError({ code: 'INTERNAL', message: 'at Object.<anonymous> (/secret/path.js:1:1)' }, createTranslator('en'));
    expect(described.detail).toBeNull();
    expect(errorText({ code: 'WRONG_PASSWORD', message: 'x' }, createTranslator('en'))).toBe('Wrong master password. Check Caps Lock and try again.');
  });
});
