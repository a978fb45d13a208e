import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BACKUP_MAGIC, isBackupFile, openBackup, sealBackup } from '../../../src/main/crypto/index.js';
import { decodeBackupPayload } from '../../../src/main/crypto/backupPayload.js';
import { SAMPLE_ITEMS, SAMPLE_SECRETS } from '../../support/exportSampleItems.js';
import { TEST_KDF } from '../../support/temporaryVaultPath.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

const PASSWORD = 'Blåbærsyltetøy';
const EXPORTED_AT = Date.UTC(2026, 0, 10);
const HEADER_BYTES = 44;
const CHECKSUM_BYTES = 32;

const seal = () => sealBackup(SAMPLE_ITEMS, { timeOffsetSeconds: 12 }, PASSWORD, { kdf: TEST_KDF, exportedAt: EXPORTED_AT });

/** The file with its checksum recomputed, as someone changing it on purpose would. */
function withChecksum(bytes: Uint8Array): Uint8Array {
  const body = bytes.subarray(0, bytes.length - CHECKSUM_BYTES);
  const file = Uint8Array.from(bytes);
  file.set(createHash('sha256').update(body).digest(), body.length);
  return file;
}

function flipped(bytes: Uint8Array, index: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[index]! ^= 0x01;
  return copy;
}

describe('sealBackup / openBackup', () => {
  it('round-trips every item, the settings and the export time, and names its KDF', async () => {
    const bytes = await seal();
    expect(isBackupFile(bytes)).toBe(true);
    expect(new TextDecoder().decode(bytes.subarray(0, 16))).toBe(BACKUP_MAGIC);
    const opened = await openBackup(bytes, PASSWORD);
    expect(opened.items).toEqual(SAMPLE_ITEMS);
    expect(opened).toMatchObject({ exportedAt: EXPORTED_AT, settings: { timeOffsetSeconds: 12 }, kdf: { algorithm: 'argon2id13', ...TEST_KDF } });
  });

  it('normalises the password as the vault does (NFC), and keeps no text in the clear', async () => {
    const bytes = await seal();
    expect((await openBackup(bytes, PASSWORD.normalize('NFD'))).items).toHaveLength(SAMPLE_ITEMS.length);
    const latin1 = Buffer.from(bytes).toString('latin1');
    for (const needle of [...SAMPLE_SECRETS, 'Topdesk', 'hunter2', 'Microsoft', 'Work', 'otpauth']) expect(latin1.includes(needle), needle).toBe(false);
  });

  it('tells a wrong password (WRONG_PASSWORD) from a damaged file (UNSUPPORTED_FORMAT), byte by byte', async () => {
    const bytes = await seal();
    await expect(openBackup(bytes, 'not the password')).rejects.toEqual(vaultErrorLike('WRONG_PASSWORD', 'password for this TOTP Vault backup is wrong'));
    // One flipped bit anywhere past the KDF fields, the checksum itself included, is damage.
    for (const index of [HEADER_BYTES - 1, HEADER_BYTES, HEADER_BYTES + 30, bytes.length - CHECKSUM_BYTES - 1, bytes.length - 1]) {
      await expect(openBackup(flipped(bytes, index), PASSWORD), `byte ${index}`).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'does not match its checksum'));
    }
    await expect(openBackup(bytes.subarray(0, bytes.length - 1), PASSWORD)).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'checksum'));
    await expect(openBackup(bytes.subarray(0, 100), PASSWORD)).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'cut off'));
  });

  it('binds the header: a changed salt or KDF parameter with the checksum recomputed does not open', async () => {
    const bytes = await seal();
    for (const index of [HEADER_BYTES - 1, 27]) {
      await expect(openBackup(withChecksum(flipped(bytes, index)), PASSWORD), `byte ${index}`).rejects.toEqual(vaultErrorLike('WRONG_PASSWORD', 'wrong'));
    }
    await expect(openBackup(withChecksum(flipped(bytes, HEADER_BYTES + 40)), PASSWORD)).rejects.toEqual(vaultErrorLike('WRONG_PASSWORD', 'wrong'));
  });

  it('refuses crafted KDF parameters, a newer format and other files before deriving anything', async () => {
    const bytes = await seal();
    const view = (file: Uint8Array) => new DataView(file.buffer, file.byteOffset, file.byteLength);
    const greedy = Uint8Array.from(bytes);
    view(greedy).setUint32(20, 0xffff_ffff);
    const slow = Uint8Array.from(bytes);
    view(slow).setUint32(24, 1_000_000);
    const newer = Uint8Array.from(bytes);
    view(newer).setUint16(16, 2);
    const otherAlgorithm = Uint8Array.from(bytes);
    view(otherAlgorithm).setUint16(18, 2);
    const started = Date.now();
    await expect(openBackup(withChecksum(greedy), PASSWORD)).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'bytes of memory'));
    await expect(openBackup(withChecksum(slow), PASSWORD)).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', '1000000 passes'));
    await expect(openBackup(newer, PASSWORD)).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'newer TOTP Vault (backup format 2)'));
    await expect(openBackup(otherAlgorithm, PASSWORD)).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'unknown key derivation'));
    await expect(openBackup(new TextEncoder().encode('{"version": 1}'), PASSWORD)).rejects.toEqual(vaultErrorLike('UNSUPPORTED_FORMAT', 'not a TOTP Vault backup'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(isBackupFile(new TextEncoder().encode('TOTPVAULT-BACKU'))).toBe(false);
  });

  it('refuses an empty password and KDF parameters out of bounds when sealing', async () => {
    await expect(sealBackup([], { timeOffsetSeconds: 0 }, '')).rejects.toEqual(vaultErrorLike('WEAK_PASSWORD', 'empty'));
    await expect(sealBackup([], { timeOffsetSeconds: 0 }, PASSWORD, { kdf: { memoryBytes: 2 * 1024 ** 3 } })).rejects.toEqual(vaultErrorLike('INVALID_PARAMETER', 'memory'));
  });
});

describe('decodeBackupPayload', () => {
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

  it('fills in fields a payload leaves out, and ignores ones it does not know', () => {
    const payload = decodeBackupPayload(encode({ exportedAt: 1, items: [{ id: 'a', createdAt: 2, updatedAt: 3, title: 'Only a title', future: true }] }));
    expect(payload).toEqual({
      exportedAt: 1,
      settings: { timeOffsetSeconds: 0 },
      items: [expect.objectContaining({ id: 'a', title: 'Only a title', template: 'login', otp: [], tags: [], favorite: false, trashedAt: null })],
    });
  });

  it('says what is wrong with a payload of the wrong shape, and zeroes the bytes it read', () => {
    const bytes = encode({ exportedAt: 1, items: [{ id: 'a', createdAt: 2, updatedAt: 3, title: 'x', otp: 'not a list' }] });
    expect(() => decodeBackupPayload(bytes)).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', "item 1's one-time codes are not a list"));
    expect(bytes.every((byte) => byte === 0)).toBe(true);
    expect(() => decodeBackupPayload(new TextEncoder().encode('{'))).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'not valid JSON'));
    expect(() => decodeBackupPayload(encode({ exportedAt: 1 }))).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'no list of items'));
  });
});
