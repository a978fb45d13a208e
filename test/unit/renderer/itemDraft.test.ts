import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/shared/item.js';
import {
  contentFromDraft,
  draftForTemplate,
  draftFromItem,
  draftsDiffer,
  filledOtpFields,
  MICROSOFT_SIGN_IN_PAGE,
  previewContext,
} from '../../../src/renderer/items/itemDraft.js';

const WORDS = { microsoftTitle: 'Microsoft 365', workTag: 'Work' };
let counter = 0;
const newId = () => `id${++counter}`;

describe('draftForTemplate', () => {
  it('fills in the Microsoft 365 template', () => {
    const draft = draftForTemplate('microsoft365', WORDS, newId);
    expect(draft.template).toBe('microsoft365');
    expect(draft.title).toBe('Microsoft 365');
    expect(draft.tags).toEqual(['Work']);
    expect(draft.websites).toEqual([MICROSOFT_SIGN_IN_PAGE]);
    expect(draft.otp).toHaveLength(1);
  });

  it('starts every other template blank, with one OTP field to paste into', () => {
    const draft = draftForTemplate('login', WORDS, newId);
    expect(draft.title).toBe('');
    expect(draft.otp).toHaveLength(1);
    expect(draft.websites).toEqual(['']);
  });
});

describe('contentFromDraft', () => {
  it('drops blank rows, trims names, and stores the URI main made for each filled secret', () => {
    const draft = {
      ...draftForTemplate('login', WORDS, newId),
      title: '  Topdesk ',
      username: ' alice@contoso.com ',
      password: ' keeps spaces ',
      websites: ['', ' https://example.com '],
      otp: [
        { id: 'a', label: ' Phone ', text: 'abcd efgh ijkl mnop ' },
        { id: 'b', label: '', text: '   ' },
      ],
      customFields: [
        { id: 'c', label: '', value: '', sensitive: false },
        { id: 'd', label: ' PIN ', value: '1234', sensitive: true },
      ],
      tags: ['Work', ' '],
    };
    expect(filledOtpFields(draft).map((field) => field.id)).toEqual(['a']);
    expect(previewContext(draft)).toEqual({ issuer: 'Topdesk', account: 'alice@contoso.com' });
    const content = contentFromDraft(draft, new Map([['a', 'otpauth://totp/Topdesk:alice?secret=ABCDEFGHIJKLMNOP']]));
    expect(content.title).toBe('Topdesk');
    expect(content.password).toBe(' keeps spaces ');
    expect(content.websites).toEqual(['https://example.com']);
    expect(content.otp).toEqual([{ id: 'a', label: 'Phone', uri: 'otpauth://totp/Topdesk:alice?secret=ABCDEFGHIJKLMNOP' }]);
    expect(content.customFields).toEqual([{ id: 'd', label: 'PIN', value: '1234', sensitive: true }]);
    expect(content.tags).toEqual(['Work']);
    expect(Object.keys(content).sort()).toEqual(
      ['customFields', 'email', 'favorite', 'notes', 'otp', 'password', 'phone', 'securityAnswer', 'securityQuestion', 'tags', 'template', 'title', 'username', 'websites'].sort(),
    );
  });
});

describe('draftFromItem', () => {
  it('edits the stored URIs as text and leaves the timestamps out', () => {
    const item: Item = {
      id: 'x',
      createdAt: 1,
      updatedAt: 2,
      trashedAt: null,
      template: 'login',
      title: 'GitHub',
      username: '',
      email: '',
      password: '',
      websites: [],
      phone: '',
      otp: [{ id: 'f', label: '', uri: 'otpauth://totp/GitHub?secret=JBSWY3DPEHPK3PXP' }],
      securityQuestion: '',
      securityAnswer: '',
      notes: '',
      customFields: [],
      tags: [],
      favorite: true,
    };
    const draft = draftFromItem(item);
    expect(draft.otp).toEqual([{ id: 'f', label: '', text: 'otpauth://totp/GitHub?secret=JBSWY3DPEHPK3PXP' }]);
    expect('id' in draft).toBe(false);
    expect(draft.websites).toEqual(['']);
    expect(draftsDiffer(draft, { ...draft })).toBe(false);
    expect(draftsDiffer(draft, { ...draft, title: 'GitLab' })).toBe(true);
  });
});
