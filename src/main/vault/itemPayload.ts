import { VaultError } from '../../shared/errors.js';
import type { ItemContent } from '../../shared/item.js';
import { readItemContent } from './itemContent.js';

/** The payload format written today. Bound into each entry's associated data. */
export const ITEM_PAYLOAD_VERSION = 1;

export interface ItemPayload {
  readonly content: ItemContent;
  readonly trashedAt: number | null;
}

/** UTF-8 JSON of the content plus the trash mark: small, readable in the spec, fast to parse. */
export function encodeItemPayload(payload: ItemPayload): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ ...payload.content, trashedAt: payload.trashedAt }));
}

export function decodeItemPayload(bytes: Uint8Array, version: number): ItemPayload {
  if (version !== ITEM_PAYLOAD_VERSION) {
    throw new VaultError('VAULT_TOO_NEW', 'An item in this vault was written by a newer TOTP Vault. Update the app to open it.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new VaultError('VAULT_DAMAGED', 'The vault file is damaged: an item cannot be read.');
  }
  try {
    const trashedAt = (parsed as { trashedAt?: unknown }).trashedAt;
    return {
      content: readItemContent(parsed),
      trashedAt: typeof trashedAt === 'number' && Number.isFinite(trashedAt) ? trashedAt : null,
    };
  } catch {
    throw new VaultError('VAULT_DAMAGED', 'The vault file is damaged: an item has an unexpected shape.');
  }
}
