/**
 * Checks the shape of every request before its handler sees it: the renderer (or whatever reached the
 * loopback port with the token) is untrusted. Each request must be a plain object with exactly the known
 * fields, of the right types and within bounds; anything else is INVALID_INPUT with a message naming the
 * field. Item content is read by readItemContent, which the Vault applies again when it stores it.
 */
import { type ApiCallName, type ApiRequest, type FieldKey, IMPORT_FILE_MAX_BYTES } from '../../shared/api.js';
import { VaultError } from '../../shared/errors.js';
import { OTP_LIMITS } from '../../shared/otp.js';
import type { Preferences } from '../../shared/preferences.js';
import { MASTER_PASSWORD_LIMITS, VAULT_SETTINGS_LIMITS, type VaultSettings } from '../../shared/settings.js';
import { readItemContent } from './itemContent.js';
import { PREFERENCE_RULES } from './preferenceRules.js';
import { SCAN_LIMITS } from './scanSession.js';

export const REQUEST_LIMITS = {
  /** Item ids are UUIDs and field ids at most 64 characters; this leaves room without inviting megabytes. */
  identifierCharacters: 128,
  /** As generous as the unlock check itself: a longer password cannot be right, so it is refused unread. */
  passwordCharacters: MASTER_PASSWORD_LIMITS.maxCharacters * 4,
  /** Code rows asked for at once: every row of a 10,000-item vault with two fields each. */
  codeFields: 20_000,
  /** The text of a secret field and the issuer and account beside it, all bounded like an otpauth URI. */
  otpTextCharacters: OTP_LIMITS.maxUriCharacters,
  /** A QR code holds at most 7,089 characters (version 40, numeric); a text longer is no QR text. */
  qrTextCharacters: 7_089,
  /** A screen's or file's name as the window shows it. */
  scanSourceCharacters: 1_024,
  /** An import format's name (`enpass-json`); the longest is far shorter. */
  importFormatCharacters: 64,
  /** An export file of IMPORT_FILE_MAX_BYTES in base64: four characters for every three bytes begun. */
  importDataCharacters: 4 * Math.ceil(IMPORT_FILE_MAX_BYTES / 3),
} as const;

/**
 * Calls whose valid requests outgrow the small bound a host puts on a request body before reading it (the
 * web host's 1 MiB), with the body it must read for them: a previewImport carries a whole export file in
 * base64, and a megabyte more leaves room for its name and password however they are escaped.
 */
export const LARGE_REQUEST_BODY_BYTES: { readonly [K in ApiCallName]?: number } = {
  previewImport: REQUEST_LIMITS.importDataCharacters + 1024 * 1024,
};

type Reader<T> = (value: unknown, name: string) => T;

const emptyRequest: Reader<Record<string, never>> = object({});
const identifier = text(1, REQUEST_LIMITS.identifierCharacters);
const password = text(0, REQUEST_LIMITS.passwordCharacters);
const otpText = text(0, REQUEST_LIMITS.otpTextCharacters);
const itemReference = object({ id: identifier });
const fieldKey: Reader<FieldKey> = object({ itemId: identifier, fieldId: identifier });

const READERS: { readonly [K in ApiCallName]: Reader<ApiRequest<K>> } = {
  status: emptyRequest,
  createVault: object({ password }),
  unlock: object({ password }),
  lock: emptyRequest,
  changePassword: object({ currentPassword: password, newPassword: password }),
  listEntries: emptyRequest,
  codes: object({ fields: list(fieldKey, REQUEST_LIMITS.codeFields), at: milliseconds }),
  nextHotpCode: fieldKey,
  listItems: object({ trashed: boolean }),
  getItem: itemReference,
  revealItem: itemReference,
  previewOtp: object({ text: otpText, issuer: otpText, account: otpText }),
  saveItem: object({ id: nullable(identifier), content: (value) => readItemContent(value) }),
  trashItem: itemReference,
  restoreItem: itemReference,
  deleteItem: itemReference,
  getSettings: emptyRequest,
  savePreferences: object({ preferences: preferencesPatch() }),
  saveVaultSettings: object({ settings: object<Partial<VaultSettings>>({ timeOffsetSeconds: optional(timeOffset) }) }),
  scanTexts: object({
    sources: list(object({ source: text(0, REQUEST_LIMITS.scanSourceCharacters), texts: list(text(1, REQUEST_LIMITS.qrTextCharacters), SCAN_LIMITS.textsPerSource) }), SCAN_LIMITS.sources),
    restart: boolean,
  }),
  saveScanned: object({ choices: list(object({ candidateId: identifier, itemId: nullable(identifier) }), SCAN_LIMITS.sources * SCAN_LIMITS.textsPerSource) }),
  previewImport: object({
    fileName: text(0, REQUEST_LIMITS.scanSourceCharacters),
    data: base64(IMPORT_FILE_MAX_BYTES),
    format: nullable(text(1, REQUEST_LIMITS.importFormatCharacters)),
    password: nullable(password),
  }),
  applyImport: object({ importId: identifier, keepDuplicates: boolean }),
  discardImport: object({ importId: identifier }),
  reportActivity: emptyRequest,
};

/** The request of call `name` read out of an untrusted payload; throws INVALID_INPUT when it is malformed. */
export function readApiRequest<K extends ApiCallName>(name: K, payload: unknown): ApiRequest<K> {
  const reader: Reader<ApiRequest<K>> = READERS[name];
  return reader(payload, '');
}

/**
 * A plain object (as structured clone and JSON.parse make) with only the named fields. A field whose reader
 * gives undefined is left out, so an optional field absent from the payload stays absent when merged.
 */
function object<T>(readers: { readonly [K in keyof T]-?: Reader<T[K]> }): Reader<T> {
  const names = Object.keys(readers);
  return (value, name) => {
    if (!isPlainObject(value)) throw invalid(`${name || 'the request'} must be an object`);
    for (const key of Object.keys(value)) {
      if (!names.includes(key)) throw invalid(`${name || 'the request'} has an unexpected field ${quote(key)}`);
    }
    const result: Record<string, unknown> = {};
    for (const key of names) {
      const read = (readers as Record<string, Reader<unknown>>)[key]!(value[key], name ? `${name}.${key}` : key);
      if (read !== undefined) result[key] = read;
    }
    return result as T;
  };
}

function list<T>(readItem: Reader<T>, maxLength: number): Reader<readonly T[]> {
  return (value, name) => {
    if (!Array.isArray(value)) throw invalid(`${name} must be a list`);
    if (value.length > maxLength) throw invalid(`${name} has more than ${maxLength} entries`);
    return value.map((item, index) => readItem(item, `${name}[${index}]`));
  };
}

function text(minLength: number, maxLength: number): Reader<string> {
  return (value, name) => {
    if (typeof value !== 'string') throw invalid(`${name} must be text`);
    if (value.length < minLength) throw invalid(`${name} is empty`);
    if (value.length > maxLength) throw invalid(`${name} is longer than ${maxLength} characters`);
    return value;
  };
}

const BASE64_ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 of at most `maxBytes` bytes, in the standard alphabet with its padding (as btoa and toBase64 write it). */
function base64(maxBytes: number): Reader<string> {
  return (value, name) => {
    if (typeof value !== 'string') throw invalid(`${name} must be text`);
    // The length first: a string far too long is refused before anything reads all of it.
    const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
    if ((value.length / 4) * 3 - padding > maxBytes) throw invalid(`${name} holds more than ${maxBytes / 1024 / 1024} MiB`);
    if (value.length % 4 !== 0 || !BASE64_ALPHABET.test(value)) throw invalid(`${name} must be base64`);
    return value;
  };
}

function nullable<T>(reader: Reader<T>): Reader<T | null> {
  return (value, name) => (value === null ? null : reader(value, name));
}

function optional<T>(reader: Reader<T>): Reader<T | undefined> {
  return (value, name) => (value === undefined ? undefined : reader(value, name));
}

function boolean(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw invalid(`${name} must be true or false`);
  return value;
}

/** Unix milliseconds from the renderer's clock; fractions are allowed (performance.timeOrigin + now()). */
function milliseconds(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > Number.MAX_SAFE_INTEGER) {
    throw invalid(`${name} must be a time in milliseconds since 1970`);
  }
  return value;
}

function timeOffset(value: unknown, name: string): number {
  const limit = VAULT_SETTINGS_LIMITS.maxTimeOffsetSeconds;
  if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > limit) {
    throw invalid(`${name} must be a whole number of seconds from -${limit} to ${limit}`);
  }
  return value;
}

function preferencesPatch(): Reader<Partial<Preferences>> {
  const rule = <K extends keyof Preferences>(key: K): Reader<Preferences[K] | undefined> =>
    optional((value, name) => {
      if (!PREFERENCE_RULES[key].accepts(value)) throw invalid(`${name} must be ${PREFERENCE_RULES[key].expected}`);
      return value;
    });
  return object<Partial<Preferences>>({
    autoLockMinutes: rule('autoLockMinutes'),
    lockOnMinimise: rule('lockOnMinimise'),
    clipboardClearSeconds: rule('clipboardClearSeconds'),
    language: rule('language'),
    theme: rule('theme'),
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** A field name as the message shows it: quoted, and cut short because it came from the caller. */
function quote(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

function invalid(problem: string): VaultError {
  return new VaultError('INVALID_INPUT', `The request is not valid: ${problem}.`);
}
