import { type CustomField, type ItemContent, emptyItemContent } from '../../shared/item.js';
import { bitwardenTotp } from './bitwardenTotp.js';
import { customFields } from './customField.js';
import { damagedExportError } from './exportErrors.js';
import type { ImportedItem, ImportProblem, Importer, ImportResult } from './importTypes.js';
import { type JsonObject, isJsonObject, objectField, parseJson, textField } from './jsonValues.js';

const LABEL = 'Bitwarden (JSON)';

/** Bitwarden's CipherType. */
const ITEM_TYPES = { login: 1, secureNote: 2, card: 3, identity: 4, sshKey: 5 } as const;

/** Bitwarden's FieldType: hidden fields become sensitive custom fields; linked fields only point at another field. */
const FIELD_TYPES = { hidden: 1, linked: 3 } as const;

/**
 * Bitwarden's unencrypted JSON export (Tools → Export vault → .json), personal or organisation.
 *
 * Logins become Login items. The other types have no template of their own here, so (decision) they become
 * "other" items that keep every value as a named field rather than being dropped: secure notes their text,
 * cards and identities their parts (numbers and codes as sensitive fields), SSH keys their keys. Folders and
 * an organisation's collections become tags.
 *
 * Encrypted exports ("encrypted": true, account-restricted or password-protected) are recognised but not
 * read: they need the Bitwarden account key or Bitwarden's KDF settings (Argon2id with parallelism, which
 * libsodium does not offer), and Bitwarden exports unencrypted JSON just as easily.
 */
export const bitwardenJsonImporter: Importer = {
  format: 'bitwarden-json',
  label: LABEL,
  detect: (input) => isBitwardenExport(parseJson(input.bytes)),
  isEncrypted: () => false,
  read(input) {
    const root = parseJson(input.bytes);
    if (!isBitwardenExport(root)) {
      throw damagedExportError(LABEL, 'it is not JSON with an "items" list of Bitwarden items.');
    }
    if (root.encrypted === true) {
      throw damagedExportError(LABEL, 'it is encrypted; export the vault from Bitwarden again with the file format ".json".');
    }
    return readItems(root);
  },
};

function isBitwardenExport(value: unknown): value is JsonObject {
  if (!isJsonObject(value)) return false;
  // Encrypted exports hold "items" (account-restricted) or one "data" string (password-protected).
  if (value.encrypted === true && typeof value.encKeyValidation_DO_NOT_EDIT === 'string') return true;
  if (!Array.isArray(value.items)) return false;
  // Every export says "encrypted": false; without it, items are told from other apps' by their numeric type.
  return value.encrypted === false || value.items.some((item) => isJsonObject(item) && typeof item.type === 'number' && 'name' in item);
}

function readItems(root: JsonObject): ImportResult {
  const tagsById = new Map<string, string>();
  for (const group of [...objects(root.folders), ...objects(root.collections)]) {
    const id = textField(group, 'id');
    const name = textField(group, 'name')?.trim();
    if (id !== undefined && name) tagsById.set(id, name);
  }
  const items: ImportedItem[] = [];
  const problems: ImportProblem[] = [];
  for (const [index, source] of objects(root.items).entries()) {
    const title = textField(source, 'name')?.trim() || `Item ${index + 1}`;
    const groupIds = [source.folderId, ...(Array.isArray(source.collectionIds) ? source.collectionIds : [])];
    const base: ItemContent = {
      ...emptyItemContent(source.type === ITEM_TYPES.login ? 'login' : 'other'),
      title,
      notes: textField(source, 'notes') ?? '',
      favorite: source.favorite === true,
      tags: [...new Set(groupIds.flatMap((id) => (typeof id === 'string' ? (tagsById.get(id) ?? []) : [])))],
    };
    const fields = readCustomFields(title, source, problems);
    const content = readTypedContent(title, source, base, fields, problems);
    if (content === null) continue;
    if (Array.isArray(source.passwordHistory) && source.passwordHistory.length > 0) {
      problems.push({ item: title, what: 'password history', reason: 'Earlier passwords are not imported.', kind: 'invalid' });
    }
    items.push({
      content,
      // Bitwarden leaves trashed items out of exports, but an item that has a deletion date is in its trash.
      trashed: Boolean(textField(source, 'deletedDate')),
      createdAt: isoTimestamp(source.creationDate),
      updatedAt: isoTimestamp(source.revisionDate),
    });
  }
  return { format: 'bitwarden-json', items, problems };
}

/** The content for the item's type, or null (with a problem) for a type this importer does not know. */
function readTypedContent(
  title: string,
  source: JsonObject,
  base: ItemContent,
  fields: CustomField[],
  problems: ImportProblem[],
): ItemContent | null {
  switch (source.type) {
    case ITEM_TYPES.login:
      return readLogin(title, objectField(source, 'login'), base, fields, problems);
    case ITEM_TYPES.secureNote:
      return { ...base, customFields: fields };
    case ITEM_TYPES.card:
      return { ...base, customFields: [...cardFields(objectField(source, 'card')), ...fields] };
    case ITEM_TYPES.identity: {
      const identity = objectField(source, 'identity');
      return {
        ...base,
        username: textField(identity, 'username') ?? '',
        email: textField(identity, 'email') ?? '',
        phone: textField(identity, 'phone') ?? '',
        customFields: [...identityFields(identity), ...fields],
      };
    }
    case ITEM_TYPES.sshKey: {
      const key = objectField(source, 'sshKey');
      const keyFields = customFields([
        ['Private key', textField(key, 'privateKey') ?? '', true],
        ['Public key', textField(key, 'publicKey') ?? '', false],
        ['Fingerprint', textField(key, 'keyFingerprint') ?? '', false],
      ]);
      return { ...base, customFields: [...keyFields, ...fields] };
    }
    default:
      problems.push({ item: title, what: 'item', reason: `Bitwarden item type ${JSON.stringify(source.type ?? null)} is not known.`, kind: 'skipped' });
      return null;
  }
}

function readLogin(title: string, login: JsonObject, base: ItemContent, fields: CustomField[], problems: ImportProblem[]): ItemContent {
  const username = textField(login, 'username') ?? '';
  const { field, problem } = bitwardenTotp(title, username, textField(login, 'totp') ?? '');
  if (problem) problems.push(problem);
  if (Array.isArray(login.fido2Credentials) && login.fido2Credentials.length > 0) {
    problems.push({ item: title, what: 'passkey', reason: 'Passkeys are not imported.', kind: 'invalid' });
  }
  return {
    ...base,
    username,
    password: textField(login, 'password') ?? '',
    websites: objects(login.uris)
      .map((uri) => textField(uri, 'uri')?.trim() ?? '')
      .filter((uri) => uri !== ''),
    otp: field ? [field] : [],
    customFields: fields,
  };
}

function readCustomFields(title: string, source: JsonObject, problems: ImportProblem[]): CustomField[] {
  const fields: [string, string, boolean][] = [];
  for (const field of objects(source.fields)) {
    const label = textField(field, 'name')?.trim() || 'Field';
    if (field.type === FIELD_TYPES.linked) {
      problems.push({ item: title, what: label, reason: 'Linked fields only point at another field of the item, so they are not imported.', kind: 'invalid' });
      continue;
    }
    fields.push([label, textField(field, 'value') ?? '', field.type === FIELD_TYPES.hidden]);
  }
  return customFields(fields);
}

function cardFields(card: JsonObject): CustomField[] {
  const month = textField(card, 'expMonth')?.trim() ?? '';
  const year = textField(card, 'expYear')?.trim() ?? '';
  return customFields([
    ['Cardholder name', textField(card, 'cardholderName') ?? '', false],
    ['Brand', textField(card, 'brand') ?? '', false],
    ['Number', textField(card, 'number') ?? '', true],
    ['Expiry', month && year ? `${month.padStart(2, '0')}/${year}` : month || year, false],
    ['Security code', textField(card, 'code') ?? '', true],
  ]);
}

/** Identity parts other than username, email and phone, which have fields of their own. */
const IDENTITY_FIELDS = [
  ['title', 'Title', false],
  ['firstName', 'First name', false],
  ['middleName', 'Middle name', false],
  ['lastName', 'Last name', false],
  ['company', 'Company', false],
  ['address1', 'Address 1', false],
  ['address2', 'Address 2', false],
  ['address3', 'Address 3', false],
  ['city', 'City', false],
  ['state', 'State', false],
  ['postalCode', 'Postal code', false],
  ['country', 'Country', false],
  ['ssn', 'Social security number', true],
  ['passportNumber', 'Passport number', true],
  ['licenseNumber', 'License number', true],
] as const;

function identityFields(identity: JsonObject): CustomField[] {
  return customFields(IDENTITY_FIELDS.map(([key, label, sensitive]) => [label, textField(identity, key)?.trim() ?? '', sensitive] as const));
}

/** The objects of a JSON array; anything else in it, or a value that is no array, is nothing. */
function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

function isoTimestamp(value: unknown): number | null {
  const milliseconds = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(milliseconds) ? null : milliseconds;
}
