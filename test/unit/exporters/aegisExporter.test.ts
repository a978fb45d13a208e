import { createDecipheriv, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EXPORTERS, type Exporter } from '../../../src/main/exporters/index.js';
import { aegisImporter } from '../../../src/main/importers/aegisImporter.js';
import type { ImportResult } from '../../../src/main/importers/importTypes.js';
import { generateCode, parseOtpauthUri, toOtpSummary } from '../../../src/main/otp/index.js';
import { DEFAULT_VAULT_SETTINGS } from '../../../src/shared/settings.js';
import { SAMPLE_ITEMS, SAMPLE_SECRETS, expectedAccounts } from '../../support/exportSampleItems.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

const AT = 1_700_000_000_000;
const PASSWORD = 'Blåbærsyltetøy and a long tail';
const source = { items: SAMPLE_ITEMS, settings: DEFAULT_VAULT_SETTINGS, now: AT };

async function exportAndImport(exporter: Exporter, password?: string): Promise<{ text: string; result: ImportResult }> {
  const file = await exporter.write(source, password);
  const text = new TextDecoder().decode(file.bytes);
  const input = { fileName: 'aegis-export.json', bytes: file.bytes };
  expect(aegisImporter.detect(input)).toBe(true);
  expect(aegisImporter.isEncrypted(input)).toBe(exporter.encrypted);
  return { text, result: await aegisImporter.read(input, password) };
}

/** The accounts, notes, favourites and tags an Aegis import should give back. */
function expectSameEntries(result: ImportResult): void {
  expect(result.problems).toEqual([]);
  const expected = expectedAccounts();
  expect(result.items).toHaveLength(expected.length);
  result.items.forEach((imported, index) => {
    const { item, parameters } = expected[index]!;
    const back = parseOtpauthUri(imported.content.otp[0]!.uri);
    // Aegis keeps no label prefix apart from the issuer, so compare what the UI shows, and the secret.
    expect({ ...toOtpSummary(back), secret: back.secret }).toEqual({ ...toOtpSummary(parameters), secret: parameters.secret });
    expect(generateCode(back, AT).code).toBe(generateCode(parameters, AT).code);
    expect(imported.content).toMatchObject({ notes: item.notes, favorite: item.favorite, tags: item.tags });
  });
}

describe('aegisExporter (unencrypted)', () => {
  it('writes an Aegis vault file, database version 3 with groups, that the Aegis importer reads back the same', async () => {
    const { text, result } = await exportAndImport(EXPORTERS.aegis);
    const file = JSON.parse(text) as { version: number; header: unknown; db: { version: number; entries: { type: string; groups: string[]; info: object }[]; groups: { uuid: string; name: string }[] } };
    expect(file.version).toBe(1);
    expect(file.header).toEqual({ slots: null, params: null });
    expect(file.db.version).toBe(3);
    expect(file.db.groups.map((group) => group.name).sort()).toEqual(['Games', 'Microsoft', 'Privé', 'Work']);
    expect(file.db.entries.map((entry) => entry.type)).toEqual(['totp', 'totp', 'totp', 'hotp', 'steam', 'totp', 'totp', 'hotp', 'totp']);
    expect(file.db.entries[3]!.info).toEqual({ secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4', algo: 'SHA1', digits: 6, counter: 42 });
    expect(file.db.entries[1]!.info).toEqual({ secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU', algo: 'SHA256', digits: 8, period: 60 });
    expectSameEntries(result);
  });
});

describe('aegisEncryptedExporter', () => {
  it('encrypts as Aegis does: one scrypt password slot (N=2^15, r=8, p=1) and AES-256-GCM, decryptable by Aegis\'s recipe', async () => {
    const file = await EXPORTERS['aegis-encrypted'].write(source, PASSWORD);
    const text = new TextDecoder().decode(file.bytes);
    for (const secret of [...SAMPLE_SECRETS, 'Topdesk', 'Microsoft']) expect(text).not.toContain(secret);
    const vault = JSON.parse(text) as {
      version: number;
      header: { slots: Record<string, unknown>[]; params: { nonce: string; tag: string } };
      db: string;
    };
    expect(vault.version).toBe(1);
    expect(vault.header.slots).toHaveLength(1);
    const slot = vault.header.slots[0] as { type: number; key: string; key_params: { nonce: string; tag: string }; n: number; r: number; p: number; salt: string; repaired: boolean };
    expect(slot).toMatchObject({ type: 1, n: 32768, r: 8, p: 1, repaired: true });
    expect(slot.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(slot.key).toMatch(/^[0-9a-f]{64}$/);
    expect(slot.key_params.nonce).toMatch(/^[0-9a-f]{24}$/);
    expect(vault.header.params.tag).toMatch(/^[0-9a-f]{32}$/);
    // Aegis docs/decrypt.py, step by step, with node:crypto rather than our importer.
    const slotKey = scryptSync(PASSWORD, Buffer.from(slot.salt, 'hex'), 32, { N: slot.n, r: slot.r, p: slot.p, maxmem: 64 * 1024 * 1024 });
    const masterKey = openGcm(slotKey, slot.key_params, Buffer.from(slot.key, 'hex'));
    const database = JSON.parse(openGcm(masterKey, vault.header.params, Buffer.from(vault.db, 'base64')).toString('utf8')) as { version: number; entries: unknown[] };
    expect(database.version).toBe(3);
    expect(database.entries).toHaveLength(expectedAccounts().length);
  });

  it('is read back by the Aegis importer with its password as the same entries', async () => {
    const { result } = await exportAndImport(EXPORTERS['aegis-encrypted'], PASSWORD);
    expectSameEntries(result);
  });

  it('refuses a wrong password on import, and a short one on export', async () => {
    const file = await EXPORTERS['aegis-encrypted'].write(source, PASSWORD);
    await expect(aegisImporter.read({ fileName: 'aegis.json', bytes: file.bytes }, 'not the password')).rejects.toEqual(vaultErrorLike('WRONG_PASSWORD', 'wrong'));
    await expect(EXPORTERS['aegis-encrypted'].write(source, 'short')).rejects.toEqual(vaultErrorLike('WEAK_PASSWORD', 'at least 8 characters'));
    await expect(EXPORTERS['aegis-encrypted'].write(source)).rejects.toEqual(vaultErrorLike('WEAK_PASSWORD', 'needs a password'));
  });
});

function openGcm(key: Buffer, params: { nonce: string; tag: string }, ciphertext: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(params.nonce, 'hex'));
  decipher.setAuthTag(Buffer.from(params.tag, 'hex'));
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}
