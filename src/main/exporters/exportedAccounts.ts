import type { Item } from '../../shared/item.js';
import { type OtpParameters, parseOtpauthUri } from '../otp/index.js';

/** One OTP field of a live item, ready for a format that knows accounts rather than items. */
export interface ExportedAccount {
  readonly item: Item;
  readonly parameters: OtpParameters;
}

/**
 * Every OTP field of every item not in the trash, in the vault's order. An account without an issuer takes
 * its item's title as issuer, because authenticator apps name an account by its issuer and would otherwise
 * show a secret pasted into an item called "Topdesk" as a blank row; not when the title is only the account
 * name again (what an import titles an issuer-less account), which would change the account for nothing.
 */
export function exportedAccounts(items: readonly Item[]): ExportedAccount[] {
  return items
    .filter((item) => item.trashedAt === null)
    .flatMap((item) => item.otp.map((field) => ({ item, parameters: withIssuer(parseOtpauthUri(field.uri), item.title) })));
}

function withIssuer(parameters: OtpParameters, title: string): OtpParameters {
  const name = title.trim();
  if (parameters.issuer !== '' || name === '' || name.toLocaleLowerCase() === parameters.account.trim().toLocaleLowerCase()) return parameters;
  return { ...parameters, issuer: name };
}

/** How many items the accounts come from. */
export function countItems(accounts: readonly ExportedAccount[]): number {
  return new Set(accounts.map(({ item }) => item)).size;
}
