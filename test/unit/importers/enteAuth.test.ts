import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSodium } from '../../../src/main/crypto/sodium.js';
import { enteAuthImporter } from '../../../src/main/importers/enteAuthImporter.js';
import type { ImportInput, ImportResult } from '../../../src/main/importers/importTypes.js';
import { AEGIS_TESTDATA, VECTORS, detectedFixtures, expectAccounts, expectPublishedCodes, fixtureInput, randomBytes } from '../../support/aegisTestVectors.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

/** ente_auth.txt lists its accounts sorted by issuer. */
const ENTE_ORDER = [VECTORS.airCanada, VECTORS.airbnb, VECTORS.boeing, VECTORS.deno, VECTORS.issuu, VECTORS.spdx, VECTORS.wwe];

const PLAIN_TEXT = readFileSync(new URL('ente_auth.txt', AEGIS_TESTDATA), 'utf8');

/** Small Argon2id settings, so the test derives in milliseconds; Ente itself writes 256 MiB × 16 and up. */
const TEST_KDF = { memLimit: 8 * 1024 * 1024, opsLimit: 2 } as const;

async function read(input: ImportInput, password?: string): Promise<ImportResult> {
  return enteAuthImporter.read(input, password);
}

function textInput(text: string, fileName = 'ente-auth-codes.txt'): ImportInput {
  return { fileName, bytes: new TextEncoder().encode(text) };
}

function jsonInput(value: unknown): ImportInput {
  return { fileName: 'ente-auth-codes-encrypted.txt', bytes: new TextEncoder().encode(JSON.stringify(value)) };
}

/** An encrypted export as Ente writes it (export_widget.dart): Argon2id13 key, one secretstream message. */
async function encryptedExport(plaintext: string, password: string, kdf: { memLimit: number; opsLimit: number } = TEST_KDF) {
  const sodium = await loadSodium();
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
  const key = sodium.crypto_pwhash(32, password, salt, kdf.opsLimit, kdf.memLimit, sodium.crypto_pwhash_ALG_ARGON2ID13);
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(state, plaintext, null, sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL);
  const base64 = (bytes: Uint8Array) => sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
  return {
    version: 1,
    kdfParams: { memLimit: kdf.memLimit, opsLimit: kdf.opsLimit, salt: base64(salt) },
    encryptedData: base64(sealed),
    encryptionNonce: base64(header),
  };
}

const DENO_URI = 'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&algorithm=SHA1&digits=6&period=30';

function withDisplay(display: string): string {
  return `${DENO_URI}&codeDisplay=${encodeURIComponent(display)}`;
}

describe('enteAuthImporter: the plain export (ente_auth.txt)', () => {
  it('reads vectors 1–6 and the Steam vector exactly, codeDisplay, sha512 and the HOTP period notwithstanding', async () => {
    const input = fixtureInput('ente_auth.txt');
    expect(enteAuthImporter.isEncrypted(input)).toBe(false);
    const result = await read(input);
    expect(result.format).toBe('ente-auth');
    expect(result.problems).toEqual([]);
    expectAccounts(result, ENTE_ORDER);
    expect(expectPublishedCodes(result)).toBe(3);
    for (const item of result.items) {
      expect(item.content).toMatchObject({ favorite: false, tags: [], notes: '' });
      // Ente's display settings are taken over, not kept in the stored URI.
      expect(item.content.otp[0]!.uri).not.toContain('codeDisplay');
    }
  });

  it('takes pinned, trashed, tags and note from codeDisplay', async () => {
    const display = { pinned: true, trashed: true, lastUsedAt: 0, tapCount: 3, tags: ['Work', ' ', 'Dev'], note: 'Backup codes in the safe' };
    const result = await read(textInput(withDisplay(JSON.stringify(display))));
    expect(result.problems).toEqual([]);
    expectAccounts({ ...result, items: result.items.map((item) => ({ ...item, trashed: false })) }, [VECTORS.deno]);
    expect(result.items[0]).toMatchObject({ trashed: true, content: { favorite: true, tags: ['Work', 'Dev'], notes: 'Backup codes in the safe' } });
  });

  it('imports an account whose codeDisplay is broken without its settings, as a problem', async () => {
    const result = await read(textInput(`${withDisplay('{"pinned":tru')}\n${withDisplay('{}')}`));
    expect(result.items).toHaveLength(2);
    expect(result.problems).toEqual([
      { item: 'Deno', what: 'Ente display settings', reason: expect.stringContaining('not readable JSON'), kind: 'invalid' },
    ]);
  });

  it('reports a line it cannot read by number and imports the rest', async () => {
    const lines = PLAIN_TEXT.trim().split('\n');
    lines.splice(2, 0, withDisplay('{}').replace('secret=4SJHB4GSD43FZBAI7C2HLRJGPQ', 'secret=NOT-BASE32!'));
    const result = await read(textInput(lines.join('\n')));
    expectAccounts(result, ENTE_ORDER);
    expect(result.problems).toEqual([{ item: 'Deno:Mason', what: 'line 3', reason: expect.stringContaining('base32'), kind: 'skipped' }]);
  });
});

describe('enteAuthImporter: the encrypted export', () => {
  it('decrypts an export made as Ente makes it, with the right password only', async () => {
    const input = jsonInput(await encryptedExport(PLAIN_TEXT, 'correct horse'));
    expect(enteAuthImporter.detect(input)).toBe(true);
    expect(enteAuthImporter.isEncrypted(input)).toBe(true);
    await expect(read(input)).rejects.toEqual(vaultErrorLike('INVALID_INPUT', 'enter its password'));
    await expect(read(input, '')).rejects.toEqual(vaultErrorLike('INVALID_INPUT', 'enter its password'));
    await expect(read(input, 'correct horse!')).rejects.toEqual(vaultErrorLike('WRONG_PASSWORD', 'Ente Auth'));
    const result = await read(input, 'correct horse');
    expect(result.problems).toEqual([]);
    expectAccounts(result, ENTE_ORDER);
  });

  it('uses the password exactly as typed (UTF-8, no normalisation), as Ente does', async () => {
    const composed = 'Blåbær';
    const input = jsonInput(await encryptedExport(DENO_URI, composed));
    expect((await read(input, composed)).items).toHaveLength(1);
    await expect(read(input, composed.normalize('NFD'))).rejects.toEqual(vaultErrorLike('WRONG_PASSWORD', 'wrong'));
  });

  it('reads an encrypted empty vault as no accounts', async () => {
    const result = await read(jsonInput(await encryptedExport('', 'pw')), 'pw');
    expect(result).toEqual({ format: 'ente-auth', items: [], problems: [] });
  });

  it('treats a changed ciphertext as a wrong password (authenticated encryption cannot tell them apart)', async () => {
    const file = await encryptedExport(PLAIN_TEXT, 'pw');
    const sealed = Buffer.from(file.encryptedData, 'base64');
    sealed[sealed.length - 5]! ^= 0x01;
    await expect(read(jsonInput({ ...file, encryptedData: sealed.toString('base64') }), 'pw')).rejects.toEqual(vaultErrorLike('WRONG_PASSWORD', 'wrong'));
  });

  it('reports damaged fields as UNSUPPORTED_FORMAT before deriving anything', async () => {
    const file = await encryptedExport(DENO_URI, 'pw');
    const cases: [unknown, string][] = [
      [{ ...file, version: 2 }, 'version 2'],
      [{ ...file, kdfParams: { ...file.kdfParams, memLimit: 4 * 1024 ** 3 } }, 'beyond what Ente writes'],
      [{ ...file, kdfParams: { ...file.kdfParams, opsLimit: 1_000_000 } }, 'beyond what Ente writes'],
      [{ ...file, kdfParams: { ...file.kdfParams, memLimit: '8388608' } }, 'missing'],
      [{ ...file, kdfParams: { ...file.kdfParams, salt: 'c2hvcnQ=' } }, 'salt'],
      [{ ...file, encryptionNonce: 'not base64!' }, 'encryptionNonce'],
      [{ ...file, encryptionNonce: file.kdfParams.salt }, 'encryptionNonce'],
      [{ ...file, encryptedData: 'AAAA' }, 'encryptedData'],
    ];
    const started = Date.now();
    for (const [value, message] of cases) {
      await expect(read(jsonInput(value), 'pw')).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', message));
    }
    // Refused up front: a 4 GiB Argon2id would take far longer than this (and the memory).
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('enteAuthImporter: detection and damaged files', () => {
  it('recognises ente_auth.txt and no other fixture', () => {
    expect(detectedFixtures(enteAuthImporter)).toEqual(['ente_auth.txt']);
  });

  it('recognises from content only; a list without codeDisplay is left to the otpauth:// list importer', () => {
    expect(enteAuthImporter.detect(textInput(withDisplay('{}'), 'codes.bin'))).toBe(true);
    expect(enteAuthImporter.detect(textInput(DENO_URI))).toBe(false);
    expect(enteAuthImporter.detect({ fileName: 'ente_auth.txt', bytes: randomBytes(2048) })).toBe(false);
    expect(enteAuthImporter.detect(jsonInput({ kdfParams: {}, encryptedData: 1, encryptionNonce: 'x' }))).toBe(false);
    expect(enteAuthImporter.isEncrypted(fixtureInput('plain.txt'))).toBe(false);
  });

  it('refuses text without otpauth:// lines and bytes that are not text with UNSUPPORTED_FORMAT', async () => {
    await expect(read(textInput('hello'))).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'otpauth:// lines'));
    await expect(read({ fileName: 'x', bytes: randomBytes(100) })).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'UTF-8'));
  });
});
