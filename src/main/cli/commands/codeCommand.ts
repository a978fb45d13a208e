import { VaultError } from '../../../shared/errors.js';
import type { CodeEntry } from '../../../shared/item.js';
import type { OtpCode } from '../../../shared/otp.js';
import type { Vault } from '../../vault/index.js';
import { currentMillis } from '../currentMillis.js';
import { formatTable } from '../formatTable.js';
import { groupCode } from '../../../shared/groupCode.js';
import type { Invocation } from '../invocation.js';
import { matchEntries } from '../matchEntries.js';
import { parseWholeNumber } from '../parseWholeNumber.js';
import { printJson } from '../printJson.js';
import { quoteArgument } from '../quoteArgument.js';
import { shortId } from '../shortId.js';
import { withUnlockedVault } from '../withUnlockedVault.js';

/**
 * `totp-vault code [QUERY] [--at UNIX_SECONDS]`. With exactly one match the human output is the bare code
 * and nothing else, so `totp-vault code github | clip` copies just the code.
 */
export async function codeCommand(invocation: Invocation): Promise<void> {
  const { context, options, positionals } = invocation;
  const query = positionals[0];
  const at = options.at === undefined ? undefined : parseWholeNumber('--at', options.at, 0, Math.floor(Number.MAX_SAFE_INTEGER / 1000)) * 1000;
  const shown = await withUnlockedVault(invocation, (vault) => {
    const entries = vault.codes(at ?? currentMillis(vault, context));
    const matches = matchEntries(entries, query, (entry) => ({
      id: entry.itemId,
      names: [entry.title, entry.issuer, entry.account, ...entry.tags],
    }));
    if (matches.length === 0) throw noMatch(query, entries.length);
    return matches.map((entry) => ({ entry, code: codeOf(vault, entry, matches.length === 1) }));
  });
  if (options.json) {
    printJson(
      context.stdout,
      shown.map(({ entry, code }) => ({
        id: entry.itemId,
        title: entry.title,
        issuer: entry.issuer,
        account: entry.account,
        code: code?.code ?? null,
        remaining: code?.remaining ?? null,
        period: entry.summary.period,
      })),
    );
    return;
  }
  const [only] = shown;
  if (shown.length === 1 && only?.code) {
    context.stdout.write(`${only.code.code}\n`);
    return;
  }
  const rows = shown.map(({ entry, code }) => [
    entry.title,
    [entry.issuer, entry.account].filter((part) => part !== '').join(' / '),
    code ? groupCode(code.code) : '(HOTP)',
    code ? (code.period > 0 ? `${code.remaining}s` : '') : `next code: totp-vault code ${shortId(entry.itemId)}`,
  ]);
  context.stdout.write(formatTable(rows));
}

/**
 * HOTP codes are used up once shown, and a server accepts only a few codes ahead of the last one used;
 * so an HOTP code is generated (and its counter advanced) only when that entry is the one asked for.
 */
function codeOf(vault: Vault, entry: CodeEntry, onlyMatch: boolean): OtpCode | null {
  if (entry.current) return entry.current;
  return onlyMatch ? vault.nextHotpCode(entry.itemId, entry.fieldId) : null;
}

function noMatch(query: string | undefined, entryCount: number): VaultError {
  if (entryCount === 0) return new VaultError('ITEM_NOT_FOUND', 'The vault has no one-time codes yet; add one with `totp-vault add`.');
  return new VaultError('ITEM_NOT_FOUND', `Nothing matches ${quoteArgument(query ?? '')}; see \`totp-vault list\`.`);
}
