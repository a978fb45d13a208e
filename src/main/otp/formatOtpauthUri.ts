import type { OtpParameters } from './otpParameters.js';

/**
 * Writes the canonical otpauth URI for parameters:
 * `otpauth://TYPE/LABEL?secret=…&issuer=…&algorithm=…&digits=…&period=…` (hotp: counter instead of period),
 * then the unknown parameters in their original order. `parseOtpauthUri` reads it back to equal parameters.
 */
export function formatOtpauthUri(parameters: OtpParameters): string {
  const query: (readonly [string, string])[] = [['secret', parameters.secret]];
  if (parameters.issuer !== '') query.push(['issuer', parameters.issuer]);
  query.push(['algorithm', parameters.algorithm], ['digits', String(parameters.digits)]);
  query.push(parameters.type === 'hotp' ? ['counter', String(parameters.counter)] : ['period', String(parameters.period)]);
  query.push(...parameters.extra);
  const encodedQuery = query.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
  return `otpauth://${parameters.type}/${formatLabel(parameters)}?${encodedQuery}`;
}

/**
 * Only the label prefix that was there is written: adding the issuer where the label had none would change
 * the parameters on the way back. parseOtpInput sets both for accounts we create, so our own URIs carry the
 * prefix that older authenticator apps rely on.
 */
function formatLabel(parameters: OtpParameters): string {
  const account = encodeURIComponent(parameters.account);
  if (parameters.labelIssuer !== '') {
    return `${encodeURIComponent(parameters.labelIssuer)}:${account}`;
  }
  // Without a prefix, a colon in the account would be read back as the separator; an empty prefix keeps it whole.
  return parameters.account.includes(':') ? `:${account}` : account;
}
