import type { ItemContent, ItemTemplate, OtpField } from '../../shared/item.js';
import { customFields } from './customField.js';
import type { ImportProblem } from './importTypes.js';
import { readOtpField } from './importedItem.js';

/**
 * What an Enpass field means to us. The JSON export says it with a field type, the CSV export only with the
 * label, so each importer names the kind and this module, shared by both, builds the item.
 */
export const ENPASS_FIELD_KINDS = [
  'username',
  'email',
  'password',
  'website',
  'androidApp',
  'phone',
  'otp',
  'securityQuestion',
  'securityAnswer',
  'custom',
] as const;
export type EnpassFieldKind = (typeof ENPASS_FIELD_KINDS)[number];

export interface EnpassField {
  readonly kind: EnpassFieldKind;
  readonly label: string;
  readonly value: string;
  readonly sensitive: boolean;
}

export interface EnpassItemSource {
  readonly title: string;
  readonly template: ItemTemplate;
  /** In the export's order; sections and deleted fields already left out. */
  readonly fields: readonly EnpassField[];
  readonly notes: string;
  readonly tags: readonly string[];
  readonly favorite: boolean;
}

/** An Enpass field as the JSON export and the vault database both describe it. */
export interface EnpassFieldSource {
  readonly type: string;
  readonly label: string;
  /** The field's number within its template (`uid` in the export, `item_field_uid` in the vault), when known. */
  readonly uid: number | null;
}

/** Field types whose meaning is fixed; `text` fields are custom unless they are the security question or answer. */
const KINDS_BY_TYPE: Readonly<Record<string, EnpassFieldKind>> = {
  username: 'username',
  email: 'email',
  password: 'password',
  url: 'website',
  '.Android#': 'androidApp',
  phone: 'phone',
  totp: 'otp',
};

/**
 * Enpass's login template numbers its fields; 15 and 16 are the security question and answer whatever their
 * label says, which matters for an Enpass running in another language. Other templates reuse those numbers.
 */
const LOGIN_SECURITY_UIDS: Readonly<Record<number, EnpassFieldKind>> = { 15: 'securityQuestion', 16: 'securityAnswer' };

const LOGIN_TEMPLATE = 'login.default';

/** What a field of an item made from `template` (Enpass's template name, `login.default`) means to us. */
export function enpassFieldKind(field: EnpassFieldSource, template: string): EnpassFieldKind {
  const fixed = KINDS_BY_TYPE[field.type];
  if (fixed) return fixed;
  if (field.type !== 'text') return 'custom';
  const label = field.label.trim().toLowerCase();
  if (label === 'security question') return 'securityQuestion';
  if (label === 'security answer') return 'securityAnswer';
  return (template === LOGIN_TEMPLATE && field.uid !== null && LOGIN_SECURITY_UIDS[field.uid]) || 'custom';
}

const SERVER_TEMPLATES = new Set(['computer.server', 'computer.hosting', 'computer.ftp', 'computer.database']);

/**
 * Our template for an Enpass item of `category` made from `template`.
 *
 * Decision — categories. We only have Login templates, and people leaving Enpass must not lose data, so every
 * category is imported: logins and Enpass's "password" items as `login`, e-mail accounts as `email`, server,
 * hosting, FTP and database items as `server`, and everything else (secure notes, cards, identities,
 * licences, …) as `other`, their fields kept as custom fields with Enpass's "sensitive" flag and their
 * username, password and website fields (a card's internet banking login) in our fields of those names.
 */
export function enpassItemTemplate(category: string, template: string): ItemTemplate {
  if (category === 'login' || category === 'password') return 'login';
  if (template === 'computer.emailaccount') return 'email';
  if (SERVER_TEMPLATES.has(template)) return 'server';
  return 'other';
}

export interface EnpassFolder {
  readonly uuid: string;
  readonly title: string;
  /** The parent folder's uuid, or '' at the top. */
  readonly parent: string;
}

/** Each folder's path of titles from the top, `Parent/Child`, by uuid: the item's tags. A parent cycle ends the path. */
export function enpassFolderPaths(list: readonly EnpassFolder[]): ReadonlyMap<string, string> {
  const folders = new Map<string, { readonly title: string; readonly parent: string }>();
  for (const { uuid, title, parent } of list) {
    if (uuid !== '') folders.set(uuid, { title: title.trim(), parent });
  }
  const paths = new Map<string, string>();
  for (const start of folders.keys()) {
    const titles: string[] = [];
    const seen = new Set<string>();
    for (let uuid = start, folder = folders.get(uuid); folder && !seen.has(uuid); uuid = folder.parent, folder = folders.get(uuid)) {
      seen.add(uuid);
      if (folder.title !== '') titles.unshift(folder.title);
    }
    if (titles.length > 0) paths.set(start, titles.join('/'));
  }
  return paths;
}

/** Our fields that hold one value; a second non-empty Enpass field of the kind becomes a custom field. */
type SingleKind = 'username' | 'email' | 'password' | 'phone' | 'securityQuestion' | 'securityAnswer';

/** The name an item gets when Enpass had none and nothing else names it: the vault refuses an empty title. */
const UNTITLED = 'Untitled';

/**
 * Builds our Login item from an Enpass item's fields:
 * - username, e-mail, password, phone and the security question and answer fill our fields of those names:
 *   the first non-empty one of each; further ones are kept as custom fields (a password always hidden);
 * - every website and Android app (as `androidapp://package`, as Bitwarden imports them) is a website;
 * - every one-time-code field becomes an OTP field with its label; a bare secret gets the item's title as
 *   issuer and its username (else e-mail) as account, as our editor gives it; a value that cannot be read
 *   is a problem of kind `invalid` and the item is imported without that field;
 * - any other non-empty field is a custom field keeping Enpass's "sensitive" flag; empty fields are dropped.
 */
export function enpassItemContent(source: EnpassItemSource): { readonly content: ItemContent; readonly problems: readonly ImportProblem[] } {
  const single: Partial<Record<SingleKind, string>> = {};
  const websites: string[] = [];
  const otpValues: EnpassField[] = [];
  const custom: [label: string, value: string, sensitive: boolean][] = [];
  for (const field of source.fields) {
    if (field.value.trim() === '') continue;
    switch (field.kind) {
      case 'website':
        websites.push(field.value.trim());
        break;
      case 'androidApp':
        websites.push(androidAppUri(field.value));
        break;
      case 'otp':
        otpValues.push(field);
        break;
      case 'custom':
        custom.push([field.label, field.value, field.sensitive]);
        break;
      default:
        if (single[field.kind] === undefined) single[field.kind] = field.value;
        else custom.push([field.label, field.value, field.sensitive || field.kind === 'password']);
    }
  }
  const username = single.username ?? '';
  const email = single.email ?? '';
  const title = [source.title, username, email, websites[0] ?? ''].map((candidate) => candidate.trim()).find((candidate) => candidate !== '') ?? UNTITLED;
  const defaults = { issuer: title, account: username.trim() || email.trim() };
  const otp: OtpField[] = [];
  const problems: ImportProblem[] = [];
  for (const field of otpValues) {
    const read = readOtpField(title, field.value, { label: field.label, defaults });
    if (read.field) otp.push(read.field);
    if (read.problem) problems.push(read.problem);
  }
  const content: ItemContent = {
    template: source.template,
    title,
    username,
    email,
    password: single.password ?? '',
    websites,
    phone: single.phone ?? '',
    otp,
    securityQuestion: single.securityQuestion ?? '',
    securityAnswer: single.securityAnswer ?? '',
    notes: source.notes,
    customFields: customFields(custom),
    tags: uniqueTags(source.tags),
    favorite: source.favorite,
  };
  return { content, problems };
}

/**
 * Enpass keeps Android autofill targets as a bare package name, `android://<certificate hash>@package`,
 * `android://package` or `androidapp://package`; all of them name the package.
 */
export function androidAppUri(value: string): string {
  const withoutScheme = value.trim().replace(/^android(?:app)?:\/\//i, '');
  const packageName = withoutScheme.slice(withoutScheme.lastIndexOf('@') + 1);
  return `androidapp://${packageName}`;
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}
