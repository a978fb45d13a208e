import { describe, expect, it } from 'vitest';
import { parseOtpauthUri, toOtpSummary } from '../../../src/main/otp/index.js';

describe('toOtpSummary', () => {
  it('gives everything the UI may see, without the secret', () => {
    const summary = toOtpSummary(
      parseOtpauthUri('otpauth://totp/Contoso:alice?secret=JBSWY3DPEHPK3PXP&issuer=Microsoft&digits=8&period=60&icon=x'),
    );
    expect(summary).toEqual({ type: 'totp', issuer: 'Microsoft', account: 'alice', algorithm: 'SHA1', digits: 8, period: 60, counter: 0 });
    expect(JSON.stringify(summary)).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('gives period 0 and the counter for hotp', () => {
    const hotp = parseOtpauthUri('otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=9');
    expect(toOtpSummary({ ...hotp, period: 30 })).toMatchObject({ type: 'hotp', period: 0, counter: 9 });
  });

  it('gives counter 0 for totp and steam', () => {
    const totp = parseOtpauthUri('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP');
    expect(toOtpSummary({ ...totp, counter: 9 })).toMatchObject({ period: 30, counter: 0 });
    expect(toOtpSummary({ ...totp, type: 'steam', digits: 5, counter: 9 })).toMatchObject({ type: 'steam', digits: 5, counter: 0 });
  });
});
