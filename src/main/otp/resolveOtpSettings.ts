import { VaultError } from '../../shared/errors.js';
import { OTP_ALGORITHMS, OTP_LIMITS, OTP_TYPES, type OtpAlgorithm, type OtpType } from '../../shared/otp.js';
import { quoteForMessage } from './quoteForMessage.js';

/** Settings as they arrive from a URI query, a form, the CLI or an import file: strings or numbers, maybe absent. */
export interface OtpSettingsInput {
  readonly type?: string | undefined;
  readonly algorithm?: string | undefined;
  readonly digits?: string | number | undefined;
  readonly period?: string | number | undefined;
  readonly counter?: string | number | undefined;
}

export interface OtpSettings {
  readonly type: OtpType;
  readonly algorithm: OtpAlgorithm;
  readonly digits: number;
  readonly period: number;
  readonly counter: number;
}

/** Google's Key URI Format defaults, which every authenticator app shares. */
const DEFAULTS = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;

/**
 * The one place OTP settings are checked, so a URI, a pasted secret with form values and an import file
 * all get the same rules and the same messages. Settings that do not apply to the type are ignored rather
 * than checked: exporters write `period` on hotp accounts, and Steam always uses 5 characters.
 */
export function resolveOtpSettings(input: OtpSettingsInput): OtpSettings {
  const type = resolveType(input.type);
  const isHotp = type === 'hotp';
  return {
    type,
    algorithm: resolveAlgorithm(input.algorithm),
    digits:
      type === 'steam'
        ? OTP_LIMITS.steamDigits
        : resolveWholeNumber('digits', input.digits, DEFAULTS.digits, OTP_LIMITS.minDigits, OTP_LIMITS.maxDigits, ''),
    period: isHotp
      ? 0
      : resolveWholeNumber(
          'period',
          input.period,
          DEFAULTS.period,
          OTP_LIMITS.minPeriodSeconds,
          OTP_LIMITS.maxPeriodSeconds,
          ' of seconds',
        ),
    counter: isHotp ? resolveWholeNumber('counter', input.counter, DEFAULTS.counter, 0, OTP_LIMITS.maxCounter, '') : 0,
  };
}

function isAbsent(value: string | number | undefined): value is undefined | '' {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

function resolveType(value: string | undefined): OtpType {
  if (isAbsent(value)) return DEFAULTS.type;
  const type = OTP_TYPES.find((known) => known === value.trim().toLowerCase());
  if (type === undefined) {
    throw new VaultError('INVALID_PARAMETER', `Unknown OTP type ${quoteForMessage(value.trim())}: use totp, hotp or steam.`);
  }
  return type;
}

/** Accepts the spellings found in the wild: sha1, SHA-256, sha_512, HmacSHA1. */
function resolveAlgorithm(value: string | undefined): OtpAlgorithm {
  if (isAbsent(value)) return DEFAULTS.algorithm;
  const spelling = value
    .toUpperCase()
    .replace(/[\s_-]/g, '')
    .replace(/^HMAC/, '');
  const algorithm = OTP_ALGORITHMS.find((known) => known === spelling);
  if (algorithm === undefined) {
    throw new VaultError(
      'INVALID_PARAMETER',
      `Unknown algorithm ${quoteForMessage(value.trim())}: use ${OTP_ALGORITHMS.slice(0, -1).join(', ')} or ${OTP_ALGORITHMS.at(-1)}.`,
    );
  }
  return algorithm;
}

/** Plain decimal digits only: "1e9", "30s", "-30" and "6.0" are what a broken exporter writes, not numbers to guess at. */
function resolveWholeNumber(
  name: string,
  value: string | number | undefined,
  fallback: number,
  minimum: number,
  maximum: number,
  unit: string,
): number {
  if (isAbsent(value)) return fallback;
  const number = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < minimum || number > maximum) {
    throw new VaultError(
      'INVALID_PARAMETER',
      `Invalid ${name} ${quoteForMessage(String(value).trim())}: use a whole number${unit} from ${minimum} to ${maximum}.`,
    );
  }
  return number;
}
