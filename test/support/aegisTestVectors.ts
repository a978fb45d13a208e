/**
 * The Aegis importer test vectors (Aegis app/src/test/java/…/vectors/VaultEntries.java, as listed in
 * /work/shared/fixtures/migration/others/EXPECTED.md), the fixture files beside the repository, and helpers that
 * compare what an importer made with them through the stored otpauth URI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ImportInput, ImportResult, Importer } from '../../src/main/importers/importTypes.js';
import { generateCode, parseOtpauthUri, type OtpParameters } from '../../src/main/otp/index.js';
import { decodeBase32, totp } from './rfc6238.js';

export const OTHERS_FIXTURES = new URL('../../../shared/fixtures/migration/others/', import.meta.url);
export const AEGIS_TESTDATA = new URL('aegis-testdata/', OTHERS_FIXTURES);

export function fixtureInput(fileName: string, folder: URL = AEGIS_TESTDATA): ImportInput {
  return { fileName, bytes: new Uint8Array(readFileSync(new URL(fileName, folder))) };
}

/** Every fixture file under others/, for detection matrices. */
export function allOtherFixtures(): ImportInput[] {
  return ['aegis-testdata/', 'google-authenticator/', 'keepassxc/'].flatMap((folder) => {
    const url = new URL(folder, OTHERS_FIXTURES);
    return readdirSync(url)
      .sort()
      .map((fileName) => fixtureInput(fileName, url));
  });
}

function account(
  type: OtpParameters['type'],
  issuer: string,
  name: string,
  secret: string,
  algorithm: OtpParameters['algorithm'],
  digits: number,
  periodOrCounter: number,
): OtpParameters {
  const isHotp = type === 'hotp';
  return {
    type,
    secret,
    issuer,
    labelIssuer: issuer,
    account: name,
    algorithm,
    digits,
    period: isHotp ? 0 : periodOrCounter,
    counter: isHotp ? periodOrCounter : 0,
    extra: [],
  };
}

/** The names of the fixtures under others/ that `importer` recognises, sorted. */
export function detectedFixtures(importer: Importer): string[] {
  return allOtherFixtures()
    .filter((input) => importer.detect(input))
    .map((input) => input.fileName)
    .sort();
}

/** Matches the problem for an account left out, by its title and a part of the reason. */
export function skippedProblem(item: string, reasonPart: string) {
  return { item, what: 'item', reason: expect.stringContaining(reasonPart), kind: 'skipped' };
}

/** Vectors 1–7 of EXPECTED.md, in the normal form of OtpParameters. */
export const VECTORS = {
  deno: account('totp', 'Deno', 'Mason', '4SJHB4GSD43FZBAI7C2HLRJGPQ', 'SHA1', 6, 30),
  spdx: account('totp', 'SPDX', 'James', '5OM4WOOGPLQEF6UGN3CPEOOLWU', 'SHA256', 7, 20),
  airbnb: account('totp', 'Airbnb', 'Elijah', '7ELGJSGXNCCTV3O6LKJWYFV2RA', 'SHA512', 8, 50),
  issuu: account('hotp', 'Issuu', 'James', 'YOOMIXWS5GN6RTBPUFFWKTW5M4', 'SHA1', 6, 1),
  airCanada: account('hotp', 'Air Canada', 'Benjamin', 'KUVJJOM753IHTNDSZVCNKL7GII', 'SHA256', 7, 50),
  wwe: account('hotp', 'WWE', 'Mason', '5VAML3X35THCEBVRLV24CGBKOY', 'SHA512', 8, 10300),
  boeing: account('steam', 'Boeing', 'Sophia', 'JRZCL47CMXVOQMNPZR2F7J4RGI', 'SHA1', 5, 30),
} as const;

export const ALL_SEVEN: readonly OtpParameters[] = Object.values(VECTORS);
export const FIRST_SIX: readonly OtpParameters[] = ALL_SEVEN.slice(0, 6);

/** EXPECTED.md's codes at t=1700000000, computed there independently of any importer, for the vectors' own settings. */
export const PUBLISHED_CODES: readonly { readonly vector: OtpParameters; readonly code: string }[] = [
  { vector: VECTORS.deno, code: '790195' },
  { vector: VECTORS.spdx, code: '9993814' },
  { vector: VECTORS.airbnb, code: '65516786' },
];

export const CODE_TIME_SECONDS = 1_700_000_000;

/** Each item's one OTP field, parsed back from its stored URI. */
export function importedAccounts(result: ImportResult): OtpParameters[] {
  return result.items.map((item) => {
    expect(item.content.otp).toHaveLength(1);
    return parseOtpauthUri(item.content.otp[0]!.uri);
  });
}

/** The result holds exactly `expected`, in order, and each item is titled by issuer with the account as username. */
export function expectAccounts(result: ImportResult, expected: readonly OtpParameters[]): void {
  expect(importedAccounts(result)).toEqual(expected);
  expect(result.items.map((item) => [item.content.title, item.content.username])).toEqual(
    expected.map((parameters) => [parameters.issuer, parameters.account]),
  );
  for (const item of result.items) expect(item.trashed).toBe(false);
}

/**
 * Every imported TOTP account's code at t=1700000000 equals the independent RFC 6238 implementation's; where
 * the account kept its vector's settings, it also equals the code EXPECTED.md publishes. Returns how many
 * published codes were matched.
 */
export function expectPublishedCodes(result: ImportResult): number {
  let matched = 0;
  for (const parameters of importedAccounts(result)) {
    if (parameters.type !== 'totp') continue;
    const ours = generateCode(parameters, CODE_TIME_SECONDS * 1000).code;
    const reference = totp(decodeBase32(parameters.secret), CODE_TIME_SECONDS, {
      digits: parameters.digits,
      period: parameters.period,
      algorithm: parameters.algorithm.toLowerCase(),
    });
    expect(ours).toBe(reference);
    const published = PUBLISHED_CODES.find(({ vector }) => vector.secret === parameters.secret);
    const keptSettings =
      published !== undefined &&
      (['algorithm', 'digits', 'period'] as const).every((setting) => published.vector[setting] === parameters[setting]);
    if (keptSettings) {
      expect(ours).toBe(published.code);
      matched += 1;
    }
  }
  return matched;
}

/** Deterministic noise (xorshift32) that is not valid UTF-8 and no known format. */
export function randomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

/** A copy of `input` with its text changed, for damaged-file tests. */
export function editedInput(input: ImportInput, edit: (text: string) => string, fileName = input.fileName): ImportInput {
  return { fileName, bytes: new TextEncoder().encode(edit(new TextDecoder().decode(input.bytes))) };
}
