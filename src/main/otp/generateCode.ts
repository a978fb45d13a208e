import { HOTP } from 'otpauth';
import { VaultError } from '../../shared/errors.js';
import type { OtpCode } from '../../shared/otp.js';
import { cachedSecret } from './cachedSecret.js';
import type { OtpParameters } from './otpParameters.js';

/** Steam Guard's alphabet: digits and consonants that cannot be confused or spell words. */
const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

/** The code valid at `atMillis` (Unix milliseconds). For hotp, the code for `parameters.counter`. */
export function generateCode(parameters: OtpParameters, atMillis: number): OtpCode {
  return generateCodeAtStep(parameters, atMillis, 0);
}

/**
 * The code after the one valid at `atMillis`, which the UI shows during the last seconds of a period;
 * `remaining` counts to the end of that next period. For hotp, the code for `parameters.counter + 1`.
 */
export function generateNextCode(parameters: OtpParameters, atMillis: number): OtpCode {
  return generateCodeAtStep(parameters, atMillis, 1);
}

/**
 * TOTP is HOTP over floor(time / period) (RFC 6238 §4.2). The counter is computed here, once, in whole
 * milliseconds, so the code, the seconds left and the next code all agree at a period boundary.
 */
function generateCodeAtStep(parameters: OtpParameters, atMillis: number, step: 0 | 1): OtpCode {
  if (!Number.isFinite(atMillis) || atMillis < 0 || atMillis > Number.MAX_SAFE_INTEGER) {
    throw new VaultError('INVALID_PARAMETER', 'The time must be a non-negative number of milliseconds since 1970.');
  }
  if (parameters.type === 'hotp') {
    return { code: codeForCounter(parameters, parameters.counter + step), remaining: 0, period: 0 };
  }
  const periodMillis = parameters.period * 1000;
  const counter = Math.floor(atMillis / periodMillis) + step;
  const remaining = Math.ceil((periodMillis - (atMillis % periodMillis)) / 1000) + step * parameters.period;
  return { code: codeForCounter(parameters, counter), remaining, period: parameters.period };
}

function codeForCounter(parameters: OtpParameters, counter: number): string {
  const entry = cachedSecret(parameters.secret);
  const { type, algorithm, digits } = parameters;
  const last = entry.lastCode;
  if (last?.counter === counter && last.kind === type && last.algorithm === algorithm && last.digits === digits) {
    return last.code;
  }
  const secret = entry.secret;
  const code =
    type === 'steam'
      ? steamCode(HOTP.generate({ secret, algorithm, digits: 10, counter }), digits)
      : HOTP.generate({ secret, algorithm, digits, counter });
  entry.lastCode = { kind: type, algorithm, digits, counter, code };
  return code;
}

/**
 * otpauth has no Steam type. Steam takes the same 31-bit dynamically truncated value as HOTP and writes it in
 * base 26, least significant first. That value is below 10^10, so otpauth's HOTP with 10 digits returns it
 * whole, and the truncation stays inside otpauth.
 */
function steamCode(truncatedValue: string, length: number): string {
  let value = Number(truncatedValue);
  let code = '';
  for (let index = 0; index < length; index += 1) {
    code += STEAM_ALPHABET.charAt(value % STEAM_ALPHABET.length);
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}

