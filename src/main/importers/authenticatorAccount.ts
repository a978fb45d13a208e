import { isVaultError } from '../../shared/errors.js';
import type { ItemContent } from '../../shared/item.js';
import { OTP_TYPES } from '../../shared/otp.js';
import { type OtpInputDefaults, parseOtpInput, quoteForMessage } from '../otp/index.js';
import { authenticatorItem } from './importedItem.js';
import type { ImportedItem, ImportProblem } from './importTypes.js';

/** One account as an authenticator app's export describes it, before any checking. */
export interface AuthenticatorAccount {
  /** The secret as written in the file: base32 in any case and spacing, with or without padding. */
  readonly secret: string;
  /** Type ("totp", "hotp", "steam", in any case), algorithm, digits, period, counter, issuer and account. */
  readonly settings: OtpInputDefaults;
  readonly tags?: readonly string[];
  readonly notes?: string;
  readonly favorite?: boolean;
  /** Unix milliseconds, when the export says. */
  readonly updatedAt?: number | null;
}

export type AccountOutcome = { readonly item: ImportedItem } | { readonly problem: ImportProblem };

/**
 * Checks an account by the editor's rules (parseOtpInput) and makes it an item. An account that cannot be
 * used (an unknown type, a secret that is not base32, absurd digits) is a skipped problem with the parser's
 * own message, so one bad entry never stops the rest of the file.
 *
 * Why not readOtpField: that gives back the field only, and authenticatorItem needs the parameters to name
 * the item; parsing the field's URI again would be the same work twice.
 */
export function readAuthenticatorAccount(account: AuthenticatorAccount): AccountOutcome {
  const { settings } = account;
  const type = settings.type?.trim().toLowerCase();
  if (type !== undefined && type !== '' && !(OTP_TYPES as readonly string[]).includes(type)) {
    const reason = `${quoteForMessage(settings.type ?? '')} accounts are not supported: only TOTP, HOTP and Steam are.`;
    return { problem: skippedAccount(accountTitle(settings), reason) };
  }
  try {
    const parameters = parseOtpInput(account.secret, { ...settings, type });
    const extra: Partial<ItemContent> = {
      tags: account.tags ?? [],
      notes: account.notes ?? '',
      favorite: account.favorite ?? false,
    };
    const content = authenticatorItem(parameters, extra);
    return { item: { content, trashed: false, createdAt: null, updatedAt: account.updatedAt ?? null } };
  } catch (thrown) {
    if (!isVaultError(thrown)) throw thrown;
    return { problem: skippedAccount(accountTitle(settings), thrown.message) };
  }
}

/** A problem for an account left out entirely: for an authenticator app, the account is the whole item. */
export function skippedAccount(title: string, reason: string): ImportProblem {
  return { item: title, what: 'item', reason, kind: 'skipped' };
}

/** How the source app titles an account, for problems: its issuer, else its account name. */
export function accountTitle(settings: Pick<OtpInputDefaults, 'issuer' | 'account'>): string {
  return settings.issuer?.trim() || settings.account?.trim() || '';
}

/** Items and problems from a list of outcomes, in file order. */
export function collectAccounts(outcomes: readonly AccountOutcome[]): { items: ImportedItem[]; problems: ImportProblem[] } {
  const items: ImportedItem[] = [];
  const problems: ImportProblem[] = [];
  for (const outcome of outcomes) {
    if ('item' in outcome) items.push(outcome.item);
    else problems.push(outcome.problem);
  }
  return { items, problems };
}
