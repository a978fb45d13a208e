import { describe, expect, it } from 'vitest';
import { cachedSecret, forgetCachedSecrets } from '../../../src/main/otp/cachedSecret.js';

describe('cachedSecret', () => {
  it('decodes a secret once and hands back the same entry', () => {
    const first = cachedSecret('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(Buffer.from(first.secret.bytes).toString('latin1')).toBe('12345678901234567890');
    expect(cachedSecret('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toBe(first);
  });

  it('zeroes the decoded bytes and the remembered code when forgetting, then decodes afresh', () => {
    const entry = cachedSecret('JBSWY3DPEHPK3PXP');
    entry.lastCode = { kind: 'totp', algorithm: 'SHA1', digits: 6, counter: 1, code: '123456' };
    forgetCachedSecrets();
    expect([...entry.secret.bytes].every((byte) => byte === 0)).toBe(true);
    expect(entry.lastCode).toBeUndefined();
    const fresh = cachedSecret('JBSWY3DPEHPK3PXP');
    expect(fresh).not.toBe(entry);
    expect(Buffer.from(fresh.secret.bytes).toString('latin1')).toBe('Hello!\u00DE\u00AD\u00BE\u00EF');
  });
});
