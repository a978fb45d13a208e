import { randomUUID } from 'node:crypto';
import type { OtpField } from '../../shared/item.js';
import type { OtpType } from '../../shared/otp.js';
import { formatOtpauthUri } from './formatOtpauthUri.js';
import type { OtpParameters } from './otpParameters.js';

/** The label a new one-time-code field gets, as Enpass names its TOTP field. */
export const OTP_FIELD_LABELS: Record<OtpType, string> = { totp: 'TOTP', hotp: 'HOTP', steam: 'Steam Guard' };

/**
 * A new OTP field holding `parameters` as a canonical URI, with a fresh id; named `label` when one is given
 * (an import keeps its source's), else after its type. What add, a scan and an import all store.
 */
export function newOtpField(parameters: OtpParameters, label?: string): OtpField {
  return { id: randomUUID(), label: label?.trim() || OTP_FIELD_LABELS[parameters.type], uri: formatOtpauthUri(parameters) };
}
