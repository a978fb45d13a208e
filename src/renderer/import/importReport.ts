import type { ImportOutcomeView, ImportPreviewView } from '../../shared/api.js';
import type { Translator } from '../i18n/translate.js';

type ImportCounts = Pick<Extract<ImportPreviewView, { kind: 'preview' }>, 'items' | 'codes' | 'trashed'>;

/** "14 items, 12 one-time codes, 2 in the trash": what a file holds, the trash left out when empty. */
export function describeImportCounts({ items, codes, trashed }: ImportCounts, translator: Translator): string {
  const parts = [translator.plural('import.items', items), translator.plural('import.codes', codes)];
  if (trashed > 0) parts.push(translator.t('import.inTrash', { count: trashed }));
  return parts.join(', ');
}

/** "13 items added, 1 skipped.": what an applied import did, for the dialog's report and its notification. */
export function describeImportOutcome({ added, skippedDuplicates }: ImportOutcomeView, translator: Translator): string {
  return skippedDuplicates === 0
    ? translator.plural('import.done', added)
    : translator.plural('import.doneSkipped', added, { skipped: skippedDuplicates });
}
