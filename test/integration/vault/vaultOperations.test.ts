import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyItemContent, type ItemContent } from '../../../src/shared/item.js';
import { Vault } from '../../../src/main/vault/index.js';
import { TEST_KDF, TEST_PASSWORD, temporaryVaultPaths } from '../../support/temporaryVaultPath.js';

const nextPath = temporaryVaultPaths();
const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);

/** A vault with a controllable clock. */
async function freshVault(clock = { now: T0 }): Promise<{ vault: Vault; path: string; clock: { now: number } }> {
  const path = nextPath();
  const vault = await Vault.create(path, TEST_PASSWORD, { kdf: TEST_KDF, now: () => clock.now });
  return { vault, path, clock };
}

const FULL_ITEM: ItemContent = {
  template: 'microsoft365',
  title: 'Topdesk',
  username: 'alice',
  email: 'alice@contoso.com',
  password: 'hunter2-is-not-a-password',
  websites: ['https://portal.office.com', 'https://topdesk.contoso.com'],
  phone: '+47 22 22 22 22',
  otp: [
    { id: 'work', label: 'TOTP', uri: 'otpauth://totp/Contoso:alice%40contoso.com?secret=JBSWY3DPEHPK3PXP&issuer=Microsoft' },
    { id: 'backup', label: 'One-time code', uri: 'otpauth://hotp/Backup?secret=GEZDGNBVGY3TQOJQ&counter=5' },
  ],
  securityQuestion: 'First pet?',
  securityAnswer: 'Æsop the cat',
  notes: 'Line one\nLine two — with ünïcödé',
  customFields: [{ id: 'pin', label: 'PIN', value: '1234', sensitive: true }],
  tags: ['Work', 'Microsoft'],
  favorite: true,
};

describe('creating and unlocking', () => {
  it('round-trips every field of a Login item through lock and unlock', async () => {
    const { vault, path } = await freshVault();
    const created = vault.createItem(FULL_ITEM);
    vault.lock();
    const reopened = await Vault.unlock(path, TEST_PASSWORD);
    const item = reopened.item(created.id);
    expect(item).toMatchObject({ ...FULL_ITEM, otp: expect.any(Array), id: created.id, createdAt: T0, updatedAt: T0, trashedAt: null });
    expect(item.otp.map((field) => field.id)).toEqual(['work', 'backup']);
    // Stored canonically: issuer kept as a parameter, label issuer kept in the label.
    expect(item.otp[0]!.uri).toContain('secret=JBSWY3DPEHPK3PXP');
    expect(item.otp[0]!.uri).toContain('issuer=Microsoft');
    expect(item.otp[1]!.uri).toContain('counter=5');
    reopened.lock();
  });

  it('keeps no item text in the clear on disk', async () => {
    const { vault, path } = await freshVault();
    vault.createItem(FULL_ITEM);
    vault.lock();
    const bytes = readFileSync(path).toString('latin1');
    for (const needle of ['Topdesk', 'JBSWY3DPEHPK3PXP', 'alice@contoso.com', 'hunter2', 'Microsoft', 'Work']) {
      expect(bytes.includes(needle), needle).toBe(false);
    }
  });

  it('locking zeroes the key and refuses further use with VAULT_LOCKED', async () => {
    const { vault } = await freshVault();
    vault.createItem({ ...emptyItemContent(), title: 'x', otp: [] });
    vault.lock();
    expect(vault.isLocked).toBe(true);
    expect(() => vault.items()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    expect(() => vault.codes()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    expect(() => vault.lock()).not.toThrow();
  });

  it('creates the folders of a first-run path that does not exist yet (the per-user app folder)', async () => {
    const path = join(dirname(nextPath()), 'App Data', 'TOTP Vault', 'vault.totpvault');
    const vault = await Vault.create(path, TEST_PASSWORD, { kdf: TEST_KDF });
    vault.lock();
    expect(existsSync(path)).toBe(true);
    (await Vault.unlock(path, TEST_PASSWORD)).lock();
  });

  it('says IO_ERROR, naming the folder, when the vault folder cannot be made', async () => {
    const blocker = nextPath();
    writeFileSync(blocker, 'a file where a folder should be');
    await expect(Vault.create(join(blocker, 'vault.totpvault'), TEST_PASSWORD, { kdf: TEST_KDF })).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringContaining('cannot be created'),
    });
  });

  it('refuses a weak master password when creating, and creates nothing', async () => {
    const path = nextPath();
    await expect(Vault.create(path, 'short', { kdf: TEST_KDF })).rejects.toMatchObject({ code: 'WEAK_PASSWORD' });
    await expect(Vault.create(path, '', { kdf: TEST_KDF })).rejects.toMatchObject({ code: 'WEAK_PASSWORD' });
    await expect(Vault.unlock(path, TEST_PASSWORD)).rejects.toMatchObject({ code: 'VAULT_NOT_FOUND' });
  });
});

describe('changing the master password', () => {
  it('rewraps the key: the new password opens the same items, the old one no longer does', async () => {
    const { vault, path } = await freshVault();
    const created = vault.createItem(FULL_ITEM);
    await vault.changePassword(TEST_PASSWORD, 'a much better passphrase');
    // Still usable after the change without unlocking again.
    expect(vault.item(created.id).title).toBe('Topdesk');
    vault.lock();
    await expect(Vault.unlock(path, TEST_PASSWORD)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const reopened = await Vault.unlock(path, 'a much better passphrase');
    expect(reopened.item(created.id)).toEqual(created);
    reopened.lock();
  });

  it('refuses a wrong current password and keeps the old one working', async () => {
    const { vault, path } = await freshVault();
    await expect(vault.changePassword('not the password', 'another good passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await expect(vault.changePassword(TEST_PASSWORD, 'short')).rejects.toMatchObject({ code: 'WEAK_PASSWORD' });
    vault.lock();
    (await Vault.unlock(path, TEST_PASSWORD)).lock();
  });
});

describe('items', () => {
  it('updates, trashes, restores and deletes for good', async () => {
    const { vault, path, clock } = await freshVault();
    const item = vault.createItem(FULL_ITEM);
    clock.now = T0 + 1000;
    const renamed = vault.updateItem(item.id, { ...FULL_ITEM, title: 'Topdesk (work)', tags: ['Work'] });
    expect(renamed).toMatchObject({ title: 'Topdesk (work)', tags: ['Work'], createdAt: T0, updatedAt: T0 + 1000 });

    clock.now = T0 + 2000;
    const trashed = vault.trashItem(item.id);
    expect(trashed.trashedAt).toBe(T0 + 2000);
    expect(vault.codes(T0).some((entry) => entry.itemId === item.id)).toBe(false);
    expect(vault.items().map((entry) => entry.id)).toContain(item.id);

    const restored = vault.restoreItem(item.id);
    expect(restored.trashedAt).toBeNull();
    expect(vault.codes(T0).filter((entry) => entry.itemId === item.id)).toHaveLength(2);

    vault.deleteItem(item.id);
    expect(() => vault.item(item.id)).toThrow(expect.objectContaining({ code: 'ITEM_NOT_FOUND' }));
    expect(() => vault.deleteItem(item.id)).toThrow(expect.objectContaining({ code: 'ITEM_NOT_FOUND' }));
    vault.lock();
    const reopened = await Vault.unlock(path, TEST_PASSWORD);
    expect(reopened.items()).toHaveLength(0);
    reopened.lock();
  });

  it('normalises tags and lists favourites first, then by title', async () => {
    const { vault } = await freshVault();
    vault.createItem({ ...emptyItemContent(), title: 'beta', tags: [' Work ', 'work', '', 'Home'] });
    vault.createItem({ ...emptyItemContent(), title: 'Alpha' });
    vault.createItem({ ...emptyItemContent(), title: 'zulu', favorite: true });
    const items = vault.items();
    expect(items.map((item) => item.title)).toEqual(['zulu', 'Alpha', 'beta']);
    expect(items[2]!.tags).toEqual(['Work', 'Home']);
  });

  it('takes a Microsoft-style pasted secret and stores it normalised', async () => {
    const { vault } = await freshVault();
    const item = vault.createItem({ ...emptyItemContent('microsoft365'), title: 'Topdesk', otp: [{ id: 'f', label: 'TOTP', uri: 'jbsw y3dp ehpk 3pxp ' }] });
    expect(item.otp[0]!.uri).toMatch(/^otpauth:\/\/totp\/.*secret=JBSWY3DPEHPK3PXP/);
    const [entry] = vault.codes(59_000);
    // RFC 6238 at T=59 s for this secret (computed independently in the OTP tests' style).
    expect(entry!.current).toEqual({ code: expect.stringMatching(/^\d{6}$/), remaining: 1, period: 30 });
  });

  it('names the item after its issuer when the title is empty, and refuses an item with neither', async () => {
    const { vault } = await freshVault();
    const item = vault.createItem({ ...emptyItemContent(), otp: [{ id: 'f', label: 'TOTP', uri: 'otpauth://totp/GitHub:me?secret=JBSWY3DPEHPK3PXP&issuer=GitHub' }] });
    expect(item.title).toBe('GitHub');
    expect(() => vault.createItem(emptyItemContent())).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('rejects bad input with a specific code and loses nothing already saved', async () => {
    const { vault, path } = await freshVault();
    const kept = vault.createItem(FULL_ITEM);
    const attempts: [unknown, string][] = [
      [{ ...FULL_ITEM, otp: [{ id: 'x', label: 'TOTP', uri: 'not base32 at all 0189' }] }, 'INVALID_SECRET'],
      [{ ...FULL_ITEM, otp: [{ id: 'x', label: 'TOTP', uri: 'otpauth://totp/x?digits=6' }] }, 'INVALID_URI'],
      [{ ...FULL_ITEM, otp: [{ id: 'x', label: 'TOTP', uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5' }] }, 'INVALID_PARAMETER'],
      [{ ...FULL_ITEM, title: 42 }, 'INVALID_INPUT'],
      [{ ...FULL_ITEM, tags: 'Work' }, 'INVALID_INPUT'],
      [{ ...FULL_ITEM, otp: [{ id: '../../etc', label: 'TOTP', uri: 'JBSWY3DPEHPK3PXP' }] }, 'INVALID_INPUT'],
      [null, 'INVALID_INPUT'],
      [{ ...FULL_ITEM, notes: 'x'.repeat(1_000_001) }, 'INVALID_INPUT'],
    ];
    for (const [input, code] of attempts) {
      expect(() => vault.createItem(input), code).toThrow(expect.objectContaining({ code }));
      expect(() => vault.updateItem(kept.id, input), code).toThrow(expect.objectContaining({ code }));
    }
    vault.lock();
    const reopened = await Vault.unlock(path, TEST_PASSWORD);
    expect(reopened.items()).toEqual([kept]);
    reopened.lock();
  });
});

describe('codes', () => {
  it('lists one code per OTP field, hotp without a code until asked', async () => {
    const { vault } = await freshVault();
    const item = vault.createItem(FULL_ITEM);
    const entries = vault.codes(T0);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ itemId: item.id, fieldId: 'work', issuer: 'Microsoft', account: 'alice@contoso.com', favorite: true });
    expect(entries[0]!.summary).toEqual({ type: 'totp', issuer: 'Microsoft', account: 'alice@contoso.com', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 });
    expect(entries[1]!.summary.type).toBe('hotp');
    expect(entries[1]!.current).toBeNull();
  });

  it('advances and saves the HOTP counter each time a code is shown', async () => {
    const { vault, path } = await freshVault();
    const item = vault.createItem(FULL_ITEM);
    // RFC 4226 Appendix D: secret "12345678901234567890" → counters 5, 6 give 254676, 287922.
    const rfc = vault.createItem({
      ...emptyItemContent(),
      title: 'RFC 4226',
      otp: [{ id: 'h', label: 'HOTP', uri: 'otpauth://hotp/RFC?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=5' }],
    });
    expect(vault.nextHotpCode(rfc.id, 'h').code).toBe('254676');
    expect(vault.nextHotpCode(rfc.id, 'h').code).toBe('287922');
    vault.lock();
    const reopened = await Vault.unlock(path, TEST_PASSWORD);
    expect(reopened.codes(T0).find((entry) => entry.itemId === rfc.id)!.summary.counter).toBe(7);
    expect(reopened.nextHotpCode(rfc.id, 'h').code).toBe('162583');
    expect(() => reopened.nextHotpCode(item.id, 'work')).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
    expect(() => reopened.nextHotpCode(item.id, 'missing')).toThrow(expect.objectContaining({ code: 'ITEM_NOT_FOUND' }));
    reopened.lock();
  });
});

describe('settings', () => {
  it('stores settings encrypted in the vault and validates them', async () => {
    const { vault, path } = await freshVault();
    expect(vault.settings()).toEqual({ timeOffsetSeconds: 0 });
    expect(vault.updateSettings({ timeOffsetSeconds: -90 })).toEqual({ timeOffsetSeconds: -90 });
    expect(() => vault.updateSettings({ timeOffsetSeconds: 1.5 })).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
    expect(() => vault.updateSettings({ timeOffsetSeconds: 10 ** 9 })).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
    vault.lock();
    const reopened = await Vault.unlock(path, TEST_PASSWORD);
    expect(reopened.settings()).toEqual({ timeOffsetSeconds: -90 });
    reopened.lock();
  });
});
