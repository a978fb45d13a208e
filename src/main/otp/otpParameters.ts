import type { OtpAlgorithm, OtpSummary, OtpType } from '../../shared/otp.js';

/**
 * One OTP account, secret included. Main-process only: the renderer gets an OtpSummary.
 *
 * Every producer in this module returns parameters in one normal form, which is what makes
 * `parseOtpauthUri(formatOtpauthUri(p))` give back `p`:
 * - text fields are trimmed;
 * - `issuer` is '' only when `labelIssuer` is '' too (the label prefix stands in for a missing issuer);
 * - hotp has `period` 0; totp and steam have `counter` 0; steam has 5 digits.
 */
export interface OtpParameters {
  readonly type: OtpType;
  /** Normalised base32: upper-case, no padding, no separators. */
  readonly secret: string;
  /** '' if none. */
  readonly issuer: string;
  /**
   * The issuer prefix as written in the label, '' if none. Kept apart from `issuer` because the two may
   * differ (Microsoft Entra labels "Contoso:alice@contoso.com" with issuer=Microsoft) and a round trip keeps both.
   */
  readonly labelIssuer: string;
  readonly account: string;
  readonly algorithm: OtpAlgorithm;
  readonly digits: number;
  /** Seconds per code for totp and steam; 0 for hotp. */
  readonly period: number;
  /** The next counter value for hotp; 0 otherwise. */
  readonly counter: number;
  /** Query parameters we do not understand (image, icon, color, …), in their original order. */
  readonly extra: readonly (readonly [string, string])[];
}

/** An account as messages name it: "Issuer (account)", or whichever of the two it has. */
export function describeOtpAccount({ issuer, account }: Pick<OtpParameters, 'issuer' | 'account'>): string {
  return issuer && account ? `${issuer} (${account})` : issuer || account || 'an account without a name';
}

/** What the UI may see of an account: everything but the secret, the label prefix and unknown parameters. */
export function toOtpSummary(parameters: OtpParameters): OtpSummary {
  const isHotp = parameters.type === 'hotp';
  return {
    type: parameters.type,
    issuer: parameters.issuer,
    account: parameters.account,
    algorithm: parameters.algorithm,
    digits: parameters.digits,
    period: isHotp ? 0 : parameters.period,
    counter: isHotp ? parameters.counter : 0,
  };
}
