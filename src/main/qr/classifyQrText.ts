import { type ErrorInfo, isVaultError } from '../../shared/errors.js';
import type { OtpType } from '../../shared/otp.js';
import { type MigrationBatch, type OtpParameters, parseOtpauthMigrationUri, parseOtpauthUri, quoteForMessage } from '../otp/index.js';

/**
 * What the text of one QR code means. Decided in main, because the usable kinds carry secrets; the other
 * kinds carry only what a message needs (a URL's address, a Wi-Fi network's name), never arbitrary text.
 */
export type QrMeaning =
  | { readonly kind: OtpType; readonly parameters: OtpParameters }
  | { readonly kind: 'migration'; readonly batch: MigrationBatch }
  /** An otpauth:// or otpauth-migration:// code we cannot read, with why. */
  | { readonly kind: 'invalid-otpauth'; readonly error: ErrorInfo }
  /** A Microsoft Authenticator push sign-up code: an activation code for Microsoft's servers, no secret. */
  | { readonly kind: 'microsoft-push' }
  | { readonly kind: 'url'; readonly url: string }
  /** A Wi-Fi network; its password is read past, never kept. */
  | { readonly kind: 'wifi'; readonly ssid: string }
  | { readonly kind: 'text' };

/** The kinds the CLI's --json reports; a Wi-Fi code is reported as text. */
export const SCAN_SUMMARY_KINDS = ['totp', 'hotp', 'steam', 'migration', 'microsoft-push', 'url', 'text'] as const;
export type ScanSummaryKind = (typeof SCAN_SUMMARY_KINDS)[number];

/** One line of `totp-vault scan --json`: never a secret. */
export interface ScanSummary {
  readonly kind: ScanSummaryKind;
  readonly issuer: string;
  readonly account: string;
  /** The account's OTP type; null for codes that hold no account. */
  readonly type: OtpType | null;
}

const OTPAUTH = /^otpauth:/i;
const OTPAUTH_MIGRATION = /^otpauth-migration:/i;
/** Microsoft's own scheme; every phonefactor:// code (activate_account?code=…&url=…) is a push sign-up. */
const PHONEFACTOR = /^phonefactor:/i;
const WIFI = /^WIFI:/i;
const WEB_LINK = /^https?:\/\//i;

/** Where Entra and personal Microsoft accounts send the Authenticator app to activate push sign-in. */
const MICROSOFT_SIGN_IN_HOSTS = new Set(['login.microsoftonline.com', 'login.microsoft.com']);
const MICROSOFT_SECURITY_INFO_HOST = 'mysignins.microsoft.com';

const MICROSOFT_PUSH_MESSAGE =
  'This is a Microsoft Authenticator push sign-up code; it holds no secret. On the security-info page choose ' +
  '"I want to use a different authenticator app" (or "Configure app without notifications"), then ' +
  '"Can\'t scan image?", and scan the new code.';

export function classifyQrText(text: string): QrMeaning {
  const trimmed = text.trim();
  if (OTPAUTH.test(trimmed)) {
    return readOtpauth(() => {
      const parameters = parseOtpauthUri(trimmed);
      return { kind: parameters.type, parameters };
    });
  }
  if (OTPAUTH_MIGRATION.test(trimmed)) {
    return readOtpauth(() => ({ kind: 'migration', batch: parseOtpauthMigrationUri(trimmed) }));
  }
  if (PHONEFACTOR.test(trimmed)) return { kind: 'microsoft-push' };
  if (WIFI.test(trimmed)) return { kind: 'wifi', ssid: readWifiSsid(trimmed.slice('WIFI:'.length)) };
  if (WEB_LINK.test(trimmed)) {
    const url = parseUrl(trimmed);
    if (url !== undefined) return isMicrosoftPushLink(url) ? { kind: 'microsoft-push' } : { kind: 'url', url: trimmed };
  }
  return { kind: 'text' };
}

/**
 * Why a code cannot be added, as the one English line the CLI prints; null when it holds accounts. A web
 * link shows only its scheme and host: a path or query may carry a token.
 */
export function describeQrMeaning(meaning: QrMeaning): ErrorInfo | null {
  switch (meaning.kind) {
    case 'totp':
    case 'hotp':
    case 'steam':
    case 'migration':
      return null;
    case 'invalid-otpauth':
      return { code: meaning.error.code, message: meaning.error.message };
    case 'microsoft-push':
      return { code: 'MICROSOFT_PUSH_QR', message: MICROSOFT_PUSH_MESSAGE };
    case 'url':
      return notAnAccount(`a web link (${describeLink(meaning.url)})`);
    case 'wifi':
      return notAnAccount(meaning.ssid === '' ? 'a Wi-Fi network' : `a Wi-Fi network (${quoteForMessage(meaning.ssid)})`);
    case 'text':
      return notAnAccount('plain text');
  }
}

/** One entry per account (an export gives one per account inside it), one for a code without an account. */
export function toScanSummary(meaning: QrMeaning): readonly ScanSummary[] {
  switch (meaning.kind) {
    case 'totp':
    case 'hotp':
    case 'steam':
      return [summarise(meaning.kind, meaning.parameters)];
    case 'migration':
      return meaning.batch.accounts.map((parameters) => summarise('migration', parameters));
    case 'invalid-otpauth':
      // Nothing to list: describeQrMeaning says what is wrong with it.
      return [];
    case 'microsoft-push':
    case 'url':
    case 'text':
      return [{ kind: meaning.kind, issuer: '', account: '', type: null }];
    case 'wifi':
      return [{ kind: 'text', issuer: '', account: '', type: null }];
  }
}

function summarise(kind: ScanSummaryKind, parameters: OtpParameters): ScanSummary {
  return { kind, issuer: parameters.issuer, account: parameters.account, type: parameters.type };
}

function notAnAccount(what: string): ErrorInfo {
  return { code: 'QR_NOT_TOTP', message: `This QR code is ${what}, not a one-time-code account.` };
}

/** A broken otpauth code is explained with the parser's own message; anything else thrown is a bug. */
function readOtpauth(read: () => QrMeaning): QrMeaning {
  try {
    return read();
  } catch (thrown) {
    if (!isVaultError(thrown)) throw thrown;
    return { kind: 'invalid-otpauth', error: { code: thrown.code, message: thrown.message } };
  }
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * Entra's and personal accounts' push codes are links such as
 * `https://login.microsoftonline.com/authenticatorApp/activateAccount?source=qrCode&code=…`, sometimes with a
 * tenant in the path; the security-info page may wrap the same activation in a mysignins.microsoft.com link.
 */
function isMicrosoftPushLink(url: URL): boolean {
  if (MICROSOFT_SIGN_IN_HOSTS.has(url.hostname)) return url.pathname.toLowerCase().includes('authenticatorapp/activateaccount');
  return url.hostname === MICROSOFT_SECURITY_INFO_HOST && `${url.pathname}${url.search}`.toLowerCase().includes('activateaccount');
}

/** "https://example.com…": scheme and host, with an ellipsis when the link goes on. */
function describeLink(text: string): string {
  const url = parseUrl(text);
  if (url === undefined) return 'unreadable';
  const origin = `${url.protocol}//${url.host}`;
  const goesOn = (url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '';
  return goesOn ? `${origin}…` : origin;
}

/**
 * The SSID of a `WIFI:T:WPA;S:name;P:password;;` code (ZXing's MeCard-like format). `\` escapes `;`, `,`,
 * `:`, `"` and itself; some generators put the SSID in double quotes.
 */
function readWifiSsid(body: string): string {
  for (const field of splitWifiFields(body)) {
    if (!/^S:/i.test(field)) continue;
    const value = field.slice(2);
    const isQuoted = value.length >= 2 && value.startsWith('"') && value.endsWith('"') && !value.endsWith('\\"');
    return (isQuoted ? value.slice(1, -1) : value).replace(/\\(.)/gsu, '$1');
  }
  return '';
}

/** Splits at every `;` that is not escaped, keeping the escapes for the caller to undo. */
function splitWifiFields(body: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let index = 0; index < body.length; index += 1) {
    const character = body.charAt(index);
    if (character === '\\') {
      current += body.slice(index, index + 2);
      index += 1;
    } else if (character === ';') {
      fields.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  fields.push(current);
  return fields;
}
