import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { base64FromBytes } from '../../../src/renderer/import/base64FromBytes.js';
import { describeImportError } from '../../../src/renderer/import/describeImportError.js';
import { describeImportCounts, describeImportOutcome } from '../../../src/renderer/import/importReport.js';
import { createTranslator } from '../../../src/renderer/i18n/translate.js';

describe('base64FromBytes', () => {
  const prototype = Uint8Array.prototype as unknown as { toBase64?: unknown };
  const native = prototype.toBase64;
  afterEach(() => {
    if (native === undefined) delete prototype.toBase64;
    else prototype.toBase64 = native;
  });

  it('writes what Buffer writes, for every remainder and across the chunks of the fallback', () => {
    delete prototype.toBase64;
    for (const length of [0, 1, 2, 3, 4, 5, 24 * 1024 - 1, 24 * 1024, 24 * 1024 + 1, 100_001]) {
      const bytes = new Uint8Array(randomBytes(length));
      expect(base64FromBytes(bytes), `${length} bytes`).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('uses Uint8Array.prototype.toBase64 where the engine has it', () => {
    prototype.toBase64 = function (this: Uint8Array) {
      return `native:${this.length}`;
    };
    expect(base64FromBytes(new Uint8Array(5))).toBe('native:5');
  });
});

describe('the import report', () => {
  it('counts items, codes and the trash, leaving out an empty trash', () => {
    const english = createTranslator('en');
    expect(describeImportCounts({ items: 14, codes: 12, trashed: 2 }, english)).toBe('14 items, 12 one-time codes, 2 in the trash');
    expect(describeImportCounts({ items: 1, codes: 1, trashed: 0 }, english)).toBe('1 item, 1 one-time code');
    expect(describeImportCounts({ items: 14, codes: 0, trashed: 1 }, createTranslator('nb'))).toBe('14 elementer, 0 engangskoder, 1 i papirkurven');
  });

  it('says what an import added and skipped', () => {
    const english = createTranslator('en');
    expect(describeImportOutcome({ added: 13, skippedDuplicates: 1 }, english)).toBe('13 items added, 1 skipped.');
    expect(describeImportOutcome({ added: 1, skippedDuplicates: 0 }, english)).toBe('1 item added.');
    expect(describeImportOutcome({ added: 0, skippedDuplicates: 7 }, createTranslator('nb'))).toBe('0 elementer er lagt til, 7 hoppet over.');
  });
});

describe('describeImportError', () => {
  const english = createTranslator('en');

  it("speaks of the export's password, not the master password", () => {
    expect(describeImportError({ code: 'WRONG_PASSWORD', message: 'The password for this Aegis export is wrong.' }, english)).toEqual({
      summary: 'That password is wrong for this export. Check Caps Lock and try again.',
      detail: null,
    });
  });

  it("shows main's message for a file it cannot read, which names the formats it reads", () => {
    const message = 'notes.txt is not an export TOTP Vault can read. It reads Aegis, Enpass (JSON).';
    expect(describeImportError({ code: 'UNSUPPORTED_FORMAT', message }, english)).toEqual({ summary: 'TOTP Vault cannot read this file.', detail: message });
    expect(describeImportError({ code: 'UNSUPPORTED_FORMAT', message }, createTranslator('nb')).summary).toBe('TOTP Vault kan ikke lese denne filen.');
  });

  it('describes any other failure as everywhere else', () => {
    expect(describeImportError({ code: 'INTERNAL', message: 'at /secret/path.js' }, english)).toEqual({
      summary: 'Something went wrong inside TOTP Vault. Nothing was changed.',
      detail: null,
    });
  });
});
