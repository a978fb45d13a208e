import { describe, expect, it } from 'vitest';
import {
  forgetCachedSecrets,
  generateCode,
  generateNextCode,
  parseOtpInput,
  type OtpParameters,
} from '../../../src/main/otp/index.js';

/** The RFC seeds are ASCII; these are their base32 forms (20, 32 and 64 bytes). */
const RFC_SEED_SHA1 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // "12345678901234567890"
const RFC_SEED_SHA256 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA'; // "1234…9012"
const RFC_SEED_SHA512 =
  'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA'; // "1234…1234"

function totp(secret: string, settings: { algorithm?: string; digits?: number; period?: number } = {}): OtpParameters {
  return parseOtpInput(secret, settings);
}

describe('generateCode: RFC 4226 Appendix D (HOTP)', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  expected.forEach((code, counter) => {
    it(`counter ${counter} gives ${code}`, () => {
      const parameters = parseOtpInput(RFC_SEED_SHA1, { type: 'hotp', counter });
      // The time must not matter for hotp.
      expect(generateCode(parameters, 1_234_567_890_000)).toEqual({ code, remaining: 0, period: 0 });
    });
  });

  it('gives the code for the following counter as the next code', () => {
    const parameters = parseOtpInput(RFC_SEED_SHA1, { type: 'hotp', counter: 4 });
    expect(generateNextCode(parameters, 0)).toEqual({ code: '254676', remaining: 0, period: 0 });
  });
});

describe('generateCode: RFC 6238 Appendix B (TOTP, 8 digits, 30 s)', () => {
  const table: readonly (readonly [number, string, string, string])[] = [
    [59, '94287082', '46119246', '90693936'],
    [1_111_111_109, '07081804', '68084774', '25091201'],
    [1_111_111_111, '14050471', '67062674', '99943326'],
    [1_234_567_890, '89005924', '91819424', '93441116'],
    [2_000_000_000, '69279037', '90698825', '38618901'],
    [20_000_000_000, '65353130', '77737706', '47863826'],
  ];
  for (const [seconds, sha1, sha256, sha512] of table) {
    it(`T=${seconds}`, () => {
      const at = seconds * 1000;
      expect(generateCode(totp(RFC_SEED_SHA1, { algorithm: 'SHA1', digits: 8 }), at).code).toBe(sha1);
      expect(generateCode(totp(RFC_SEED_SHA256, { algorithm: 'SHA256', digits: 8 }), at).code).toBe(sha256);
      expect(generateCode(totp(RFC_SEED_SHA512, { algorithm: 'SHA512', digits: 8 }), at).code).toBe(sha512);
    });
  }
});

describe('generateCode: published vectors from other apps', () => {
  it('Steam Guard: 63BEDWCQZKTQWPESARIERL5DTTQFCJTK at 1511200518 gives FR8RV', () => {
    const steam = parseOtpInput('steam://63BEDWCQZKTQWPESARIERL5DTTQFCJTK');
    expect(generateCode(steam, 1_511_200_518_000)).toEqual({ code: 'FR8RV', remaining: 12, period: 30 });
  });

  it('Steam via otpauth://totp?encoder=steam gives the same code', () => {
    const steam = parseOtpInput('otpauth://totp/Steam:me?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK&issuer=Steam&encoder=steam');
    expect(generateCode(steam, 1_511_200_518_000).code).toBe('FR8RV');
  });

  it.each([
    ['4SJHB4GSD43FZBAI7C2HLRJGPQ', 'SHA1', 6, 30, '790195'],
    ['5OM4WOOGPLQEF6UGN3CPEOOLWU', 'SHA256', 7, 20, '9993814'],
    ['7ELGJSGXNCCTV3O6LKJWYFV2RA', 'SHA512', 8, 50, '65516786'],
  ])('Aegis: %s %s/%i/%i at 1700000000 gives %s', (secret, algorithm, digits, period, code) => {
    expect(generateCode(totp(secret, { algorithm, digits, period }), 1_700_000_000_000).code).toBe(code);
  });

  it('a Microsoft-style secret (lower-case groups, trailing space) gives the code of its clean form', () => {
    const pasted = generateCode(totp('4sjh b4gs d43f zbai 7c2h lrjg pq '), 1_700_000_000_000);
    expect(pasted.code).toBe('790195');
    expect(pasted).toEqual(generateCode(totp('4SJHB4GSD43FZBAI7C2HLRJGPQ'), 1_700_000_000_000));
  });
});

describe('generateCode: seconds remaining and the next code', () => {
  const parameters = totp(RFC_SEED_SHA1); // SHA1, 6 digits, 30 s: codes are the RFC 4226 HOTP table.

  it.each([
    [0, 30, '755224'],
    [1, 30, '755224'],
    [999, 30, '755224'],
    [1_000, 29, '755224'],
    [28_999, 2, '755224'],
    [29_000, 1, '755224'],
    [29_999, 1, '755224'],
    [30_000, 30, '287082'],
    [59_999, 1, '287082'],
    [60_000, 30, '359152'],
  ])('at %i ms: %i s left, code %s', (atMillis, remaining, code) => {
    expect(generateCode(parameters, atMillis)).toEqual({ code, remaining, period: 30 });
  });

  it('the next code is the code of the next period, valid until that period ends', () => {
    expect(generateNextCode(parameters, 29_999)).toEqual({ code: '287082', remaining: 31, period: 30 });
    expect(generateNextCode(parameters, 30_000)).toEqual({ code: '359152', remaining: 60, period: 30 });
    for (const atMillis of [0, 12_345, 1_700_000_000_000]) {
      expect(generateNextCode(parameters, atMillis).code).toBe(generateCode(parameters, atMillis + 30_000).code);
    }
  });

  it('uses the period of the account', () => {
    const sixty = totp(RFC_SEED_SHA1, { period: 60 });
    expect(generateCode(sixty, 59_500)).toEqual({ code: '755224', remaining: 1, period: 60 });
    expect(generateCode(sixty, 60_000)).toEqual({ code: '287082', remaining: 60, period: 60 });
  });
});

describe('generateCode: remembered codes and secrets', () => {
  it('never serves a code made with other settings of the same secret', () => {
    const at = 59_000;
    expect(generateCode(totp(RFC_SEED_SHA1, { digits: 8 }), at).code).toBe('94287082');
    expect(generateCode(totp(RFC_SEED_SHA1, { digits: 6 }), at).code).toBe('287082');
    expect(generateCode(totp(RFC_SEED_SHA1, { digits: 8, algorithm: 'SHA256' }), at).code).not.toBe('94287082');
    expect(generateCode(parseOtpInput(RFC_SEED_SHA1, { type: 'hotp', counter: 1 }), at).code).toBe('287082');
    expect(generateCode(parseOtpInput(`steam://${RFC_SEED_SHA1}`), at).code).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
    expect(generateCode(totp(RFC_SEED_SHA1, { digits: 8 }), at).code).toBe('94287082');
  });

  it('still works after the cached secrets are forgotten', () => {
    const parameters = totp(RFC_SEED_SHA1, { digits: 8 });
    expect(generateCode(parameters, 59_000).code).toBe('94287082');
    forgetCachedSecrets();
    expect(generateCode(parameters, 59_000).code).toBe('94287082');
  });
});

describe('generateCode: time', () => {
  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])('rejects %s as a time', (atMillis) => {
    expect(() => generateCode(totp(RFC_SEED_SHA1), atMillis)).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER', message: expect.stringContaining('time') }),
    );
  });
});
