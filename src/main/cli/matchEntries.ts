/** What a query is matched against. */
export interface Searchable {
  readonly id: string;
  /** Title, issuer, account, tags, … */
  readonly names: readonly string[];
}

/**
 * The entries a query picks: those with a name containing it (any case) or an id starting with it.
 * Names equal to the query win over names merely containing it, so `code github` picks "GitHub" even when
 * "GitHub Enterprise" exists. No query, or a blank one, picks everything.
 */
export function matchEntries<T>(entries: readonly T[], query: string | undefined, searchable: (entry: T) => Searchable): T[] {
  const needle = query?.trim().toLocaleLowerCase() ?? '';
  if (needle === '') return [...entries];
  const exact: T[] = [];
  const partial: T[] = [];
  for (const entry of entries) {
    const { id, names } = searchable(entry);
    const lowered = names.filter((name) => name !== '').map((name) => name.toLocaleLowerCase());
    if (id.toLowerCase() === needle || lowered.includes(needle)) exact.push(entry);
    else if (id.toLowerCase().startsWith(needle) || lowered.some((name) => name.includes(needle))) partial.push(entry);
  }
  return exact.length > 0 ? exact : partial;
}
