/** The first 8 characters of an item id: what tables show and what `code`/`rm` accept as a prefix. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
