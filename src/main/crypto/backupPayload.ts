import { VaultError } from '../../shared/errors.js';
import { ITEM_TEMPLATES, type CustomField, type Item, type ItemTemplate, type OtpField } from '../../shared/item.js';
import type { VaultSettings } from '../../shared/settings.js';

/**
 * The plaintext of a backup (BACKUP_FORMAT.md, section 4): UTF-8 JSON of every item, trashed ones included,
 * with its times, and the vault settings. Every field is written, defaults included, so the file reads the
 * same to a person with `jq` as to this code.
 *
 * Reading checks the outline only (types, not rules): the payload authenticated under the backup's password,
 * so it is what a TOTP Vault wrote, and the vault checks every item again, by its own rules, when it
 * stores it.
 */
export interface BackupPayload {
  /** Unix milliseconds. */
  readonly exportedAt: number;
  readonly settings: VaultSettings;
  readonly items: readonly Item[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeBackupPayload(payload: BackupPayload): Uint8Array {
  const items = payload.items.map((item) => ({
    id: item.id,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    trashedAt: item.trashedAt,
    template: item.template,
    title: item.title,
    username: item.username,
    email: item.email,
    password: item.password,
    websites: item.websites,
    phone: item.phone,
    otp: item.otp.map(({ id, label, uri }) => ({ id, label, uri })),
    securityQuestion: item.securityQuestion,
    securityAnswer: item.securityAnswer,
    notes: item.notes,
    customFields: item.customFields.map(({ id, label, value, sensitive }) => ({ id, label, value, sensitive })),
    tags: item.tags,
    favorite: item.favorite,
  }));
  const settings = { timeOffsetSeconds: payload.settings.timeOffsetSeconds };
  return encoder.encode(JSON.stringify({ exportedAt: payload.exportedAt, settings, items }));
}

/** The payload from its authenticated bytes, which are zeroed once parsed. Throws UNSUPPORTED_FORMAT. */
export function decodeBackupPayload(bytes: Uint8Array): BackupPayload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(bytes));
  } catch {
    throw unreadableBackup('its contents are not valid JSON.');
  } finally {
    bytes.fill(0);
  }
  const record = objectOf(parsed, 'its contents');
  const items = record['items'];
  if (!Array.isArray(items)) throw unreadableBackup('it holds no list of items.');
  return {
    exportedAt: numberOf(record['exportedAt'], 'its export time'),
    settings: readSettings(record['settings']),
    items: items.map((item, index) => readItem(item, `item ${index + 1}`)),
  };
}

function readSettings(value: unknown): VaultSettings {
  const record = value === undefined ? {} : objectOf(value, 'its settings');
  return { timeOffsetSeconds: record['timeOffsetSeconds'] === undefined ? 0 : numberOf(record['timeOffsetSeconds'], 'its time offset') };
}

function readItem(value: unknown, name: string): Item {
  const record = objectOf(value, name);
  const trashedAt = record['trashedAt'];
  return {
    id: textOf(record['id'], `${name}'s id`),
    createdAt: numberOf(record['createdAt'], `${name}'s creation time`),
    updatedAt: numberOf(record['updatedAt'], `${name}'s change time`),
    trashedAt: trashedAt === null || trashedAt === undefined ? null : numberOf(trashedAt, `${name}'s trash time`),
    template: templateOf(record['template'], name),
    title: textOf(record['title'], `${name}'s title`),
    username: optionalText(record['username'], `${name}'s username`),
    email: optionalText(record['email'], `${name}'s email`),
    password: optionalText(record['password'], `${name}'s password`),
    websites: listOf(record['websites'], `${name}'s websites`, (entry, entryName) => textOf(entry, entryName)),
    phone: optionalText(record['phone'], `${name}'s phone`),
    otp: listOf(record['otp'], `${name}'s one-time codes`, readOtpField),
    securityQuestion: optionalText(record['securityQuestion'], `${name}'s security question`),
    securityAnswer: optionalText(record['securityAnswer'], `${name}'s security answer`),
    notes: optionalText(record['notes'], `${name}'s notes`),
    customFields: listOf(record['customFields'], `${name}'s custom fields`, readCustomField),
    tags: listOf(record['tags'], `${name}'s tags`, (entry, entryName) => textOf(entry, entryName)),
    favorite: record['favorite'] === undefined ? false : booleanOf(record['favorite'], `${name}'s favourite mark`),
  };
}

function readOtpField(value: unknown, name: string): OtpField {
  const record = objectOf(value, name);
  return { id: textOf(record['id'], `${name}'s id`), label: optionalText(record['label'], `${name}'s label`), uri: textOf(record['uri'], `${name}'s URI`) };
}

function readCustomField(value: unknown, name: string): CustomField {
  const record = objectOf(value, name);
  return {
    id: textOf(record['id'], `${name}'s id`),
    label: optionalText(record['label'], `${name}'s label`),
    value: optionalText(record['value'], `${name}'s value`),
    sensitive: record['sensitive'] === undefined ? false : booleanOf(record['sensitive'], `${name}'s sensitive mark`),
  };
}

function templateOf(value: unknown, name: string): ItemTemplate {
  if (value === undefined) return 'login';
  if (typeof value === 'string' && (ITEM_TEMPLATES as readonly string[]).includes(value)) return value as ItemTemplate;
  throw unreadableBackup(`${name} has an unknown template.`);
}

function objectOf(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw unreadableBackup(`${name} is not an object.`);
  return value as Record<string, unknown>;
}

function listOf<T>(value: unknown, name: string, read: (entry: unknown, name: string) => T): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw unreadableBackup(`${name} are not a list.`);
  return value.map((entry, index) => read(entry, `${name} [${index + 1}]`));
}

function textOf(value: unknown, name: string): string {
  if (typeof value !== 'string') throw unreadableBackup(`${name} is not text.`);
  return value;
}

function optionalText(value: unknown, name: string): string {
  return value === undefined ? '' : textOf(value, name);
}

function numberOf(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw unreadableBackup(`${name} is not a whole number.`);
  return value;
}

function booleanOf(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw unreadableBackup(`${name} is not true or false.`);
  return value;
}

/** UNSUPPORTED_FORMAT for a backup that is damaged or not one; `reason` is a sentence ending in a full stop. */
export function unreadableBackup(reason: string): VaultError {
  return new VaultError('UNSUPPORTED_FORMAT', `This TOTP Vault backup cannot be read: ${reason}`);
}
