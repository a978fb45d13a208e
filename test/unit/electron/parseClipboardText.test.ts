import { describe, expect, it } from 'vitest';
import { MAX_CLIPBOARD_TEXT_LENGTH, parseClipboardText } from '../../../src/main/electron/parseClipboardText.js';

describe('parseClipboardText', () => {
  it('accepts text up to the limit', () => {
    expect(parseClipboardText('123456')).toEqual({ ok: true, value: '123456' });
    expect(parseClipboardText('')).toEqual({ ok: true, value: '' });
    const longest = 'x'.repeat(MAX_CLIPBOARD_TEXT_LENGTH);
    expect(parseClipboardText(longest)).toEqual({ ok: true, value: longest });
  });

  it('refuses longer text and anything that is not a string, as INVALID_INPUT', () => {
    expect(MAX_CLIPBOARD_TEXT_LENGTH).toBe(1000);
    for (const payload of ['x'.repeat(MAX_CLIPBOARD_TEXT_LENGTH + 1), undefined, null, 123456, { text: '123456' }, ['123456'], new String('123')]) {
      const result = parseClipboardText(payload);
      expect(result.ok).toBe(false);
      expect(result.ok ? undefined : result.error.code).toBe('INVALID_INPUT');
    }
  });

  it('does not quote the refused text back', () => {
    const secret = 'JBSWY3DPEHPK3PXP'.repeat(100);
    const result = parseClipboardText(secret);
    expect(JSON.stringify(result)).not.toContain('JBSWY3DP');
  });
});
