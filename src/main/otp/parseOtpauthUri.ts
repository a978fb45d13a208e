import { VaultError } from '../../shared/errors.js';
import { OTP_LIMITS } from '../../shared/otp.js';
import { normaliseSecret } from './normaliseSecret.js';
import type { OtpParameters } from './otpParameters.js';
import { quoteForMessage } from './quoteForMessage.js';
import { resolveOtpSettings } from './resolveOtpSettings.js';

const OTPAUTH_PREFIX = /^otpauth:\/\//i;

/** Parameters we interpret; everything else is kept in `extra` so it survives a round trip. */
const KNOWN_PARAMETERS = new Set(['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter']);

/**
 * Parses an otpauth:// URI after Google's Key Uri Format, tolerant of what real QR codes and exports send:
 * any case in scheme, type and algorithm, `+` or `%20` for spaces, a missing label, padding and lower case
 * in the secret, Ente/Aegis's `encoder=steam`.
 *
 * Parsed by hand rather than with `URL`: WHATWG URL rules for unknown schemes re-encode raw UTF-8,
 * treat `#` as a fragment and throw away the distinction between the label's `:` and `%3A` that we need.
 */
export function parseOtpauthUri(text: string): OtpParameters {
  const uri = text.trim();
  if (uri.length > OTP_LIMITS.maxUriCharacters) {
    throw new VaultError(
      'INVALID_URI',
      `The otpauth URI is too long: ${uri.length} characters (at most ${OTP_LIMITS.maxUriCharacters}).`,
    );
  }
  if (!OTPAUTH_PREFIX.test(uri)) {
    throw new VaultError('INVALID_URI', describeNonOtpauthText(uri));
  }
  const rest = uri.slice('otpauth://'.length);
  const queryStart = rest.indexOf('?');
  const path = queryStart === -1 ? rest : rest.slice(0, queryStart);
  const slash = path.indexOf('/');
  const { labelIssuer, account } = parseLabel(slash === -1 ? '' : path.slice(slash + 1));
  const { known, extra, isSteam } = parseQuery(queryStart === -1 ? '' : rest.slice(queryStart + 1));

  const secret = known.get('secret') ?? '';
  if (secret.trim() === '') {
    throw new VaultError('INVALID_URI', 'The otpauth URI has no secret.');
  }
  const settings = resolveOtpSettings({
    type: isSteam ? 'steam' : slash === -1 ? path : path.slice(0, slash),
    algorithm: known.get('algorithm'),
    digits: known.get('digits'),
    period: known.get('period'),
    counter: known.get('counter'),
  });
  return {
    ...settings,
    secret: normaliseSecret(secret),
    // The issuer parameter wins: Entra's label prefix names the tenant, its issuer names the service.
    issuer: known.get('issuer')?.trim() || labelIssuer,
    labelIssuer,
    account,
    extra,
  };
}

function describeNonOtpauthText(text: string): string {
  if (/^otpauth-migration:/i.test(text)) {
    return 'This is a Google Authenticator export (otpauth-migration://); import it instead.';
  }
  if (/^https?:/i.test(text)) {
    return 'This is a web link, not an otpauth:// URI.';
  }
  return 'This is not an otpauth:// URI.';
}

/**
 * Splits "Issuer:account" at the first literal colon, else at the first %3A (some generators encode the
 * whole label). Preferring the literal colon lets an issuer that itself contains an encoded colon round-trip.
 */
function parseLabel(rawLabel: string): { labelIssuer: string; account: string } {
  const colon = rawLabel.indexOf(':');
  const encodedColon = colon === -1 ? rawLabel.search(/%3A/i) : -1;
  if (colon === -1 && encodedColon === -1) {
    return { labelIssuer: '', account: decodeComponent(rawLabel, 'its label').trim() };
  }
  const [end, separatorLength] = colon === -1 ? [encodedColon, 3] : [colon, 1];
  return {
    labelIssuer: decodeComponent(rawLabel.slice(0, end), 'its label').trim(),
    account: decodeComponent(rawLabel.slice(end + separatorLength), 'its label').trim(),
  };
}

interface ParsedQuery {
  /** First value of each known parameter, by lower-case name. */
  readonly known: Map<string, string>;
  readonly extra: (readonly [string, string])[];
  readonly isSteam: boolean;
}

function parseQuery(query: string): ParsedQuery {
  const known = new Map<string, string>();
  const extra: (readonly [string, string])[] = [];
  let isSteam = false;
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    const name = decodeComponent(equals === -1 ? pair : pair.slice(0, equals), 'a parameter name');
    if (name === '') continue;
    const value = decodeComponent(equals === -1 ? '' : pair.slice(equals + 1), () => `the ${quoteForMessage(name)} parameter`);
    const key = name.toLowerCase();
    if (KNOWN_PARAMETERS.has(key)) {
      // First wins, as in Google Authenticator; a later duplicate is dropped rather than kept as unknown.
      if (!known.has(key)) known.set(key, value);
    } else if (key === 'encoder' && value.trim().toLowerCase() === 'steam') {
      // Ente and Aegis write Steam as totp plus encoder=steam; we carry it as the steam type instead.
      isSteam = true;
    } else {
      extra.push([name, value]);
    }
  }
  return { known, extra, isSteam };
}

/** `+` means space in labels and values alike (form encoding); a broken %-escape is bad input, not a URIError. */
function decodeComponent(raw: string, where: string | (() => string)): string {
  // Most components need no decoding; skipping the call keeps parsing 10,000 URIs at unlock cheap.
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    // The place is described only on failure: quoting a name for a message is costly on the hot path.
    throw new VaultError('INVALID_URI', `The otpauth URI has a broken %-escape in ${typeof where === 'string' ? where : where()}.`);
  }
}
