import { describe, expect, it } from 'vitest';
import { parseOtpauthUri, type OtpParameters } from '../../../src/main/otp/index.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

const SECRET = 'JBSWY3DPEHPK3PXP';

describe('parseOtpauthUri: Google Key Uri Format', () => {
  it('reads every parameter', () => {
    expect(
      parseOtpauthUri(`otpauth://totp/ACME%20Co:john.doe@email.com?secret=${SECRET}&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60`),
    ).toEqual<OtpParameters>({
      type: 'totp',
      secret: SECRET,
      issuer: 'ACME Co',
      labelIssuer: 'ACME Co',
      account: 'john.doe@email.com',
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
      counter: 0,
      extra: [],
    });
  });

  it('applies the defaults SHA1, 6 digits, 30 seconds', () => {
    expect(parseOtpauthUri(`otpauth://totp/alice?secret=${SECRET}`)).toMatchObject({
      type: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      issuer: '',
      labelIssuer: '',
      account: 'alice',
    });
  });

  it('reads hotp with its counter, and defaults the counter to 0', () => {
    expect(parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET}&counter=42`)).toMatchObject({ type: 'hotp', counter: 42, period: 0 });
    expect(parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET}`)).toMatchObject({ type: 'hotp', counter: 0, period: 0 });
  });

  it('ignores settings that do not apply to the type instead of checking them', () => {
    expect(parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET}&period=abc`)).toMatchObject({ type: 'hotp', period: 0, extra: [] });
    expect(parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&counter=-1`)).toMatchObject({ type: 'totp', counter: 0, extra: [] });
  });
});

describe('parseOtpauthUri: tolerance for what the wild sends', () => {
  it('reads a Microsoft Entra URI: issuer from the parameter, tenant kept as the label prefix', () => {
    expect(
      parseOtpauthUri(`otpauth://totp/Contoso:alice@contoso.com?secret=${SECRET.toLowerCase()}&issuer=Microsoft`),
    ).toMatchObject({ issuer: 'Microsoft', labelIssuer: 'Contoso', account: 'alice@contoso.com', secret: SECRET });
  });

  it('takes the issuer from the label prefix when there is no issuer parameter (or an empty one)', () => {
    expect(parseOtpauthUri(`otpauth://totp/GitHub:octocat?secret=${SECRET}`)).toMatchObject({
      issuer: 'GitHub',
      labelIssuer: 'GitHub',
      account: 'octocat',
    });
    expect(parseOtpauthUri(`otpauth://totp/GitHub:octocat?secret=${SECRET}&issuer=`)).toMatchObject({ issuer: 'GitHub' });
  });

  it('keeps an issuer parameter when the label has no prefix', () => {
    expect(parseOtpauthUri(`otpauth://totp/octocat?secret=${SECRET}&issuer=GitHub`)).toMatchObject({
      issuer: 'GitHub',
      labelIssuer: '',
      account: 'octocat',
    });
  });

  it('ignores the case of scheme, type and algorithm, and whitespace around the URI', () => {
    expect(parseOtpauthUri(`  \nOTPAUTH://TOTP/x?secret=${SECRET}&algorithm=sha512 \t`)).toMatchObject({ type: 'totp', algorithm: 'SHA512' });
    expect(parseOtpauthUri(`otpauth://HoTp/x?secret=${SECRET}`)).toMatchObject({ type: 'hotp' });
  });

  it.each([
    ['sha1', 'SHA1'],
    ['Sha256', 'SHA256'],
    ['SHA-256', 'SHA256'],
    ['sha-512', 'SHA512'],
    ['HmacSHA256', 'SHA256'],
  ])('reads algorithm=%s as %s', (spelling, algorithm) => {
    expect(parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&algorithm=${spelling}`).algorithm).toBe(algorithm);
  });

  it('splits the label on the first colon only, also when written %3A, and trims space after it', () => {
    expect(parseOtpauthUri(`otpauth://totp/Example:alice:work?secret=${SECRET}`)).toMatchObject({
      labelIssuer: 'Example',
      account: 'alice:work',
    });
    expect(parseOtpauthUri(`otpauth://totp/Example%3Aalice%3Awork?secret=${SECRET}`)).toMatchObject({
      labelIssuer: 'Example',
      account: 'alice:work',
    });
    expect(parseOtpauthUri(`otpauth://totp/Example%3a%20alice?secret=${SECRET}`)).toMatchObject({ labelIssuer: 'Example', account: 'alice' });
    expect(parseOtpauthUri(`otpauth://totp/Example:%20%20alice@example.com?secret=${SECRET}`)).toMatchObject({
      account: 'alice@example.com',
    });
  });

  it('reads + and %20 as spaces in the label and in parameters', () => {
    expect(parseOtpauthUri(`otpauth://totp/Big+Corp:John%20Smith?secret=${SECRET}&issuer=Big+Corp%20Ltd`)).toMatchObject({
      labelIssuer: 'Big Corp',
      account: 'John Smith',
      issuer: 'Big Corp Ltd',
    });
  });

  it('reads a literal plus in an account when it is encoded', () => {
    expect(parseOtpauthUri(`otpauth://totp/alice%2Btag%40example.com?secret=${SECRET}`).account).toBe('alice+tag@example.com');
  });

  it('normalises the secret: %3D padding, lower case, encoded spaces', () => {
    expect(parseOtpauthUri('otpauth://totp/x?secret=MFRGGZDF%3D%3D%3D').secret).toBe('MFRGGZDF');
    expect(parseOtpauthUri('otpauth://totp/x?secret=MFRGGZDFMZTQ%3D%3D%3D%3D').secret).toBe('MFRGGZDFMZTQ');
    expect(parseOtpauthUri('otpauth://totp/x?secret=jbsw%20y3dp+ehpk+3pxp').secret).toBe(SECRET);
  });

  it.each([
    [`otpauth://totp/?secret=${SECRET}`],
    [`otpauth://totp?secret=${SECRET}`],
  ])('accepts a missing label: %s', (uri) => {
    expect(parseOtpauthUri(uri)).toMatchObject({ type: 'totp', secret: SECRET, issuer: '', labelIssuer: '', account: '' });
  });

  it('keeps unknown parameters in order, with their spelling, as extra', () => {
    const parameters = parseOtpauthUri(
      `otpauth://totp/x?image=https%3A%2F%2Fexample.com%2Flogo.png&secret=${SECRET}&codeDisplay=grouped&icon=&color=%23ff0000&flag`,
    );
    expect(parameters.extra).toEqual([
      ['image', 'https://example.com/logo.png'],
      ['codeDisplay', 'grouped'],
      ['icon', ''],
      ['color', '#ff0000'],
      ['flag', ''],
    ]);
  });

  it('skips empty and nameless pairs', () => {
    expect(parseOtpauthUri(`otpauth://totp/x?&secret=${SECRET}&&=orphan&issuer=A&`)).toMatchObject({ issuer: 'A', extra: [] });
  });

  it('lets the first of duplicate known parameters win and keeps the others out of extra', () => {
    const parameters = parseOtpauthUri(
      `otpauth://totp/x?secret=${SECRET}&secret=MFRGGZDF&issuer=First&issuer=Second&digits=8&DIGITS=7&Period=60`,
    );
    expect(parameters).toMatchObject({ secret: SECRET, issuer: 'First', digits: 8, period: 60, extra: [] });
  });

  it('reads Unicode issuers, percent-encoded or raw UTF-8', () => {
    expect(parseOtpauthUri(`otpauth://totp/%C3%86r%C3%B8:bj%C3%B8rn?secret=${SECRET}&issuer=%E6%97%A5%E6%9C%AC`)).toMatchObject({
      labelIssuer: 'Ærø',
      account: 'bjørn',
      issuer: '日本',
    });
    expect(parseOtpauthUri(`otpauth://totp/Ærø:bjørn 🔑?secret=${SECRET}&issuer=日本`)).toMatchObject({
      labelIssuer: 'Ærø',
      account: 'bjørn 🔑',
      issuer: '日本',
    });
  });

  it('reads Steam as otpauth://steam and as encoder=steam (Ente, Aegis), with 5 characters', () => {
    expect(parseOtpauthUri(`otpauth://steam/Steam:me?secret=${SECRET}`)).toMatchObject({ type: 'steam', digits: 5, period: 30 });
    const encoded = parseOtpauthUri(`otpauth://totp/Steam:me?secret=${SECRET}&issuer=Steam&encoder=Steam&digits=5`);
    expect(encoded).toMatchObject({ type: 'steam', digits: 5, issuer: 'Steam', extra: [] });
  });

  it('keeps an encoder other than steam as an unknown parameter', () => {
    expect(parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&encoder=base32`)).toMatchObject({
      type: 'totp',
      extra: [['encoder', 'base32']],
    });
  });
});

describe('parseOtpauthUri: rejected parameters', () => {
  it.each(['0', '5', '11', 'abc', '6.5', '-6', '1e1'])('rejects digits=%s for totp, naming it', (digits) => {
    expect(() => parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&digits=${digits}`)).toThrow(
      vaultErrorLike('INVALID_PARAMETER', `Invalid digits "${digits}": use a whole number from 6 to 10.`),
    );
  });

  it.each(['0', '-30', '1e9', '30s', '86401', '1000000000'])('rejects period=%s, naming it', (period) => {
    expect(() => parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&period=${period}`)).toThrow(
      vaultErrorLike('INVALID_PARAMETER', `Invalid period "${period}": use a whole number of seconds from 1 to 86400.`),
    );
  });

  it.each(['-1', 'ten', '9007199254740992'])('rejects counter=%s for hotp, naming it', (counter) => {
    expect(() => parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET}&counter=${counter}`)).toThrow(
      vaultErrorLike('INVALID_PARAMETER', `Invalid counter "${counter}"`),
    );
  });

  it('accepts the edges of every range', () => {
    expect(parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&digits=6&period=1`)).toMatchObject({ digits: 6, period: 1 });
    expect(parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&digits=10&period=86400`)).toMatchObject({ digits: 10, period: 86400 });
    expect(parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET}&counter=9007199254740991`).counter).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('rejects an unknown algorithm, naming it', () => {
    expect(() => parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&algorithm=MD5`)).toThrow(
      vaultErrorLike('INVALID_PARAMETER', 'Unknown algorithm "MD5": use SHA1, SHA256 or SHA512.'),
    );
  });

  it('rejects an unknown type, naming it', () => {
    expect(() => parseOtpauthUri(`otpauth://motp/x?secret=${SECRET}`)).toThrow(
      vaultErrorLike('INVALID_PARAMETER', 'Unknown OTP type "motp": use totp, hotp or steam.'),
    );
  });

  it('rejects a bad secret with the secret error', () => {
    expect(() => parseOtpauthUri('otpauth://totp/x?secret=ABCD1FGH')).toThrow(vaultErrorLike('INVALID_SECRET', '"1" (character 5)'));
  });
});

describe('parseOtpauthUri: text that is not a usable otpauth URI', () => {
  it.each([
    ['https://example.com/2fa?secret=ABC', 'This is a web link, not an otpauth:// URI.'],
    ['HTTP://example.com', 'This is a web link, not an otpauth:// URI.'],
    ['otpauth-migration://offline?data=CjEKCkhlbGxvId', 'This is a Google Authenticator export (otpauth-migration://); import it instead.'],
    ['JBSWY3DPEHPK3PXP', 'This is not an otpauth:// URI.'],
    ['phonefactor://activate_account?code=1', 'This is not an otpauth:// URI.'],
    ['otpauth:totp/x?secret=JBSWY3DPEHPK3PXP', 'This is not an otpauth:// URI.'],
    ['', 'This is not an otpauth:// URI.'],
  ])('%j', (text, message) => {
    expect(() => parseOtpauthUri(text)).toThrow(vaultErrorLike('INVALID_URI', message));
  });

  it.each([
    'otpauth://totp/x',
    'otpauth://totp/x?issuer=A',
    'otpauth://totp/x?secret=',
    'otpauth://totp/x?secret=%20%20',
  ])('rejects %s as having no secret', (uri) => {
    expect(() => parseOtpauthUri(uri)).toThrow(vaultErrorLike('INVALID_URI', 'The otpauth URI has no secret.'));
  });

  it('rejects a URI longer than the limit', () => {
    const uri = `otpauth://totp/x?secret=${SECRET}&image=${'a'.repeat(8200)}`;
    expect(() => parseOtpauthUri(uri)).toThrow(vaultErrorLike('INVALID_URI', /too long: \d+ characters \(at most 8192\)/));
  });

  it.each([
    [`otpauth://totp/%E0%A4%A?secret=${SECRET}`, 'in its label'],
    [`otpauth://totp/Bad%:alice?secret=${SECRET}`, 'in its label'],
    [`otpauth://totp/x?secret=${SECRET}&issuer=%E0%A4%A`, 'in the "issuer" parameter'],
    [`otpauth://totp/x?secret=${SECRET}&%ZZ=1`, 'in a parameter name'],
    [`otpauth://totp/x?secret=${SECRET}&issuer=%ED%A0%80`, 'in the "issuer" parameter'],
  ])('reports broken percent-encoding in %s as INVALID_URI, not a URIError', (uri, where) => {
    expect(() => parseOtpauthUri(uri)).toThrow(vaultErrorLike('INVALID_URI', `The otpauth URI has a broken %-escape ${where}.`));
  });
});
