import { describe, expect, it } from 'vitest';
import { OTP_ALGORITHMS, OTP_TYPES } from '../../../src/shared/otp.js';
import { formatOtpauthUri, parseOtpauthUri, type OtpParameters } from '../../../src/main/otp/index.js';

const SECRET = 'JBSWY3DPEHPK3PXP';

const BASE: OtpParameters = {
  type: 'totp',
  secret: SECRET,
  issuer: 'ACME Co',
  labelIssuer: 'ACME Co',
  account: 'john@example.com',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  extra: [],
};

describe('formatOtpauthUri: canonical form', () => {
  it('writes label, then secret, issuer, algorithm, digits, period', () => {
    expect(formatOtpauthUri(BASE)).toBe(
      `otpauth://totp/ACME%20Co:john%40example.com?secret=${SECRET}&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it('writes the counter instead of the period for hotp', () => {
    expect(formatOtpauthUri({ ...BASE, type: 'hotp', period: 0, counter: 7 })).toBe(
      `otpauth://hotp/ACME%20Co:john%40example.com?secret=${SECRET}&issuer=ACME%20Co&algorithm=SHA1&digits=6&counter=7`,
    );
  });

  it('keeps the Entra label prefix apart from the issuer', () => {
    const entra = { ...BASE, issuer: 'Microsoft', labelIssuer: 'Contoso', account: 'alice@contoso.com' };
    expect(formatOtpauthUri(entra)).toMatch(/^otpauth:\/\/totp\/Contoso:alice%40contoso\.com\?secret=JBSWY3DPEHPK3PXP&issuer=Microsoft&/);
  });

  it('writes just the account, and no issuer parameter, when there is no issuer', () => {
    expect(formatOtpauthUri({ ...BASE, issuer: '', labelIssuer: '' })).toBe(
      `otpauth://totp/john%40example.com?secret=${SECRET}&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it('keeps the label without a prefix when the issuer came only as a parameter', () => {
    expect(formatOtpauthUri({ ...BASE, issuer: 'GitHub', labelIssuer: '', account: 'octocat' })).toBe(
      `otpauth://totp/octocat?secret=${SECRET}&issuer=GitHub&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it('appends unknown parameters in order, encoded', () => {
    const uri = formatOtpauthUri({ ...BASE, extra: [['image', 'https://x.test/a.png?b=1&c'], ['color', '#f00']] });
    expect(uri.endsWith('&period=30&image=https%3A%2F%2Fx.test%2Fa.png%3Fb%3D1%26c&color=%23f00')).toBe(true);
  });

  it('writes steam as its own type with 5 digits', () => {
    expect(formatOtpauthUri({ ...BASE, type: 'steam', digits: 5 })).toMatch(/^otpauth:\/\/steam\/.*&digits=5&period=30$/);
  });
});

/** A small seeded generator, so a failing case can be reproduced from its index. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Characters that break naive URI handling, plus Unicode from several scripts. */
const PIECES = [
  'a', 'Z', '0', ' ', ':', '&', '=', '#', '?', '/', '%', '%3A', '%20', '+', '@', '.', '-', '_', "'", '"', ';', ',',
  'æ', 'Ø', 'ß', 'é', '日本', 'Ж', 'ع', '🔑', '\u00A0x', 'Contoso', 'alice@example.com', 'Microsoft',
];
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Base32 lengths that hold whole bytes (n mod 8 is 0, 2, 4, 5 or 7). */
const SECRET_LENGTHS = [2, 4, 5, 7, 8, 16, 26, 32, 52, 103, 128];
const KNOWN_NAMES = new Set(['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'encoder']);

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)] as T;
}

function text(next: () => number, maximumPieces: number): string {
  const count = Math.floor(next() * (maximumPieces + 1));
  return Array.from({ length: count }, () => pick(next, PIECES)).join('').trim();
}

function generatedParameters(seed: number): OtpParameters {
  const next = random(seed);
  const type = pick(next, OTP_TYPES);
  const secretLength = pick(next, SECRET_LENGTHS);
  const issuer = text(next, 4);
  const labelRoll = next();
  // Parameters in normal form: a label prefix implies an issuer (the prefix stands in for a missing one).
  const labelIssuer = issuer === '' ? '' : labelRoll < 0.4 ? issuer : labelRoll < 0.7 ? '' : text(next, 3) || issuer;
  const extra: [string, string][] = [];
  const extraCount = Math.floor(next() * 4);
  for (let index = 0; index < extraCount; index += 1) {
    const name = `${text(next, 2)}x${index}`;
    if (!KNOWN_NAMES.has(name.toLowerCase())) extra.push([name, text(next, 3)]);
  }
  return {
    type,
    secret: Array.from({ length: secretLength }, () => pick(next, [...BASE32])).join(''),
    issuer,
    labelIssuer,
    account: text(next, 5),
    algorithm: pick(next, OTP_ALGORITHMS),
    digits: type === 'steam' ? 5 : 6 + Math.floor(next() * 5),
    period: type === 'hotp' ? 0 : pick(next, [1, 15, 30, 60, 86_400, 1 + Math.floor(next() * 86_400)]),
    counter: type === 'hotp' ? pick(next, [0, 1, Number.MAX_SAFE_INTEGER, Math.floor(next() * 1e12)]) : 0,
    extra,
  };
}

describe('formatOtpauthUri then parseOtpauthUri', () => {
  it('gives back the same parameters for 2,000 generated accounts', () => {
    for (let seed = 1; seed <= 2000; seed += 1) {
      const parameters = generatedParameters(seed);
      const uri = formatOtpauthUri(parameters);
      expect({ seed, parameters: parseOtpauthUri(uri) }).toEqual({ seed, parameters });
    }
  });

  it('covers the awkward cases on purpose', () => {
    const awkward: OtpParameters[] = [
      { ...BASE, account: 'a:b:c', issuer: '', labelIssuer: '' },
      { ...BASE, account: 'a:b', issuer: 'Only issuer', labelIssuer: '' },
      { ...BASE, labelIssuer: 'Has: colon', issuer: 'Has: colon', account: 'x' },
      { ...BASE, labelIssuer: 'A&B=C#D?E', issuer: 'Q?R#S', account: '1+1=2 & more?#' },
      { ...BASE, labelIssuer: 'Ærø 日本', issuer: 'Ærø 日本', account: 'bjørn 🔑' },
      { ...BASE, labelIssuer: '', issuer: '', account: '' },
      { ...BASE, labelIssuer: 'X', issuer: 'X', account: '' },
      { ...BASE, account: '%3A%20+' },
      { ...BASE, extra: [['a b', 'c&d=e'], ['Image', ''], ['ü', '%']] },
    ];
    for (const parameters of awkward) {
      expect(parseOtpauthUri(formatOtpauthUri(parameters))).toEqual(parameters);
    }
  });

  it('is stable for URIs from the wild: formatting what was parsed parses to the same thing', () => {
    const wild = [
      `otpauth://totp/Contoso:alice@contoso.com?secret=${SECRET.toLowerCase()}&issuer=Microsoft`,
      `OTPAUTH://TOTP/Big+Corp:John%20Smith?secret=jbsw%20y3dp+ehpk+3pxp&algorithm=sha-256&digits=8&icon=x.png`,
      `otpauth://totp/Steam:me?secret=${SECRET}&issuer=Steam&encoder=steam`,
      `otpauth://hotp?secret=${SECRET}&counter=5&period=30`,
    ];
    for (const uri of wild) {
      const parsed = parseOtpauthUri(uri);
      expect(parseOtpauthUri(formatOtpauthUri(parsed))).toEqual(parsed);
    }
  });
});
