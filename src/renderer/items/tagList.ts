import { foldForSearch } from '../codes/foldForSearch.js';

/** Adds the comma-separated tags in `text` to `tags`, skipping blanks and any already there in another case. */
export function addTags(tags: readonly string[], text: string): string[] {
  const result = [...tags];
  const seen = new Set(tags.map(foldForSearch));
  for (const part of text.split(',')) {
    const tag = part.trim().replace(/\s+/gu, ' ');
    const folded = foldForSearch(tag);
    if (folded === '' || seen.has(folded)) continue;
    seen.add(folded);
    result.push(tag);
  }
  return result;
}
