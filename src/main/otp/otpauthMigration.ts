import { Secret } from 'otpauth';
import { isVaultError, VaultError } from '../../shared/errors.js';
import { normaliseSecret } from './normaliseSecret.js';
import type { OtpParameters } from './otpParameters.js';
import { ProtobufReader, WIRE_TYPES } from './protobufReader.js';
import { resolveOtpSettings } from './resolveOtpSettings.js';

/** An account of the export that could not be taken over, named so the user can set it up by hand. */
export interface SkippedMigrationAccount {
  readonly name: string;
  readonly issuer: string;
  readonly reason: string;
}

/** One QR code of a Google Authenticator export ("Transfer accounts"). */
export interface MigrationBatch {
  /** In the normal form of OtpParameters, in the order of the export. */
  readonly accounts: readonly OtpParameters[];
  /** Accounts we cannot use (MD5, an empty secret, …), each with the reason. */
  readonly skipped: readonly SkippedMigrationAccount[];
  /**
   * Which QR code of how many this is, and the id the codes of one export share. Protobuf defaults (0) where
   * the export leaves them out; the id is an int32 and often negative.
   */
  readonly batch: { readonly size: number; readonly index: number; readonly id: number };
}

const MIGRATION_PREFIX = /^otpauth-migration:\/\//i;

/**
 * A QR code holds at most 2,953 bytes, so a real export is far below this; the bound is checked before any
 * decoding so that pasted text cannot make us decode megabytes.
 */
const MAX_EXPORT_CHARACTERS = 64 * 1024;

/** Standard or URL-safe alphabet, padding optional. */
const BASE64 = /^[A-Za-z\d+/_-]*={0,2}$/;

/** MigrationPayload field numbers (Google Authenticator's migration.proto). */
const PAYLOAD_FIELDS = { otpParameters: 1, batchSize: 3, batchIndex: 4, batchId: 5 } as const;
const ACCOUNT_FIELDS = { secret: 1, name: 2, issuer: 3, algorithm: 4, digits: 5, type: 6, counter: 7 } as const;

/** The enums, with 0 ("unspecified") read as Google Authenticator reads it. MD5 (4) is named to be refused. */
const ALGORITHMS: Readonly<Record<number, string>> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512', 4: 'MD5' };
const DIGIT_COUNTS: Readonly<Record<number, number>> = { 0: 6, 1: 6, 2: 8 };
const TYPES: Readonly<Record<number, string>> = { 0: 'totp', 1: 'hotp', 2: 'totp' };

/** Names and issuers are UTF-8; bytes that are not mean the export is damaged, not that we should guess. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** One OtpParameters message as written, before any of it is interpreted. */
interface RawAccount {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
  counter: bigint;
}

/**
 * Reads a Google Authenticator export QR code, `otpauth-migration://offline?data=BASE64`, where the data is
 * a protobuf MigrationPayload. Throws INVALID_URI when the text as a whole cannot be read; an account that
 * cannot be used is returned in `skipped` so that one odd account does not cost the user the others.
 */
export function parseOtpauthMigrationUri(text: string): MigrationBatch {
  const uri = text.trim();
  if (uri.length > MAX_EXPORT_CHARACTERS) {
    throw new VaultError(
      'INVALID_URI',
      `The Google Authenticator export is too long: ${uri.length} characters (at most ${MAX_EXPORT_CHARACTERS}).`,
    );
  }
  if (!MIGRATION_PREFIX.test(uri)) {
    throw new VaultError('INVALID_URI', 'This is not a Google Authenticator export: it does not start with otpauth-migration://.');
  }
  const payload = decodeBase64(readDataParameter(uri));
  try {
    const { rawAccounts, batch } = readPayload(payload);
    if (rawAccounts.length === 0) {
      throw new VaultError('INVALID_URI', 'The Google Authenticator export holds no accounts.');
    }
    const accounts: OtpParameters[] = [];
    const skipped: SkippedMigrationAccount[] = [];
    for (const raw of rawAccounts) {
      try {
        accounts.push(toOtpParameters(raw));
      } catch (thrown) {
        if (!isVaultError(thrown)) throw thrown;
        skipped.push({ name: raw.name.trim(), issuer: raw.issuer.trim(), reason: thrown.message });
      }
    }
    return { accounts, skipped, batch };
  } finally {
    // Every secret was a view into these bytes.
    payload.fill(0);
  }
}

/**
 * The `data` value with %-escapes undone but `+` kept: the data is base64, where `+` is a digit, and
 * exporters leave it unescaped. Form decoding (`+` → space) is what breaks other importers on such exports.
 */
function readDataParameter(uri: string): string {
  const queryStart = uri.indexOf('?');
  const query = queryStart === -1 ? '' : uri.slice(queryStart + 1);
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    if (equals === -1 || pair.slice(0, equals).toLowerCase() !== 'data') continue;
    const value = pair.slice(equals + 1);
    if (value === '') break;
    try {
      return decodeURIComponent(value);
    } catch {
      throw new VaultError('INVALID_URI', "The Google Authenticator export's data has a broken %-escape.");
    }
  }
  throw new VaultError('INVALID_URI', 'The Google Authenticator export has no data parameter.');
}

function decodeBase64(text: string): Uint8Array {
  const unpadded = text.replace(/=+$/, '');
  const isPaddingRight = unpadded.length === text.length || text.length % 4 === 0;
  // Four characters carry three bytes; a lone last character carries no whole byte, so the text was cut.
  if (!BASE64.test(text) || !isPaddingRight || unpadded.length % 4 === 1) {
    // The text itself is never quoted: it holds the secrets.
    throw new VaultError('INVALID_URI', "The Google Authenticator export's data is not base64.");
  }
  const decoded = Buffer.from(unpadded.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  // A plain copy: a small Buffer lives in a shared pool, and Buffer's slice() makes views rather than copies.
  const bytes = new Uint8Array(decoded);
  decoded.fill(0);
  return bytes;
}

function damaged(detail: string): VaultError {
  return new VaultError('INVALID_URI', `The Google Authenticator export is damaged: ${detail}.`);
}

function readPayload(bytes: Uint8Array): { rawAccounts: RawAccount[]; batch: MigrationBatch['batch'] } {
  const reader = new ProtobufReader(bytes, damaged);
  const rawAccounts: RawAccount[] = [];
  const batch = { size: 0, index: 0, id: 0 };
  while (!reader.done) {
    const tag = reader.readTag();
    switch (tag.field) {
      case PAYLOAD_FIELDS.otpParameters:
        reader.expectWireType(tag, WIRE_TYPES.lengthDelimited);
        rawAccounts.push(readAccount(reader.readMessage()));
        break;
      case PAYLOAD_FIELDS.batchSize:
        batch.size = readInt32(reader, tag);
        break;
      case PAYLOAD_FIELDS.batchIndex:
        batch.index = readInt32(reader, tag);
        break;
      case PAYLOAD_FIELDS.batchId:
        batch.id = readInt32(reader, tag);
        break;
      default:
        // Includes `version` (2), which changes nothing we read.
        reader.skip(tag);
    }
  }
  return { rawAccounts, batch };
}

function readAccount(reader: ProtobufReader): RawAccount {
  const account: RawAccount = { secret: new Uint8Array(0), name: '', issuer: '', algorithm: 0, digits: 0, type: 0, counter: 0n };
  while (!reader.done) {
    const tag = reader.readTag();
    switch (tag.field) {
      case ACCOUNT_FIELDS.secret:
        reader.expectWireType(tag, WIRE_TYPES.lengthDelimited);
        account.secret = reader.readBytes();
        break;
      case ACCOUNT_FIELDS.name:
        account.name = readString(reader, tag);
        break;
      case ACCOUNT_FIELDS.issuer:
        account.issuer = readString(reader, tag);
        break;
      case ACCOUNT_FIELDS.algorithm:
        account.algorithm = readInt32(reader, tag);
        break;
      case ACCOUNT_FIELDS.digits:
        account.digits = readInt32(reader, tag);
        break;
      case ACCOUNT_FIELDS.type:
        account.type = readInt32(reader, tag);
        break;
      case ACCOUNT_FIELDS.counter:
        reader.expectWireType(tag, WIRE_TYPES.varint);
        account.counter = BigInt.asIntN(64, reader.readVarint());
        break;
      default:
        reader.skip(tag);
    }
  }
  return account;
}

/** int32 and enums: negative values are written sign-extended to 64 bits, so the low 32 bits are the value. */
function readInt32(reader: ProtobufReader, tag: { field: number; wireType: number }): number {
  reader.expectWireType(tag, WIRE_TYPES.varint);
  return Number(BigInt.asIntN(32, reader.readVarint()));
}

function readString(reader: ProtobufReader, tag: { field: number; wireType: number }): string {
  reader.expectWireType(tag, WIRE_TYPES.lengthDelimited);
  try {
    return UTF8.decode(reader.readBytes());
  } catch (thrown) {
    if (isVaultError(thrown)) throw thrown;
    throw damaged(`field ${tag.field} is not UTF-8 text`);
  }
}

/** Through the same checks, and so with the same messages, as a URI or a typed-in secret. */
function toOtpParameters(raw: RawAccount): OtpParameters {
  const algorithm = lookUp(ALGORITHMS, raw.algorithm, 'algorithm');
  if (algorithm === 'MD5') {
    throw new VaultError('INVALID_PARAMETER', 'It uses the MD5 algorithm, which TOTP Vault does not support (only SHA1, SHA256 and SHA512).');
  }
  const digits = lookUp(DIGIT_COUNTS, raw.digits, 'digit count');
  const type = lookUp(TYPES, raw.type, 'type');
  // Google Authenticator exports have no period: every TOTP account uses the default 30 seconds.
  const settings = resolveOtpSettings({ type, algorithm, digits, counter: String(raw.counter) });
  const secret = normaliseSecret(toBase32(raw.secret));
  const { issuer, account } = splitName(raw.name, raw.issuer);
  return { ...settings, secret, issuer, labelIssuer: issuer, account, extra: [] };
}

function lookUp<T>(table: Readonly<Record<number, T>>, value: number, setting: string): T {
  const known = table[value];
  if (known === undefined) {
    throw new VaultError('INVALID_PARAMETER', `It has ${setting} number ${value}, which Google Authenticator does not define.`);
  }
  return known;
}

function toBase32(bytes: Uint8Array): string {
  // Secret wraps the whole ArrayBuffer it is given, so it gets a copy of just these bytes, wiped after use.
  const secret = new Secret({ buffer: bytes.slice().buffer });
  try {
    return secret.base32;
  } finally {
    secret.bytes.fill(0);
  }
}

/**
 * As Aegis reads exports: the name is the otpauth label, so without an issuer an "Issuer:account" name is
 * split; with an issuer the name stays whole, prefix and all, because Google Authenticator shows it that way.
 */
function splitName(name: string, rawIssuer: string): { issuer: string; account: string } {
  const issuer = rawIssuer.trim();
  const colon = name.indexOf(':');
  if (issuer !== '' || colon === -1) return { issuer, account: name.trim() };
  return { issuer: name.slice(0, colon).trim(), account: name.slice(colon + 1).trim() };
}
