import type { ImportProblem } from './importTypes.js';
import type { OtpField } from '../../shared/item.js';
import { readOtpField } from './importedItem.js';

const STEAM_PREFIX = /^\s*steam:\/\//i;

/**
 * A Bitwarden login's `totp`, in the JSON and the CSV export alike: an otpauth:// URI, a bare base32 secret
 * (Bitwarden then shows SHA1/6/30) or `steam://SECRET`. A URI names its own account; for the other two the
 * login supplies it: the item's name as the issuer and its username as the account, except that Steam is
 * issuer "Steam", account "Steam account" when the login has no username (as Aegis imports it).
 */
export function bitwardenTotp(
  title: string,
  username: string,
  totp: string,
): { readonly field: OtpField | null; readonly problem: ImportProblem | null } {
  const defaults = STEAM_PREFIX.test(totp)
    ? { issuer: 'Steam', account: username.trim() || 'Steam account' }
    : { issuer: title, account: username };
  return readOtpField(title, totp, { defaults });
}
