import { randomUUID } from 'node:crypto';
import { type ItemContent, emptyItemContent } from '../../shared/item.js';
import type { OtpType } from '../../shared/otp.js';
import { type OtpParameters, formatOtpauthUri } from '../otp/index.js';

/** The label a new one-time-code field gets, as Enpass names its TOTP field. */
export const OTP_FIELD_LABELS: Record<OtpType, string> = { totp: 'TOTP', hotp: 'HOTP', steam: 'Steam Guard' };

export interface OtpItemDetails {
  readonly title?: string | undefined;
  readonly username?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly favorite?: boolean | undefined;
}

/**
 * A new Login item holding one account, as `add`, a scanned QR code and an import create it: named after
 * its issuer (else its account) unless a title is given; the Microsoft 365 / Entra template when the issuer
 * is Microsoft, whose sign-in pages are where staff meet it.
 */
export function otpItemContent(parameters: OtpParameters, details: OtpItemDetails = {}): ItemContent {
  const title = [details.title, parameters.issuer, parameters.account].map((candidate) => candidate?.trim() ?? '').find((candidate) => candidate !== '') ?? '';
  return {
    ...emptyItemContent(isMicrosoft(parameters) ? 'microsoft365' : 'login'),
    title,
    username: details.username ?? '',
    tags: details.tags ?? [],
    favorite: details.favorite ?? false,
    otp: [{ id: randomUUID(), label: OTP_FIELD_LABELS[parameters.type], uri: formatOtpauthUri(parameters) }],
  };
}

function isMicrosoft(parameters: OtpParameters): boolean {
  return /^microsoft\b/i.test(parameters.issuer.trim());
}
