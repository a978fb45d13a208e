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
