import type { DatabaseImage, DatabaseRow, DatabaseValue } from '../storage/index.js';
import { type EnpassField, enpassFieldKind, enpassFolderPaths, enpassItemContent, enpassItemTemplate } from './enpassItemContent.js';
import { damagedExportError } from './exportErrors.js';
import { AES_256_KEY_BYTES, openAesGcmWithAppendedTag } from './exportCiphers.js';
import type { ImportProblem, ImportResult, ImportedItem } from './importTypes.js';
import { decodeUtf8 } from './jsonValues.js';

/**
 * The items of a decrypted Enpass 6 vault database, mapped as the JSON export's are (enpassItemContent): the
 * database holds the same items, fields and folders the export is written from.
 *
 * - `item`: one row per item; `deleted` rows are what Enpass keeps of deleted items for syncing, and are left
 *   out without a problem. `key` holds the item's own AES-256-GCM key (32 bytes) and nonce (12 bytes).
 * - `itemfield`: the fields, in `orde` order; deleted fields and sections are left out, as in the export.
 *   Password fields are stored encrypted: hex of AES-256-GCM ciphertext and tag under the item's key, with the
 *   item's uuid (its 16 bytes, the dashes dropped) as additional data. Decision: every field value that is such
 *   hex and opens under the item key is taken decrypted, whatever its type, and every other value as it is: the
 *   tag makes a false opening impossible, and it keeps working if Enpass encrypts more kinds of field. A
 *   password that does not open is named as a problem and left out.
 * - `folder` and `folder_items`: folders become tags (`Parent/Child`), as in the export.
 * - `attachment` and `passkeys`: named as problems; neither is imported.
 * Columns are read by name from `SELECT *`, so an Enpass version with more or fewer of them still reads.
 */

/** Enpass's AES-256-GCM item key: the key, then the 12-byte nonce every field of the item is sealed with. */
const ITEM_KEY_BYTES = AES_256_KEY_BYTES + 12;
/** Hex of at least a GCM tag: the shape of an encrypted field value. */
const SEALED_HEX = /^(?:[0-9a-f]{2}){16,}$/i;

interface ItemKey {
  readonly key: Buffer;
  readonly nonce: Buffer;
  readonly uuid: Buffer;
}

export function enpassVaultItems(database: DatabaseImage, label: string): Pick<ImportResult, 'items' | 'problems'> {
  if (!database.tables.has('item') || !database.tables.has('itemfield')) {
    throw damagedExportError(label, 'its database has no item tables: it is not an Enpass 6 vault.');
  }
  const fieldsOf = groupBy(database.rows('SELECT * FROM itemfield ORDER BY rowid'), 'item_uuid');
  const tagsOf = itemTags(database);
  const attachmentsOf = groupBy(optionalRows(database, 'attachment'), 'item_uuid');
  const passkeysOf = groupBy(optionalRows(database, 'passkeys'), 'item_uuid');
  const items: ImportedItem[] = [];
  const problems: ImportProblem[] = [];
  for (const row of database.rows('SELECT * FROM item ORDER BY rowid')) {
    if (isSet(row['deleted'])) continue;
    const uuid = text(row['uuid']);
    const read = readItem(row, fieldsOf.get(uuid) ?? [], tagsOf.get(uuid) ?? []);
    items.push(read.item);
    problems.push(...read.problems);
    const title = read.item.content.title;
    for (const attachment of attachmentsOf.get(uuid) ?? []) {
      problems.push({ item: title, what: `attachment '${text(attachment['name']) || 'unnamed'}'`, reason: 'attachments are not imported', kind: 'skipped' });
    }
    for (const passkey of passkeysOf.get(uuid) ?? []) {
      problems.push({ item: title, what: `passkey for ${text(passkey['relying_party_id']) || 'a website'}`, reason: 'passkeys are not imported', kind: 'skipped' });
    }
  }
  return { items, problems };
}

function readItem(row: DatabaseRow, fieldRows: readonly DatabaseRow[], tags: readonly string[]): { readonly item: ImportedItem; readonly problems: readonly ImportProblem[] } {
  const template = text(row['template']);
  const itemKey = itemKeyOf(row);
  const unreadable: string[] = [];
  const fields: EnpassField[] = [];
  for (const field of inFieldOrder(fieldRows)) {
    const type = text(field['type']);
    if (isSet(field['deleted']) || type === 'section') continue;
    const label = text(field['label']);
    const value = fieldValue(type, text(field['value']), itemKey);
    if (value === null) {
      unreadable.push(label.trim() || (type === 'password' ? 'Password' : type));
      continue;
    }
    const uid = field['item_field_uid'];
    fields.push({ kind: enpassFieldKind({ type, label, uid: typeof uid === 'number' ? uid : null }, template), label, value, sensitive: isSet(field['sensitive']) });
  }
  const { content, problems } = enpassItemContent({
    title: text(row['title']),
    template: enpassItemTemplate(text(row['category']), template),
    fields,
    notes: text(row['note']),
    tags,
    favorite: isSet(row['favorite']),
  });
  const createdAt = milliseconds(row['created_at']);
  const changedAt = Math.max(number(row['updated_at']), number(row['meta_updated_at']), number(row['field_updated_at']));
  return {
    item: {
      content,
      // We have no archive: archived items go to the trash, where they are out of the way but kept.
      trashed: isSet(row['trashed']) || isSet(row['archived']),
      createdAt,
      updatedAt: milliseconds(changedAt) ?? createdAt,
    },
    problems: [
      ...unreadable.map((what): ImportProblem => ({ item: content.title, what, reason: 'it cannot be decrypted with its item key', kind: 'invalid' })),
      ...problems,
    ],
  };
}

/** Enpass's field order (`orde`), rows without one in the order they were stored. */
function inFieldOrder(rows: readonly DatabaseRow[]): DatabaseRow[] {
  return [...rows].sort((first, second) => number(first['orde']) - number(second['orde']));
}

/**
 * The field's value: decrypted when it is sealed under the item key, else as stored. Null for a password
 * stored sealed that does not open (or opens to something that is not text): its ciphertext is no password.
 */
function fieldValue(type: string, stored: string, itemKey: ItemKey | null): string | null {
  if (!SEALED_HEX.test(stored)) return stored;
  const opened = itemKey ? openAesGcmWithAppendedTag(itemKey.key, itemKey.nonce, Buffer.from(stored, 'hex'), itemKey.uuid) : null;
  if (!opened) return type === 'password' ? null : stored;
  const value = decodeUtf8(opened);
  opened.fill(0);
  return value;
}

function itemKeyOf(row: DatabaseRow): ItemKey | null {
  const key = row['key'];
  const uuid = text(row['uuid']).replaceAll('-', '');
  if (!Buffer.isBuffer(key) || key.length !== ITEM_KEY_BYTES || !/^[0-9a-f]{32}$/i.test(uuid)) return null;
  return { key: key.subarray(0, AES_256_KEY_BYTES), nonce: key.subarray(AES_256_KEY_BYTES), uuid: Buffer.from(uuid, 'hex') };
}

/** Each item's tags: the paths of the folders it is in. */
function itemTags(database: DatabaseImage): ReadonlyMap<string, readonly string[]> {
  const paths = enpassFolderPaths(
    optionalRows(database, 'folder').map((folder) => ({ uuid: text(folder['uuid']), title: text(folder['title']), parent: text(folder['parent_uuid']) })),
  );
  const tags = new Map<string, string[]>();
  for (const [item, memberships] of groupBy(optionalRows(database, 'folder_items'), 'item_uuid')) {
    tags.set(item, memberships.flatMap((membership) => paths.get(text(membership['folder_uuid'])) ?? []));
  }
  return tags;
}

/** The rows of a table that not every Enpass version has, deleted ones left out. */
function optionalRows(database: DatabaseImage, table: 'folder' | 'folder_items' | 'attachment' | 'passkeys'): DatabaseRow[] {
  if (!database.tables.has(table)) return [];
  return database.rows(`SELECT * FROM ${table} ORDER BY rowid`).filter((row) => !isSet(row['deleted']) && !isSet(row['trashed']));
}

function groupBy(rows: readonly DatabaseRow[], column: string): ReadonlyMap<string, DatabaseRow[]> {
  const groups = new Map<string, DatabaseRow[]>();
  for (const row of rows) {
    const key = text(row[column]);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

function text(value: DatabaseValue | undefined): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : '';
}

function number(value: DatabaseValue | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'bigint' ? Number(value) : 0;
}

function isSet(value: DatabaseValue | undefined): boolean {
  return number(value) !== 0 || value === '1';
}

/** Enpass's times are Unix seconds. */
function milliseconds(value: DatabaseValue | undefined): number | null {
  const seconds = number(value);
  return seconds > 0 ? Math.round(seconds * 1000) : null;
}
