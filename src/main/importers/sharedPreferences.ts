/**
 * Android SharedPreferences XML (`<map><string name="k">value</string>…</map>`), read by hand: the files are
 * small and flat, written by one serializer (FastXmlSerializer) that escapes the five XML entities and writes
 * no CDATA, comments inside values or namespaces, so a regular expression over `<string>` elements is exact.
 */

const STRING_ELEMENT = /<string\b([^>]*?)(?:\/>|>([\s\S]*?)<\/string\s*>)/g;
const NAME_ATTRIBUTE = /\bname\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(quot|apos|amp|lt|gt));/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>' };

/** The `<string>` preferences by name, values unescaped; the first of repeated names wins. */
export function readPreferenceStrings(xml: string): Map<string, string> {
  const strings = new Map<string, string>();
  for (const match of xml.matchAll(STRING_ELEMENT)) {
    const name = NAME_ATTRIBUTE.exec(match[1] ?? '');
    if (name === null) continue;
    const key = unescapeXml(name[1] ?? name[2] ?? '');
    if (!strings.has(key)) strings.set(key, unescapeXml(match[2] ?? ''));
  }
  return strings;
}

/** Replaces character and entity references; an unknown or out-of-range reference is left as written. */
export function unescapeXml(text: string): string {
  return text.replace(ENTITY, (reference, decimal?: string, hexadecimal?: string, named?: string) => {
    if (named !== undefined) return NAMED_ENTITIES[named] ?? reference;
    const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hexadecimal ?? '', 16);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference;
  });
}
