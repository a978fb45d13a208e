import { VaultError } from '../../shared/errors.js';
import { type ItemContent, emptyItemContent } from '../../shared/item.js';

/** The payload format written today. Bound into each entry's associated data. */
export const ITEM_PAYLOAD_VERSION = 1;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export interface ItemPayload {
  readonly content: ItemContent;
  readonly trashedAt: number | null;
}

/**
 * UTF-8 JSON of the content plus the trash mark. Fields holding their default (empty text, empty list,
 * false, null) are left out: most items use a handful of fields, and a smaller payload is faster to
 * decrypt and parse at unlock. Fields are picked one by one so an Item passed as content never leaks its
 * clear columns into the blob.
 */
export function encodeItemPayload({ content, trashedAt }: ItemPayload): Uint8Array {
  const stored: Record<string, unknown> = {
    template: content.template,
    title: content.title,
    username: content.username,
    email: content.email,
    password: content.password,
    websites: content.websites,
    phone: content.phone,
    otp: content.otp.map(({ id, label, uri }) => ({ id, label, uri })),
    securityQuestion: content.securityQuestion,
    securityAnswer: content.securityAnswer,
    notes: content.notes,
    customFields: content.customFields.map(({ id, label, value, sensitive }) => ({ id, label, value, sensitive })),
    tags: content.tags,
    favorite: content.favorite,
    trashedAt,
  };
  for (const [name, value] of Object.entries(stored)) {
    if (value === '' || value === false || value === null || (Array.isArray(value) && value.length === 0)) delete stored[name];
  }
  return encoder.encode(JSON.stringify(stored));
}

/** A decoded payload: the content with every field present, plus the trash mark. */
export type StoredItem = ItemContent & { trashedAt: number | null };

const EMPTY_STORED_ITEM: StoredItem = { ...emptyItemContent(), trashedAt: null };

/** How VaultCipher.openJoined should join payloads so that the result is one JSON array. */
export const ITEM_PAYLOAD_ARRAY = { open: 0x5b, separator: 0x2c, close: 0x5d } as const;

/** Reads one payload from its authenticated plaintext. */
export function decodeItemPayload(bytes: Uint8Array, version: number): StoredItem {
  assertKnownPayloadVersion(version);
  return toStoredItem(parseJson(bytes));
}

/**
 * Reads many authenticated payloads joined as one JSON array (see ITEM_PAYLOAD_ARRAY). Parsing one array is
 * markedly faster than 10,000 small parses. The bytes are zeroed once decoded.
 *
 * Payloads are authenticated, so they are exactly what this app validated when it wrote them: reading
 * them back checks only their outline and fills in the fields left out for being empty. (Full validation
 * of every field, 10,000 times, was the largest single cost of a cold unlock.)
 */
export function decodeItemPayloads(joined: Uint8Array, versions: readonly number[]): StoredItem[] {
  versions.forEach(assertKnownPayloadVersion);
  const parsed = parseJson(joined);
  if (!Array.isArray(parsed) || parsed.length !== versions.length) {
    throw new VaultError('VAULT_DAMAGED', 'The vault file is damaged: an item cannot be read.');
  }
  return parsed.map(toStoredItem);
}

function assertKnownPayloadVersion(version: number): void {
  if (version !== ITEM_PAYLOAD_VERSION) {
    throw new VaultError('VAULT_TOO_NEW', 'An item in this vault was written by a newer TOTP Vault. Update the app to open it.');
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    throw new VaultError('VAULT_DAMAGED', 'The vault file is damaged: an item cannot be read.');
  } finally {
    bytes.fill(0);
  }
}

function toStoredItem(parsed: unknown): StoredItem {
  const candidate = parsed as Partial<StoredItem> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.title !== 'string' || (candidate.otp !== undefined && !Array.isArray(candidate.otp))) {
    throw new VaultError('VAULT_DAMAGED', 'The vault file is damaged: an item has an unexpected shape.');
  }
  return { ...EMPTY_STORED_ITEM, ...candidate };
}
