import { type CustomField, type ItemContent, emptyItemContent } from '../../shared/item.js';
import { customFields } from './customField.js';
import { readOtpField } from './importedItem.js';
import type { ImportedItem, ImportProblem } from './importTypes.js';
import { type JsonObject, isJsonObject, objectField, textField } from './jsonValues.js';

/** Proton Pass item states: active, or in the trash. */
const TRASHED_STATE = 2;

/** Content keys of the less common item types (identity, SSH key, Wi-Fi) whose values are secrets. */
const SENSITIVE_KEYS = new Set(['privateKey', 'socialSecurityNumber', 'passportNumber', 'licenseNumber', 'pin', 'password']);

/**
 * One item of a Proton Pass export (`vaults.*.items[]`), in its vault (a tag).
 *
 * Logins keep username and email apart (Proton has both since content format 4; older items have only
 * `username`). Their `totpUri` is an otpauth:// URI or a bare secret. Extra fields become custom fields,
 * hidden ones sensitive; an extra field of type "totp" too (decision: as KeePassXC imports it, an attribute
 * rather than a second OTP field, marked sensitive because it holds a secret). Notes, aliases, cards and
 * the newer types become "other" items with their values as named fields.
 */
export function protonPassItem(source: JsonObject, vault: string, problems: ImportProblem[]): ImportedItem {
  const data = objectField(source, 'data');
  const metadata = objectField(data, 'metadata');
  const content = objectField(data, 'content');
  const type = textField(data, 'type') ?? '';
  const title = textField(metadata, 'name')?.trim() || 'Untitled item';
  const base: ItemContent = {
    ...emptyItemContent(type === 'login' ? 'login' : 'other'),
    title,
    notes: textField(metadata, 'note') ?? '',
    tags: vault.trim() === '' ? [] : [vault.trim()],
    favorite: source.pinned === true,
  };
  const extraFields = readExtraFields(data.extraFields);
  if (Array.isArray(source.files) && source.files.length > 0) {
    problems.push({ item: title, what: 'attachments', reason: 'Attached files are not imported.', kind: 'invalid' });
  }
  return {
    content: typedContent(type, title, source, content, base, extraFields, problems),
    trashed: source.state === TRASHED_STATE,
    createdAt: secondsToMilliseconds(source.createTime),
    updatedAt: secondsToMilliseconds(source.modifyTime),
  };
}

function typedContent(
  type: string,
  title: string,
  source: JsonObject,
  content: JsonObject,
  base: ItemContent,
  extraFields: CustomField[],
  problems: ImportProblem[],
): ItemContent {
  switch (type) {
    case 'login':
      return login(title, content, base, extraFields, problems);
    case 'note':
      return { ...base, customFields: extraFields };
    case 'alias':
      return { ...base, email: textField(source, 'aliasEmail') ?? '', customFields: extraFields };
    case 'creditCard':
      return {
        ...base,
        customFields: [
          ...customFields([
            ['Cardholder name', textField(content, 'cardholderName') ?? '', false],
            ['Number', textField(content, 'number') ?? '', true],
            ['Expiry', textField(content, 'expirationDate') ?? '', false],
            ['Security code', textField(content, 'verificationNumber') ?? '', true],
            ['PIN', textField(content, 'pin') ?? '', true],
          ]),
          ...extraFields,
        ],
      };
    default:
      // identity, sshKey, wifi, custom and whatever comes next: every text value, by its name.
      return { ...base, password: textField(content, 'password') ?? '', customFields: [...namedValues(content), ...extraFields] };
  }
}

function login(title: string, content: JsonObject, base: ItemContent, extraFields: CustomField[], problems: ImportProblem[]): ItemContent {
  const username = textField(content, 'itemUsername') ?? textField(content, 'username') ?? '';
  const email = textField(content, 'itemEmail') ?? '';
  const { field, problem } = readOtpField(title, textField(content, 'totpUri') ?? '', {
    defaults: { issuer: title, account: username || email },
  });
  if (problem) problems.push(problem);
  if (Array.isArray(content.passkeys) && content.passkeys.length > 0) {
    problems.push({ item: title, what: 'passkey', reason: 'Passkeys are not imported.', kind: 'invalid' });
  }
  const urls = Array.isArray(content.urls) ? content.urls : [];
  return {
    ...base,
    username,
    email,
    password: textField(content, 'password') ?? '',
    websites: urls.filter((url): url is string => typeof url === 'string' && url.trim() !== '').map((url) => url.trim()),
    otp: field ? [field] : [],
    customFields: extraFields,
  };
}

/** Proton's extra fields: `{fieldName, type: text | hidden | totp | timestamp, data: {content | totpUri | timestamp}}`. */
function readExtraFields(value: unknown): CustomField[] {
  const fields = Array.isArray(value) ? value.filter(isJsonObject) : [];
  return customFields(
    fields.map((field) => {
      const type = textField(field, 'type') ?? 'text';
      const data = objectField(field, 'data');
      const text = type === 'totp' ? textField(data, 'totpUri') : (textField(data, 'content') ?? textField(data, 'timestamp'));
      return [textField(field, 'fieldName') ?? 'Field', text ?? '', type === 'hidden' || type === 'totp'] as const;
    }),
  );
}

/**
 * The text values of an item's content, labelled from their keys ("socialSecurityNumber" → "Social security
 * number"), and the extra fields of its sections and "extra…Details" lists.
 */
function namedValues(content: JsonObject): CustomField[] {
  const values: (readonly [string, string, boolean])[] = [];
  const nested: CustomField[] = [];
  for (const [key, value] of Object.entries(content)) {
    if (key === 'password') continue;
    if (typeof value === 'string') values.push([labelOf(key), value, SENSITIVE_KEYS.has(key)]);
    else if (Array.isArray(value)) {
      nested.push(...readExtraFields(value));
      for (const section of value.filter(isJsonObject)) nested.push(...readExtraFields(section.sectionFields));
    }
  }
  return [...customFields(values), ...nested];
}

function labelOf(key: string): string {
  const words = key.replace(/([a-z\d])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function secondsToMilliseconds(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value * 1000) : null;
}
