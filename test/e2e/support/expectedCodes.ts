/**
 * The codes the page may rightly show for a secret, from the independent RFC 6238 implementation.
 * The page refreshes its codes just after each whole second and reading one takes a moment, so for the
 * first seconds of a period the previous period's code is accepted too; at any other time only one code
 * is right.
 */
import { decodeBase32, totp } from '../../support/rfc6238.js';

const GRACE_SECONDS = 3;

export interface TotpParameters {
  readonly digits?: number;
  readonly period?: number;
  readonly algorithm?: string;
}

export function acceptableCodes(secret: string, parameters: TotpParameters = {}, atMilliseconds = Date.now()): string[] {
  const key = decodeBase32(secret);
  const period = parameters.period ?? 30;
  const seconds = atMilliseconds / 1000;
  const codes = [totp(key, seconds, parameters)];
  if (seconds % period < GRACE_SECONDS) codes.push(totp(key, seconds - period, parameters));
  return codes;
}

/** "123 456" → "123456": the page groups digits for reading; the clipboard gets them without spaces. */
export function withoutSpaces(code: string): string {
  return code.replace(/\s/g, '');
}

/**
 * Waits out the last seconds of a period, so that a code read now and a code copied a moment later come
 * from the same period. The only fixed wait in the suite: nothing on the page can be watched for it.
 */
export async function awayFromPeriodEdge(period = 30, marginSeconds = 5): Promise<void> {
  const intoPeriod = (Date.now() / 1000) % period;
  if (period - intoPeriod >= marginSeconds) return;
  await new Promise((resolve) => setTimeout(resolve, (period - intoPeriod + 0.5) * 1000));
}
