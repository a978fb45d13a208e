/**
 * Reading untrusted JSON exports without trusting their shape: parse failures are `undefined`, not exceptions
 * (detection must never throw), and fields are read by type so a wrong type is noticed instead of coerced.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as UTF-8 text without a byte order mark, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Parsed values by the bytes they came from. Detection asks one importer after another whether a file is theirs,
 * and half of them parse it as JSON: for a 14 MB Enpass export of 10,000 items that was seven parses, over a
 * second, before the import began (test/bench/importBenchmark.ts). Weak, so a value lives no longer than its
 * bytes; callers never change bytes they have parsed, nor the (read-only) values.
 */
const parsedByBytes = new WeakMap<Uint8Array, unknown>();

/** The JSON value in `bytes`, or undefined when they are not UTF-8 JSON (never a JSON value itself). */
export function parseJson(bytes: Uint8Array): unknown {
  if (parsedByBytes.has(bytes)) return parsedByBytes.get(bytes);
  const value = parseJsonText(bytes);
  parsedByBytes.set(bytes, value);
  return value;
}

function parseJsonText(bytes: Uint8Array): unknown {
  const text = decodeUtf8(bytes);
  // Every export we read is an object or an array; checking the first character keeps detection cheap.
  if (text === null || !/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field as a string, or undefined when it is absent or not a string. */
export function textField(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

/** The field as a finite number, or undefined when it is absent or not a number. */
export function numberField(object: JsonObject, key: string): number | undefined {
  const value = object[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The field as a nested object, or an empty one. */
export function objectField(object: JsonObject, key: string): JsonObject {
  const value = object[key];
  return isJsonObject(value) ? value : {};
}

/**
 * An OTP setting (digits, period, counter, algorithm) for resolveOtpSettings: strings and numbers as they are,
 * absent or null as undefined, and anything else as its JSON text, so that `"digits": true` is reported as an
 * invalid value rather than quietly replaced by the default.
 */
export function settingField(object: JsonObject, key: string): string | number | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value);
}

/** The strings of an array field, trimmed, without empties and repeats; other element types are ignored. */
export function textListField(object: JsonObject, key: string): string[] {
  const value = object[key];
  if (!Array.isArray(value)) return [];
  const texts = value.filter((element): element is string => typeof element === 'string').map((text) => text.trim());
  return [...new Set(texts.filter((text) => text !== ''))];
}

/** Names by id from a list of `{[idKey]: id, name}` objects (2FAS and Aegis groups); unnamed ones are left out. */
export function namesById(list: unknown, idKey: string): Map<string, string> {
  const names = new Map<string, string>();
  if (!Array.isArray(list)) return names;
  for (const element of list.filter(isJsonObject)) {
    const id = textField(element, idKey);
    const name = textField(element, 'name')?.trim();
    if (id !== undefined && name) names.set(id, name);
  }
  return names;
}
