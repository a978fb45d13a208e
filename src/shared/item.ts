import type { OtpCode, OtpSummary } from './otp.js';

/**
 * Enpass-style Login items. Everything here but `id` and the timestamps is stored encrypted.
 * An OTP field keeps its whole account as an otpauth URI so issuer, algorithm, digits, period,
 * HOTP counter and Steam survive every round trip.
 */

export const ITEM_TEMPLATES = ['login', 'microsoft365', 'email', 'server', 'other'] as const;
export type ItemTemplate = (typeof ITEM_TEMPLATES)[number];

export interface OtpField {
  readonly id: string;
  readonly label: string;
  /** otpauth://… URI holding the secret. Only main and the reveal/edit views ever see it. */
  readonly uri: string;
}

export interface CustomField {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly sensitive: boolean;
}

/** The editable content of an item. */
export interface ItemContent {
  readonly template: ItemTemplate;
  readonly title: string;
  readonly username: string;
  readonly email: string;
  readonly password: string;
  readonly websites: readonly string[];
  readonly phone: string;
  readonly otp: readonly OtpField[];
  readonly securityQuestion: string;
  readonly securityAnswer: string;
  readonly notes: string;
  readonly customFields: readonly CustomField[];
  readonly tags: readonly string[];
  readonly favorite: boolean;
}

export interface Item extends ItemContent {
  readonly id: string;
  /** Unix milliseconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Unix milliseconds when moved to the trash; null when not trashed. */
  readonly trashedAt: number | null;
}

/** What lists show: no password, no OTP secret. */
export interface ItemSummary {
  readonly id: string;
  readonly template: ItemTemplate;
  readonly title: string;
  readonly username: string;
  readonly email: string;
  readonly websites: readonly string[];
  readonly tags: readonly string[];
  readonly favorite: boolean;
  readonly trashedAt: number | null;
  readonly updatedAt: number;
  readonly otp: readonly { readonly id: string; readonly label: string; readonly summary: OtpSummary }[];
}

/** One row of the live code list: an item's OTP field with its current code. */
export interface CodeEntry {
  readonly itemId: string;
  readonly fieldId: string;
  readonly title: string;
  readonly issuer: string;
  readonly account: string;
  readonly tags: readonly string[];
  readonly favorite: boolean;
  readonly summary: OtpSummary;
  /** Null for hotp: showing an HOTP code uses it up, so it is generated only when asked for. */
  readonly current: OtpCode | null;
}

export function emptyItemContent(template: ItemTemplate = 'login'): ItemContent {
  return {
    template,
    title: '',
    username: '',
    email: '',
    password: '',
    websites: [],
    phone: '',
    otp: [],
    securityQuestion: '',
    securityAnswer: '',
    notes: '',
    customFields: [],
    tags: [],
    favorite: false,
  };
}
