import { VaultError } from '../../shared/errors.js';
import { ITEM_TEMPLATES, type CustomField, type ItemContent, type ItemTemplate, type OtpField } from '../../shared/item.js';

/**
 * Reads an ItemContent out of untrusted data: an IPC payload, CLI arguments, an import. Hand-written
 * rather than a schema library: it is small, fast, and its messages name the field.
 */
const LIMITS = {
  shortText: 4_096,
  longText: 1_000_000,
  listLength: 1_000,
} as const;

export function readItemContent(value: unknown): ItemContent {
  const record = asRecord(value, 'item');
  return {
    template: readTemplate(record['template']),
    title: readText(record['title'], 'title', LIMITS.shortText),
    username: readText(record['username'], 'username', LIMITS.shortText),
    email: readText(record['email'], 'email', LIMITS.shortText),
    password: readText(record['password'], 'password', LIMITS.shortText),
    websites: readList(record['websites'], 'websites', (item, name) => readText(item, name, LIMITS.shortText)),
    phone: readText(record['phone'], 'phone', LIMITS.shortText),
    otp: readList(record['otp'], 'otp', readOtpField),
    securityQuestion: readText(record['securityQuestion'], 'securityQuestion', LIMITS.shortText),
    securityAnswer: readText(record['securityAnswer'], 'securityAnswer', LIMITS.shortText),
    notes: readText(record['notes'], 'notes', LIMITS.longText),
    customFields: readList(record['customFields'], 'customFields', readCustomField),
    tags: normaliseTags(readList(record['tags'], 'tags', (item, name) => readText(item, name, LIMITS.shortText))),
    favorite: readBoolean(record['favorite'], 'favorite'),
  };
}

/** Tags are trimmed, empty ones dropped and duplicates (ignoring case) removed, first spelling kept. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags) {
    const trimmed = tag.trim();
    const key = trimmed.toLocaleLowerCase();
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(trimmed);
  }
  return result;
}

function readOtpField(value: unknown, name: string): OtpField {
  const record = asRecord(value, name);
  return {
    id: readIdentifier(record['id'], `${name}.id`),
    label: readText(record['label'], `${name}.label`, LIMITS.shortText),
    uri: readText(record['uri'], `${name}.uri`, LIMITS.shortText),
  };
}

function readCustomField(value: unknown, name: string): CustomField {
  const record = asRecord(value, name);
  return {
    id: readIdentifier(record['id'], `${name}.id`),
    label: readText(record['label'], `${name}.label`, LIMITS.shortText),
    value: readText(record['value'], `${name}.value`, LIMITS.longText),
    sensitive: readBoolean(record['sensitive'], `${name}.sensitive`),
  };
}

function readTemplate(value: unknown): ItemTemplate {
  if (value === undefined) return 'login';
  if (typeof value === 'string' && (ITEM_TEMPLATES as readonly string[]).includes(value)) return value as ItemTemplate;
  throw invalid(`template must be one of ${ITEM_TEMPLATES.join(', ')}`);
}

function readIdentifier(value: unknown, name: string): string {
  if (typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value)) return value;
  throw invalid(`${name} must be an identifier of 1 to 64 letters, digits, "-" or "_"`);
}

function readText(value: unknown, name: string, maxLength: number): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw invalid(`${name} must be text`);
  if (value.length > maxLength) throw invalid(`${name} is longer than ${maxLength} characters`);
  return value;
}

function readBoolean(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw invalid(`${name} must be true or false`);
  return value;
}

function readList<T>(value: unknown, name: string, readItem: (item: unknown, name: string) => T): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(`${name} must be a list`);
  if (value.length > LIMITS.listLength) throw invalid(`${name} has more than ${LIMITS.listLength} entries`);
  return value.map((item, index) => readItem(item, `${name}[${index}]`));
}

function asRecord(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${name} must be an object`);
  return value as Record<string, unknown>;
}

function invalid(problem: string): VaultError {
  return new VaultError('INVALID_INPUT', `The item is not valid: ${problem}.`);
}
