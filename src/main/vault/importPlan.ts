import type { ImportOutcomeView, ImportPreviewView } from '../../shared/api.js';
import type { ImportResult, ImportedItem } from '../importers/index.js';
import { describeOtpAccount, parseOtpauthUri } from '../otp/index.js';
import { type Vault, accountKey } from './vault.js';

/** What an import would do, shown before anything is written (the window's preview, less its id). Never a secret. */
export type ImportPreview = Omit<Extract<ImportPreviewView, { kind: 'preview' }>, 'kind' | 'importId' | 'label'>;

export type ImportOutcome = ImportOutcomeView;

/**
 * Previews an import against `vault`, and carries it out with the user's choice about duplicates: an item
 * is a duplicate when it has codes and each of them is an account (same secret, issuer and account) the
 * vault already holds, or an earlier item of the same file brings. Items without codes are never duplicates.
 */
export function previewImport(vault: Vault, result: ImportResult): ImportPreview {
  const duplicates = duplicateItems(vault, result.items);
  return {
    format: result.format,
    items: result.items.length,
    trashed: result.items.filter((item) => item.trashed).length,
    codes: result.items.reduce((sum, item) => sum + item.content.otp.length, 0),
    duplicates: [...duplicates].map((item) => ({ title: item.content.title, accounts: item.content.otp.map(({ uri }) => describeOtpAccount(parseOtpauthUri(uri))) })),
    problems: result.problems,
  };
}

/** Saves the import in one transaction: all of it or nothing. */
export function applyImport(vault: Vault, result: ImportResult, options: { readonly keepDuplicates: boolean }): ImportOutcome {
  const duplicates = options.keepDuplicates ? new Set<ImportedItem>() : duplicateItems(vault, result.items);
  const kept = result.items.filter((item) => !duplicates.has(item));
  vault.importItems(kept.map(({ content, trashed, createdAt, updatedAt, trashedAt }) => ({ content, trashed, createdAt, updatedAt, trashedAt: trashedAt ?? null })));
  return { added: kept.length, skippedDuplicates: duplicates.size };
}

function duplicateItems(vault: Vault, items: readonly ImportedItem[]): Set<ImportedItem> {
  const seen = new Set<string>();
  const duplicates = new Set<ImportedItem>();
  const accountsOf = items.map((item) => item.content.otp.map(({ uri }) => parseOtpauthUri(uri)));
  // Asked all at once: the vault checks for other writers once, not once per account.
  const inVault = vault.duplicatesOfEach(accountsOf.flat()).map((fields) => fields.length > 0);
  let next = 0;
  for (const [itemIndex, item] of items.entries()) {
    const accounts = accountsOf[itemIndex]!;
    const held = accounts.map(() => inVault[next++]!);
    const keys = accounts.map(accountKey);
    const isDuplicate = accounts.length > 0 && keys.every((key, index) => seen.has(key) || held[index]!);
    if (isDuplicate) duplicates.add(item);
    for (const key of keys) seen.add(key);
  }
  return duplicates;
}

