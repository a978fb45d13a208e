import type { OtpSummary, OtpType } from '../../shared/otp.js';
import type { PlainMessageKey, Translator } from '../i18n/translate.js';

const TYPE_KEYS: Readonly<Record<OtpType, PlainMessageKey>> = {
  totp: 'otpType.totp',
  hotp: 'otpType.hotp',
  steam: 'otpType.steam',
};

/** "Time-based · SHA1 · 6 digits · every 30 s", or the counter for HOTP. */
export function describeOtpSummary(summary: OtpSummary, translator: Translator): string {
  const type = translator.t(TYPE_KEYS[summary.type]);
  return summary.type === 'hotp'
    ? translator.t('details.summaryHotp', { type, algorithm: summary.algorithm, digits: summary.digits, counter: summary.counter })
    : translator.t('details.summary', { type, algorithm: summary.algorithm, digits: summary.digits, period: summary.period });
}
