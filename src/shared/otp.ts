/** One-time-password vocabulary shared by main and the renderer. Never carries a secret. */

export const OTP_TYPES = ['totp', 'hotp', 'steam'] as const;
export type OtpType = (typeof OTP_TYPES)[number];

export const OTP_ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export type OtpAlgorithm = (typeof OTP_ALGORITHMS)[number];

/** Bounds beyond which a parameter is absurd rather than unusual. */
export const OTP_LIMITS = {
  minDigits: 6,
  maxDigits: 10,
  steamDigits: 5,
  minPeriodSeconds: 1,
  maxPeriodSeconds: 86_400,
  maxCounter: Number.MAX_SAFE_INTEGER,
  maxSecretCharacters: 1024,
  maxUriCharacters: 8192,
} as const;

/** An OTP account as the UI may see it: everything but the secret. */
export interface OtpSummary {
  readonly type: OtpType;
  readonly issuer: string;
  readonly account: string;
  readonly algorithm: OtpAlgorithm;
  readonly digits: number;
  /** Seconds per code for totp and steam; 0 for hotp. */
  readonly period: number;
  /** The next counter value for hotp; 0 otherwise. */
  readonly counter: number;
}

/** A live code for one OTP field. */
export interface OtpCode {
  readonly code: string;
  /** Whole seconds until this code expires (totp, steam); 0 for hotp. */
  readonly remaining: number;
  readonly period: number;
}
