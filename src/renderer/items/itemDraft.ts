import type { CustomField, Item, ItemContent, ItemTemplate } from '../../shared/item.js';
import { emptyItemContent } from '../../shared/item.js';

/** An OTP field as the editor holds it: the text in the secret box (as typed, or the stored URI). */
export interface OtpDraft {
  readonly id: string;
  readonly label: string;
  readonly text: string;
}

/** The editor's working copy of an item: ItemContent with OTP fields as text, and blank rows allowed. */
export type ItemDraft = Omit<ItemContent, 'otp'> & { readonly otp: readonly OtpDraft[] };

export const MICROSOFT_SIGN_IN_PAGE = 'https://mysignins.microsoft.com/security-info';

/** Words a template puts into a new item, in the UI language. */
export interface TemplateWords {
  readonly microsoftTitle: string;
  readonly workTag: string;
}

/**
 * A new item for a template. Every template starts with one empty OTP field (what this app is for) and
 * one empty website row; Microsoft 365 fills in its title, a work tag and the security-info page.
 */
export function draftForTemplate(template: ItemTemplate, words: TemplateWords, newId: () => string): ItemDraft {
  const base: ItemDraft = { ...emptyItemContent(template), otp: [{ id: newId(), label: '', text: '' }], websites: [''] };
  if (template !== 'microsoft365') return base;
  return { ...base, title: words.microsoftTitle, tags: [words.workTag], websites: [MICROSOFT_SIGN_IN_PAGE] };
}

export function draftFromItem(item: Item): ItemDraft {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, trashedAt: _trashedAt, ...content } = item;
  return {
    ...content,
    otp: content.otp.map((field) => ({ id: field.id, label: field.label, text: field.uri })),
    websites: content.websites.length === 0 ? [''] : content.websites,
  };
}

/** What the preview is asked with: the item's title as issuer and its username (or email) as account. */
export function previewContext(draft: ItemDraft): { issuer: string; account: string } {
  return { issuer: draft.title.trim(), account: draft.username.trim() || draft.email.trim() };
}

/** OTP fields with something in their secret box; blank ones are dropped on save. */
export function filledOtpFields(draft: ItemDraft): readonly OtpDraft[] {
  return draft.otp.filter((field) => field.text.trim() !== '');
}

/**
 * The content to save: text fields trimmed where spaces cannot matter (not passwords, answers or notes),
 * blank websites and custom fields dropped, and each filled OTP field's text replaced by the URI main
 * made of it (`uris`, by field id).
 */
export function contentFromDraft(draft: ItemDraft, uris: ReadonlyMap<string, string>): ItemContent {
  const customFields: CustomField[] = draft.customFields
    .filter((field) => field.label.trim() !== '' || field.value !== '')
    .map((field) => ({ ...field, label: field.label.trim() }));
  return {
    ...draft,
    title: draft.title.trim(),
    username: draft.username.trim(),
    email: draft.email.trim(),
    phone: draft.phone.trim(),
    securityQuestion: draft.securityQuestion.trim(),
    websites: draft.websites.map((website) => website.trim()).filter((website) => website !== ''),
    otp: filledOtpFields(draft).flatMap((field) => {
      const uri = uris.get(field.id);
      return uri === undefined ? [] : [{ id: field.id, label: field.label.trim(), uri }];
    }),
    customFields,
    tags: draft.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''),
  };
}

/** Whether two drafts differ in anything the user would lose. */
export function draftsDiffer(left: ItemDraft, right: ItemDraft): boolean {
  return JSON.stringify(left) !== JSON.stringify(right);
}
