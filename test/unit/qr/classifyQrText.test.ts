import { describe, expect, it } from 'vitest';
import { classifyQrText, describeQrMeaning, toScanSummary, type QrMeaning } from '../../../src/main/qr/index.js';

/** What Microsoft Entra's "Configure app without notifications" page encodes: tenant in the label, issuer Microsoft. */
const ENTRA_SECRET = 'K5AW2XVMNQLZ7Q3B';
const ENTRA_URI = `otpauth://totp/Contoso:alice@contoso.com?secret=${ENTRA_SECRET.toLowerCase()}&issuer=Microsoft`;

/** scito/extract_otp_secrets' example_export.txt: one account, secret 7KSQL2JTUDIS5EF65KLMRQIIGY. */
const MIGRATION_SECRET = '7KSQL2JTUDIS5EF65KLMRQIIGY';
const MIGRATION_URI =
  'otpauth-migration://offline?data=CjUKEPqlBekzoNEukL7qlsjBCDYSDnBpQHJhc3BiZXJyeXBpGgtyYXNwYmVycnlwaSABKAEwAhABGAEgACjr4JKK%2B%2F%2F%2F%2F%2F8B';

const PHONEFACTOR_URI =
  'phonefactor://activate_account?code=123456789&url=https%3A%2F%2Fmobileappcommunicator.auth.microsoft.com%2Factivate%3FregionId%3D710%26tenantId%3D00000000-0000-0000-0000-000000000000';

const PUSH_MESSAGE =
  'This is a Microsoft Authenticator push sign-up code; it holds no secret. On the security-info page choose ' +
  '"I want to use a different authenticator app" (or "Configure app without notifications"), then "Can\'t scan image?", ' +
  'and scan the new code.';

/** Everything a meaning shows outside main: its message and its --json lines. */
function shown(meaning: QrMeaning): string {
  return JSON.stringify([describeQrMeaning(meaning), toScanSummary(meaning)]);
}

describe('classifyQrText: codes that hold accounts', () => {
  it('reads an Entra otpauth URI as totp, issuer Microsoft and the tenant as the label prefix', () => {
    const meaning = classifyQrText(ENTRA_URI);
    expect(meaning).toEqual({
      kind: 'totp',
      parameters: expect.objectContaining({ secret: ENTRA_SECRET, issuer: 'Microsoft', labelIssuer: 'Contoso', account: 'alice@contoso.com' }),
    });
    expect(describeQrMeaning(meaning)).toBeNull();
    expect(toScanSummary(meaning)).toEqual([{ kind: 'totp', issuer: 'Microsoft', account: 'alice@contoso.com', type: 'totp' }]);
  });

  it('takes the kind from the parameters: hotp, and steam from encoder=steam', () => {
    const hotp = classifyQrText(`otpauth://hotp/Example:bob?secret=${ENTRA_SECRET}&counter=7`);
    expect(hotp).toMatchObject({ kind: 'hotp', parameters: { type: 'hotp', counter: 7 } });
    expect(toScanSummary(hotp)).toEqual([{ kind: 'hotp', issuer: 'Example', account: 'bob', type: 'hotp' }]);
    const steam = classifyQrText(`otpauth://totp/Steam:gabe?secret=${ENTRA_SECRET}&encoder=steam`);
    expect(steam).toMatchObject({ kind: 'steam', parameters: { type: 'steam', digits: 5 } });
    expect(toScanSummary(steam)).toEqual([{ kind: 'steam', issuer: 'Steam', account: 'gabe', type: 'steam' }]);
  });

  it('trims whitespace and ignores the case of the scheme', () => {
    expect(classifyQrText(`\n  ${ENTRA_URI.replace('otpauth', 'OTPAUTH')}  \n`)).toMatchObject({ kind: 'totp' });
  });

  it('reads a Google Authenticator export as a migration, one summary per account', () => {
    const meaning = classifyQrText(MIGRATION_URI);
    expect(meaning).toMatchObject({
      kind: 'migration',
      batch: { accounts: [{ secret: MIGRATION_SECRET, issuer: 'raspberrypi', account: 'pi@raspberrypi' }], skipped: [] },
    });
    expect(describeQrMeaning(meaning)).toBeNull();
    expect(toScanSummary(meaning)).toEqual([{ kind: 'migration', issuer: 'raspberrypi', account: 'pi@raspberrypi', type: 'totp' }]);
  });

  it('never shows a secret in a message or a summary', () => {
    for (const text of [ENTRA_URI, MIGRATION_URI]) {
      const output = shown(classifyQrText(text));
      expect(output).not.toContain(ENTRA_SECRET);
      expect(output.toUpperCase()).not.toContain(ENTRA_SECRET);
      expect(output).not.toContain(MIGRATION_SECRET);
    }
  });
});

describe('classifyQrText: broken otpauth codes keep the parser’s code and message', () => {
  it.each([
    ['otpauth://totp/alice?issuer=Example', 'INVALID_URI', 'The otpauth URI has no secret.'],
    [`otpauth://totp/alice?secret=${ENTRA_SECRET}&digits=4`, 'INVALID_PARAMETER', 'Invalid digits "4"'],
    ['otpauth://totp/alice?secret=ABC0EFGH', 'INVALID_SECRET', 'Did you mean the letter O?'],
    ['otpauth:totp/alice?secret=ABCDEFGH', 'INVALID_URI', 'not an otpauth:// URI'],
    ['otpauth-migration://offline?data=@@@@', 'INVALID_URI', "The Google Authenticator export's data is not base64."],
    ['otpauth-migration://offline', 'INVALID_URI', 'no data parameter'],
  ])('%s', (text, code, messagePart) => {
    const meaning = classifyQrText(text);
    expect(meaning).toEqual({ kind: 'invalid-otpauth', error: { code, message: expect.stringContaining(messagePart) } });
    expect(describeQrMeaning(meaning)).toEqual(meaning.kind === 'invalid-otpauth' ? meaning.error : undefined);
    expect(toScanSummary(meaning)).toEqual([]);
  });
});

describe('classifyQrText: Microsoft Authenticator push sign-up codes', () => {
  it.each([
    PHONEFACTOR_URI,
    PHONEFACTOR_URI.toUpperCase(),
    'https://login.microsoftonline.com/authenticatorApp/activateAccount?source=qrCode&accountType=msa&code=M.C501_BAY.2.U.0a1b2c3d&uaid=4e5f',
    'https://login.microsoftonline.com/contoso.onmicrosoft.com/AuthenticatorApp/ActivateAccount?code=123456789&source=qrCode',
    'HTTPS://LOGIN.MICROSOFT.COM/authenticatorapp/activateaccount?code=987654321',
    'https://mysignins.microsoft.com/register?redirect=%2Fauthenticatorapp%2FactivateAccount%3Fcode%3D1',
  ])('%s', (text) => {
    const meaning = classifyQrText(text);
    expect(meaning).toEqual({ kind: 'microsoft-push' });
    expect(describeQrMeaning(meaning)).toEqual({ code: 'MICROSOFT_PUSH_QR', message: PUSH_MESSAGE });
    expect(toScanSummary(meaning)).toEqual([{ kind: 'microsoft-push', issuer: '', account: '', type: null }]);
    expect(shown(meaning)).not.toMatch(/123456789|0a1b2c3d/);
  });

  it('leaves other Microsoft pages, and the same path on another host, as web links', () => {
    expect(classifyQrText('https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x')).toMatchObject({ kind: 'url' });
    expect(classifyQrText('https://mysignins.microsoft.com/security-info')).toMatchObject({ kind: 'url' });
    expect(classifyQrText('https://login.microsoftonline.com.evil.example/authenticatorApp/activateAccount')).toMatchObject({ kind: 'url' });
  });
});

describe('classifyQrText: codes that are not accounts', () => {
  it('shows only the scheme and host of a web link', () => {
    const text = 'https://user:hunter2@portal.example.com:8443/reset/password?token=s3cr3t-t0ken#step2';
    const meaning = classifyQrText(text);
    expect(meaning).toEqual({ kind: 'url', url: text });
    expect(describeQrMeaning(meaning)).toEqual({
      code: 'QR_NOT_TOTP',
      message: 'This QR code is a web link (https://portal.example.com:8443…), not a one-time-code account.',
    });
    expect(toScanSummary(meaning)).toEqual([{ kind: 'url', issuer: '', account: '', type: null }]);
    expect(shown(meaning)).not.toMatch(/hunter2|s3cr3t|reset|step2|user/);
  });

  it('adds no ellipsis to a link that is only scheme and host', () => {
    expect(describeQrMeaning(classifyQrText('http://example.com'))?.message).toBe(
      'This QR code is a web link (http://example.com), not a one-time-code account.',
    );
    expect(describeQrMeaning(classifyQrText('HTTPS://Example.COM/'))?.message).toContain('(https://example.com)');
  });

  it('reads a Wi-Fi code’s SSID with its escapes and never keeps the password', () => {
    const meaning = classifyQrText('WIFI:T:WPA;S:Caf\\;e \\"Net\\\\5G;P:correct\\;horse\\:battery;H:false;;');
    expect(meaning).toEqual({ kind: 'wifi', ssid: 'Caf;e "Net\\5G' });
    expect(describeQrMeaning(meaning)).toEqual({
      code: 'QR_NOT_TOTP',
      message: 'This QR code is a Wi-Fi network ("Caf;e "Net\\5G"), not a one-time-code account.',
    });
    expect(toScanSummary(meaning)).toEqual([{ kind: 'text', issuer: '', account: '', type: null }]);
    expect(JSON.stringify(meaning) + shown(meaning)).not.toMatch(/correct|horse|battery/);
  });

  it('reads a quoted SSID, any case in the prefix, and a Wi-Fi code without an SSID', () => {
    expect(classifyQrText('wifi:S:"Home Network";T:WPA;P:pw;;')).toEqual({ kind: 'wifi', ssid: 'Home Network' });
    const withoutSsid = classifyQrText('WIFI:T:nopass;;');
    expect(withoutSsid).toEqual({ kind: 'wifi', ssid: '' });
    expect(describeQrMeaning(withoutSsid)?.message).toBe('This QR code is a Wi-Fi network, not a one-time-code account.');
  });

  it('never echoes plain text back', () => {
    for (const text of ['My bank PIN is 4711', 'JBSWY3DPEHPK3PXP', 'https://', 'mailto:alice@example.com', '']) {
      const meaning = classifyQrText(text);
      expect(meaning).toEqual({ kind: 'text' });
      expect(describeQrMeaning(meaning)).toEqual({ code: 'QR_NOT_TOTP', message: 'This QR code is plain text, not a one-time-code account.' });
      expect(toScanSummary(meaning)).toEqual([{ kind: 'text', issuer: '', account: '', type: null }]);
    }
  });
});
