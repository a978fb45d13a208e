import { describe, expect, it } from 'vitest';
import { parseOtpauthUri, parseOtpInput, type OtpParameters } from '../../../src/main/otp/index.js';

const SECRET = 'JBSWY3DPEHPK3PXP';

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('parseOtpInput: a bare secret', () => {
  it('builds totp SHA1/6/30 parameters from the normalised secret', () => {
    expect(parseOtpInput('jbsw y3dp ehpk 3pxp ')).toEqual<OtpParameters>({
      type: 'totp',
      secret: SECRET,
      issuer: '',
      labelIssuer: '',
      account: '',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      extra: [],
    });
  });

  it('merges the defaults, and puts the issuer into the label prefix too', () => {
    expect(
      parseOtpInput(SECRET, { issuer: ' Topdesk ', account: 'me@work.example', algorithm: 'sha256', digits: '8', period: 60 }),
    ).toMatchObject({
      type: 'totp',
      issuer: 'Topdesk',
      labelIssuer: 'Topdesk',
      account: 'me@work.example',
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
    });
    expect(parseOtpInput(SECRET, { type: 'HOTP', counter: '12', period: 60 })).toMatchObject({ type: 'hotp', counter: 12, period: 0 });
  });

  it('checks the defaults with the same rules and messages as URI parameters', () => {
    const cases: [Record<string, string | number>, string][] = [
      [{ digits: 5 }, 'digits=5'],
      [{ digits: 'abc' }, 'digits=abc'],
      [{ period: 0 }, 'period=0'],
      [{ period: '30s' }, 'period=30s'],
      [{ algorithm: 'MD5' }, 'algorithm=MD5'],
      [{ type: 'motp' }, ''],
    ];
    for (const [defaults, query] of cases) {
      const fromInput = thrown(() => parseOtpInput(SECRET, defaults));
      const type = typeof defaults.type === 'string' ? defaults.type : 'totp';
      const fromUri = thrown(() => parseOtpauthUri(`otpauth://${type}/x?secret=${SECRET}&${query}`));
      expect(fromInput).toMatchObject({ code: 'INVALID_PARAMETER' });
      expect(fromInput).toEqual(fromUri);
      expect((fromInput as Error).message).toBe((fromUri as Error).message);
    }
  });

  it('rejects a fractional number default', () => {
    expect(() => parseOtpInput(SECRET, { period: 30.5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER', message: expect.stringContaining('Invalid period "30.5"') }),
    );
  });

  it('reports a bad secret as INVALID_SECRET', () => {
    expect(() => parseOtpInput('  ')).toThrow(expect.objectContaining({ code: 'INVALID_SECRET', message: 'The secret is empty.' }));
    expect(() => parseOtpInput('ABCD 0FGH')).toThrow(expect.objectContaining({ code: 'INVALID_SECRET', message: expect.stringContaining('"0" (character 5)') }));
  });
});

describe('parseOtpInput: a pasted URI', () => {
  const uri = `otpauth://totp/Contoso:alice@contoso.com?secret=${SECRET}&issuer=Microsoft`;

  it.each([uri, ` ${uri}\n`, `"${uri}"`, `“${uri}”`, `'${uri.replace('otpauth', 'OTPAUTH')}'`])('reads %j as a URI', (text) => {
    expect(parseOtpInput(text)).toEqual(parseOtpauthUri(uri));
  });

  it('ignores the defaults: a URI describes itself', () => {
    expect(parseOtpInput(uri, { issuer: 'Other', digits: 8, type: 'hotp' })).toEqual(parseOtpauthUri(uri));
  });

  it('explains other URIs instead of calling them bad secrets', () => {
    expect(() => parseOtpInput('otpauth-migration://offline?data=abc')).toThrow(
      expect.objectContaining({ code: 'INVALID_URI', message: expect.stringContaining('Google Authenticator export') }),
    );
    expect(() => parseOtpInput('https://mysignins.microsoft.com/security-info')).toThrow(
      expect.objectContaining({ code: 'INVALID_URI', message: 'This is a web link, not an otpauth:// URI.' }),
    );
  });
});

describe('parseOtpInput: Bitwarden steam://', () => {
  it('builds steam parameters with 5 characters and keeps issuer and account defaults', () => {
    expect(parseOtpInput(' steam://63bedwcqzktqwpesarierl5dttqfcjtk ', { issuer: 'Steam', account: 'gabe', digits: 8 })).toMatchObject({
      type: 'steam',
      secret: '63BEDWCQZKTQWPESARIERL5DTTQFCJTK',
      digits: 5,
      period: 30,
      algorithm: 'SHA1',
      issuer: 'Steam',
      account: 'gabe',
    });
  });

  it('rejects an empty steam secret', () => {
    expect(() => parseOtpInput('steam://')).toThrow(expect.objectContaining({ code: 'INVALID_SECRET' }));
  });
});
