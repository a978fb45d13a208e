import { currentMillis } from '../currentMillis.js';
import { formatTable } from '../formatTable.js';
import type { Invocation } from '../invocation.js';
import { toListEntry } from '../listEntry.js';
import { printJson } from '../printJson.js';
import { shortId } from '../shortId.js';
import { withUnlockedVault } from '../withUnlockedVault.js';

const HEADER = ['ID', 'TITLE', 'ISSUER', 'ACCOUNT', 'TYPE', 'TAGS'];

/** `totp-vault list`: one row per OTP field of every item not in the trash. Never a secret or a code. */
export async function listCommand(invocation: Invocation): Promise<void> {
  const { context, options } = invocation;
  const entries = await withUnlockedVault(invocation, (vault) => vault.codes(currentMillis(vault, context)).map(toListEntry));
  if (options.json) {
    printJson(context.stdout, entries);
    return;
  }
  if (entries.length === 0) {
    context.stderr.write('The vault has no one-time codes yet; add one with `totp-vault add`.\n');
    return;
  }
  const rows = entries.map((entry) => [shortId(entry.id), entry.title, entry.issuer, entry.account, entry.type, entry.tags.join(', ')]);
  context.stdout.write(formatTable([HEADER, ...rows]));
}
