import { isVaultError } from '../../shared/errors.js';
import type { ItemContent, OtpField } from '../../shared/item.js';
import { type OtpInputDefaults, type OtpParameters, newOtpField, otpItemContent, parseOtpInput } from '../otp/index.js';
import type { ImportProblem } from './importTypes.js';

/**
 * An OTP field from what an export holds: a bare secret in any spacing and case, an otpauth:// URI, or
 * Bitwarden's steam://, checked by the same rules as the editor. An empty value is no field and no problem;
 * a value that cannot be read is a problem naming why (the parser's message), never an exception.
 */
export function readOtpField(
  itemTitle: string,
  value: string,
  options: { readonly label?: string | undefined; readonly defaults?: OtpInputDefaults } = {},
): { readonly field: OtpField | null; readonly problem: ImportProblem | null } {
  if (value.trim() === '') return { field: null, problem: null };
  try {
    return { field: newOtpField(parseOtpInput(value, options.defaults), options.label), problem: null };
  } catch (thrown) {
    if (!isVaultError(thrown)) throw thrown;
    return { field: null, problem: { item: itemTitle, what: options.label || 'TOTP', reason: thrown.message, kind: 'invalid' } };
  }
}

/**
 * An item for an authenticator app's account (Aegis, 2FAS, andOTP, …), which knows nothing but the account:
 * named and templated as a scanned QR code would be (otpItemHeading: a Microsoft issuer gets the Microsoft 365
 * template), the account as its username.
 */
export function authenticatorItem(parameters: OtpParameters, extra: Partial<ItemContent> = {}): ItemContent {
  const content = otpItemContent(parameters, { username: parameters.account });
  return { ...content, title: content.title || 'Imported account', ...extra };
}
