import { VaultError } from '../../../shared/errors.js';
import type { Item } from '../../../shared/item.js';
import { parseOtpInput } from '../../otp/index.js';
import type { Invocation } from '../invocation.js';
import { matchEntries } from '../matchEntries.js';
import { printJson } from '../printJson.js';
import { quoteArgument } from '../quoteArgument.js';
import { shortId } from '../shortId.js';
import { UsageError } from '../usageError.js';
import { withUnlockedVault } from '../withUnlockedVault.js';

/** How many candidates an ambiguous query lists before "and N more". */
const LISTED_CANDIDATES = 8;

/**
 * `totp-vault rm QUERY [--purge]`: moves exactly one item to the trash, or deletes it for good. A query that
 * matches several items is refused: removing is the one command where a guess would hurt.
 */
export async function rmCommand(invocation: Invocation): Promise<void> {
  const { context, options, positionals } = invocation;
  const query = positionals[0] ?? '';
  const purge = options.purge ?? false;
  const removed = await withUnlockedVault(invocation, (vault) => {
    // Only --purge reaches into the trash: that is how a trashed item is deleted for good.
    const candidates = vault.items().filter((item) => purge || item.trashedAt === null);
    const matches = query.trim() === '' ? [] : matchEntries(candidates, query, (item) => ({ id: item.id, names: namesOf(item) }));
    const [item, ...others] = matches;
    if (!item) throw new VaultError('ITEM_NOT_FOUND', `Nothing matches ${quoteArgument(query)}; see \`totp-vault list\`.`);
    if (others.length > 0) throw ambiguous(query, matches);
    if (purge) vault.deleteItem(item.id);
    else vault.trashItem(item.id);
    return item;
  });
  const action = purge ? 'deleted' : 'trashed';
  if (options.json) {
    printJson(context.stdout, { id: removed.id, title: removed.title, action });
    return;
  }
  const name = `"${removed.title}" (${shortId(removed.id)})`;
  context.stdout.write(purge ? `Deleted ${name} for good.\n` : `Moved ${name} to the trash.\n`);
}

function namesOf(item: Item): string[] {
  const names = [item.title, item.username, ...item.tags];
  for (const field of item.otp) {
    try {
      const { issuer, account } = parseOtpInput(field.uri);
      names.push(issuer, account);
    } catch {
      // A field the vault accepted always parses; if one ever does not, it is still found by title.
    }
  }
  return names;
}

function ambiguous(query: string, matches: readonly Item[]): UsageError {
  const listed = matches.slice(0, LISTED_CANDIDATES).map((item) => `"${item.title}" (${shortId(item.id)})`);
  const more = matches.length > LISTED_CANDIDATES ? ` and ${matches.length - LISTED_CANDIDATES} more` : '';
  return new UsageError(`${quoteArgument(query)} matches ${matches.length} items: ${listed.join(', ')}${more}; give an id prefix or more of the name`, {
    pointsToHelp: false,
  });
}
