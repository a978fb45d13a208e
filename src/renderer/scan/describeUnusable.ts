import type { ErrorCode, ErrorInfo } from '../../shared/errors.js';
import { errorText } from '../i18n/describeError.js';
import type { PlainMessageKey, Translator } from '../i18n/translate.js';

/**
 * Why a screen, image or text held nothing to add, in the user's language. The scan's own codes get
 * messages written for a scan (a Microsoft push code explains the way to a code that works); any other
 * code (a broken otpauth link: INVALID_URI, INVALID_SECRET …) is told as everywhere else, its translated
 * summary with main's English detail.
 */
const SCAN_MESSAGES: Partial<Readonly<Record<ErrorCode, PlainMessageKey>>> = {
  MICROSOFT_PUSH_QR: 'scan.microsoftPush',
  QR_NOT_TOTP: 'scan.notTotp',
  QR_NOT_FOUND: 'scan.notFound',
};

export function describeUnusable(error: ErrorInfo, translator: Translator): string {
  const key = SCAN_MESSAGES[error.code];
  return key === undefined ? errorText(error, translator) : translator.t(key);
}
