import type { CodeEntry, ItemSummary } from '../../shared/item.js';
import { foldForSearch, matchesTerms, queryTerms } from './foldForSearch.js';

interface RowBase {
  /** Unique in the list; for code rows also the live-code key. */
  readonly key: string;
  readonly itemId: string;
  readonly title: string;
  /** Issuer, account and field label as one line, without repeating the title. */
  readonly subtitle: string;
  readonly favorite: boolean;
  readonly tags: readonly string[];
  /** Title, issuer, account, username, email, tags and websites, folded once so typing stays fast at 10,000 rows. */
  readonly searchText: string;
}

export interface CodeRow extends RowBase {
  readonly kind: 'code';
  readonly fieldId: string;
  readonly entry: CodeEntry;
}

/** An item without any OTP field: listed so it can be found and opened, with no code. */
export interface ItemRow extends RowBase {
  readonly kind: 'item';
}

export type ListRow = CodeRow | ItemRow;

export function fieldKeyString(itemId: string, fieldId: string): string {
  return `${itemId}/${fieldId}`;
}

/** The code entry of one OTP field, as main's listEntries would give it (without a code). */
function codeEntryOf(summary: ItemSummary, field: ItemSummary['otp'][number]): CodeEntry {
  return {
    itemId: summary.id,
    fieldId: field.id,
    title: summary.title,
    issuer: field.summary.issuer,
    account: field.summary.account,
    tags: summary.tags,
    favorite: summary.favorite,
    summary: field.summary,
    current: null,
  };
}

function joinDistinct(parts: readonly string[], leaveOut: string): string {
  const seen = new Set([foldForSearch(leaveOut)]);
  const kept: string[] = [];
  for (const part of parts) {
    const folded = foldForSearch(part);
    if (folded === '' || seen.has(folded)) continue;
    seen.add(folded);
    kept.push(part.trim());
  }
  return kept.join(' · ');
}

/**
 * One row per OTP field plus one per item that has none, favourites first, then by title in the UI
 * language's alphabetical order. Built from the item summaries alone: they carry everything a code entry
 * does (issuer and account are in each field's summary) and the websites, usernames and field labels
 * besides, so the window asks main for one list, not two (at 10,000 items each answer is ~4 MB of JSON).
 */
export function buildRows(summaries: readonly ItemSummary[], locale: string): ListRow[] {
  const rows: ListRow[] = [];
  for (const summary of summaries) {
    if (summary.trashedAt !== null) continue;
    for (const field of summary.otp) {
      const entry = codeEntryOf(summary, field);
      const title = entry.title.trim() || entry.issuer.trim() || entry.account.trim();
      const searchable = [title, entry.issuer, entry.account, field.label, summary.username, summary.email, ...entry.tags, ...summary.websites];
      rows.push({
        kind: 'code',
        key: fieldKeyString(entry.itemId, entry.fieldId),
        itemId: entry.itemId,
        fieldId: entry.fieldId,
        entry,
        title,
        subtitle: joinDistinct([field.label, entry.issuer, entry.account], title),
        favorite: entry.favorite,
        tags: entry.tags,
        searchText: foldForSearch(searchable.join('\n')),
      });
    }
    if (summary.otp.length > 0) continue;
    const title = summary.title.trim() || summary.username.trim() || summary.email.trim();
    const searchable = [title, summary.username, summary.email, ...summary.tags, ...summary.websites];
    rows.push({
      kind: 'item',
      key: summary.id,
      itemId: summary.id,
      title,
      subtitle: joinDistinct([summary.username, summary.email, summary.websites[0] ?? ''], title),
      favorite: summary.favorite,
      tags: summary.tags,
      searchText: foldForSearch(searchable.join('\n')),
    });
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return rows.sort(
    (left, right) =>
      Number(right.favorite) - Number(left.favorite) ||
      collator.compare(left.title, right.title) ||
      collator.compare(left.subtitle, right.subtitle) ||
      (left.key < right.key ? -1 : left.key > right.key ? 1 : 0),
  );
}

/** The rows matching every word of the query and, when a tag is chosen, carrying that tag (any case). */
export function filterRows(rows: readonly ListRow[], query: string, tag: string | null): readonly ListRow[] {
  const terms = queryTerms(query);
  const foldedTag = tag === null ? null : foldForSearch(tag);
  if (terms.length === 0 && foldedTag === null) return rows;
  return rows.filter(
    (row) =>
      (foldedTag === null || row.tags.some((candidate) => foldForSearch(candidate) === foldedTag)) &&
      matchesTerms(row.searchText, terms),
  );
}

/** Every tag in use, once (first spelling wins), alphabetically. */
export function collectTags(rows: readonly ListRow[], locale: string): string[] {
  const byFolded = new Map<string, string>();
  for (const row of rows) {
    for (const tag of row.tags) {
      const folded = foldForSearch(tag);
      if (folded !== '' && !byFolded.has(folded)) byFolded.set(folded, tag.trim());
    }
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...byFolded.values()].sort(collator.compare);
}
