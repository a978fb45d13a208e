import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type ImportInput, type ImportProblem, findImporter } from '../../importers/index.js';
import { applyImport, previewImport } from '../../vault/index.js';
import type { Invocation } from '../invocation.js';
import { printJson } from '../printJson.js';
import { plural } from '../plural.js';
import { readInputFile } from '../readInputFile.js';
import { withUnlockedVault } from '../withUnlockedVault.js';

/**
 * `totp-vault import [--from FORMAT] FILE`: reads another app's export, detected from its content, and adds
 * its items in one transaction (all or nothing), skipping items whose codes the vault already holds unless
 * --keep-duplicates. The file is read and recognised before any password is asked for. The master password
 * comes first, then the export's own password if it is encrypted. The report never shows a secret.
 */
export async function importCommand(invocation: Invocation): Promise<void> {
  const { context, options, positionals, secrets } = invocation;
  const path = positionals[0] ?? '';
  const input: ImportInput = { fileName: basename(path), bytes: await readInputFile(path, 'the export'), companions: await readCompanions(path, options.keyfile) };
  const importer = findImporter(input, options.from);
  const dryRun = options['dry-run'] === true;
  await withUnlockedVault(invocation, async (vault) => {
    const password = importer.isEncrypted(input) ? await secrets.read(`Password of the ${importer.label} export`) : undefined;
    const result = await importer.read(input, password);
    const preview = previewImport(vault, result);
    const outcome = dryRun ? null : applyImport(vault, result, { keepDuplicates: options['keep-duplicates'] === true });
    if (options.json) {
      printJson(context.stdout, { ...preview, added: outcome?.added ?? 0, skippedDuplicates: outcome?.skippedDuplicates ?? 0 });
      return;
    }
    const lines = [`Read ${plural(preview.items, 'item')} with ${plural(preview.codes, 'one-time code')} from the ${importer.label} export ${input.fileName}${preview.trashed > 0 ? ` (${preview.trashed} trashed there: they go to the trash)` : ''}.`];
    if (preview.duplicates.length > 0) {
      const names = preview.duplicates.map(({ title }) => `"${title}"`).join(', ');
      lines.push(`Already in the vault: ${names}${outcome || dryRun ? ` (${options['keep-duplicates'] ? 'added anyway' : 'skipped; --keep-duplicates adds them anyway'})` : ''}.`);
    }
    if (outcome) lines.push(`Added ${plural(outcome.added, 'item')}.`);
    else lines.push('Nothing was added (--dry-run).');
    if (preview.problems.length > 0) lines.push(`${plural(preview.problems.length, 'thing')} not taken over as it was:`, ...preview.problems.map(describeProblem));
    context.stdout.write(`${lines.join('\n')}\n`);
  });
}

/**
 * The other files an export is read with (ImportInput.companions): an Enpass vault's vault.json, from beside
 * its .enpassdb file (when it is missing, the importer says so), and the --keyfile.
 */
async function readCompanions(path: string, keyfile: string | undefined): Promise<ReadonlyMap<string, Uint8Array>> {
  const companions = new Map<string, Uint8Array>();
  const info = join(dirname(path), 'vault.json');
  if (/\.enpassdb$/i.test(path) && existsSync(info)) companions.set('vault.json', await readInputFile(info, 'the Enpass vault settings'));
  if (keyfile !== undefined) companions.set(basename(keyfile), await readInputFile(keyfile, 'the keyfile'));
  return companions;
}

function describeProblem({ item, what, reason, kind }: ImportProblem): string {
  const where = item ? `"${item}", ${what}` : what;
  return `  - ${where}: ${kind === 'skipped' ? 'not imported' : 'left out'}: ${reason}`;
}
