import type { OtpParameters } from './otpParameters.js';
import { normaliseSecret } from './normaliseSecret.js';
import { parseOtpauthUri } from './parseOtpauthUri.js';
import { resolveOtpSettings, type OtpSettingsInput } from './resolveOtpSettings.js';
import { trimPastedText } from './trimPastedText.js';

/** What a form or the CLI knows about the account besides the text in the secret field. */
export interface OtpInputDefaults extends OtpSettingsInput {
  readonly issuer?: string | undefined;
  readonly account?: string | undefined;
}

/** A secret never contains "://", so anything that starts like a URI is treated as one. */
const URI_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/** Bitwarden stores Steam Guard secrets as `steam://SECRET`. */
const STEAM_PREFIX = /^steam:\/\//i;

/**
 * Reads what a user put into a secret field: a bare secret (any spacing, case, dashes or quotes), an
 * otpauth:// URI, or Bitwarden's steam:// form. A URI describes itself, so `defaults` apply only to a bare
 * secret; they are checked by the same rules, with the same messages, as URI parameters.
 */
export function parseOtpInput(text: string, defaults: OtpInputDefaults = {}): OtpParameters {
  const pasted = trimPastedText(text);
  const isSteam = STEAM_PREFIX.test(pasted);
  if (!isSteam && URI_SCHEME.test(pasted)) {
    // parseOtpauthUri also explains what other URIs (web links, migration exports) are.
    return parseOtpauthUri(pasted);
  }
  const secret = normaliseSecret(isSteam ? pasted.slice('steam://'.length) : pasted);
  const settings = resolveOtpSettings({
    type: isSteam ? 'steam' : defaults.type,
    algorithm: defaults.algorithm,
    digits: defaults.digits,
    period: defaults.period,
    counter: defaults.counter,
  });
  const issuer = defaults.issuer?.trim() ?? '';
  // The issuer also goes into the label prefix: older authenticator apps read only the label.
  return { ...settings, secret, issuer, labelIssuer: issuer, account: defaults.account?.trim() ?? '', extra: [] };
}
