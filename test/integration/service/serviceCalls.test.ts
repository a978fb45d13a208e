import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ApiCallName, ApiRequest } from '../../../src/shared/api.js';
import { type ItemContent, emptyItemContent } from '../../../src/shared/item.js';
import { hotpCode, totpCode } from '../reliability/referenceOtp.js';
import { TEST_PASSWORD, temporaryVaultPaths } from '../../support/temporaryVaultPath.js';
import { call, callFailure, startService, startUnlockedService } from './serviceFixture.js';

const nextPath = temporaryVaultPaths();
const NEW_PASSWORD = 'a completely different passphrase';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const HOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

const TOPDESK: ItemContent = {
  ...emptyItemContent('microsoft365'),
  title: 'Topdesk',
  username: 'alice',
  password: 'hunter2-is-not-a-password',
  securityAnswer: 'Æsop the cat',
  otp: [
    { id: 'work', label: 'TOTP', uri: `otpauth://totp/Contoso:alice%40contoso.com?secret=${TOTP_SECRET}&issuer=Microsoft` },
    { id: 'backup', label: 'Counter', uri: `otpauth://hotp/Backup?secret=${HOTP_SECRET}&counter=5` },
  ],
  tags: ['Work'],
};

describe('creating, unlocking and locking', () => {
  it('creates a vault with the default key derivation, refuses a second, locks and unlocks it', async () => {
    const { service, events, vaultPath } = startService(nextPath());
    expect(await call(service, 'status', {})).toEqual({ exists: false, unlocked: false, path: vaultPath });

    expect(await call(service, 'createVault', { password: TEST_PASSWORD })).toEqual({ exists: true, unlocked: true, path: vaultPath });
    expect(await call(service, 'listEntries', {})).toEqual([]);
    expect(await callFailure(service, 'createVault', { password: TEST_PASSWORD })).toMatchObject({ code: 'VAULT_EXISTS' });

    expect(await call(service, 'lock', {})).toEqual({ exists: true, unlocked: false, path: vaultPath });
    expect(events).toEqual([{ name: 'locked', payload: { reason: 'user' } }]);
    expect(await callFailure(service, 'createVault', { password: TEST_PASSWORD })).toMatchObject({ code: 'VAULT_EXISTS' });

    expect(await callFailure(service, 'unlock', { password: 'not the password' })).toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(await call(service, 'unlock', { password: TEST_PASSWORD })).toMatchObject({ unlocked: true });
  });

  it('answers a second unlock while unlocked with the status, and a lock while locked without an event', async () => {
    const { service, events } = await startUnlockedService(nextPath());
    expect(await call(service, 'unlock', { password: TEST_PASSWORD })).toMatchObject({ unlocked: true });
    await call(service, 'lock', {});
    await call(service, 'lock', {});
    expect(events.filter((event) => event.name === 'locked')).toHaveLength(1);
  });

  it('refuses a weak password and creates no file', async () => {
    const { service, vaultPath } = startService(nextPath());
    expect(await callFailure(service, 'createVault', { password: 'short' })).toMatchObject({ code: 'WEAK_PASSWORD' });
    expect(existsSync(vaultPath)).toBe(false);
    expect(await call(service, 'status', {})).toMatchObject({ exists: false, unlocked: false });
  });

  it('says VAULT_NOT_FOUND when there is no vault to unlock, and WRONG_PASSWORD for an empty password', async () => {
    const { service } = startService(nextPath());
    expect(await callFailure(service, 'unlock', { password: TEST_PASSWORD })).toMatchObject({ code: 'VAULT_NOT_FOUND' });
    const unlocked = await startUnlockedService(nextPath());
    await call(unlocked.service, 'lock', {});
    expect(await callFailure(unlocked.service, 'unlock', { password: '' })).toMatchObject({ code: 'WRONG_PASSWORD' });
  });

  it('changes the master password after checking the current one', async () => {
    const { service } = await startUnlockedService(nextPath());
    expect(await callFailure(service, 'changePassword', { currentPassword: 'wrong guess!', newPassword: NEW_PASSWORD })).toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    expect(await callFailure(service, 'changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'short' })).toMatchObject({
      code: 'WEAK_PASSWORD',
    });
    expect(await call(service, 'changePassword', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).toBeNull();
    await call(service, 'lock', {});
    expect(await callFailure(service, 'unlock', { password: TEST_PASSWORD })).toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(await call(service, 'unlock', { password: NEW_PASSWORD })).toMatchObject({ unlocked: true });
  });
});

/** A well-formed request for every call that needs an unlocked vault. */
const NEEDS_THE_VAULT: { readonly [K in ApiCallName]?: ApiRequest<K> } = {
  changePassword: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
  listEntries: {},
  codes: { fields: [], at: 0 },
  nextHotpCode: { itemId: 'item', fieldId: 'field' },
  listItems: { trashed: false },
  getItem: { id: 'item' },
  revealItem: { id: 'item' },
  previewOtp: { text: TOTP_SECRET, issuer: '', account: '' },
  saveItem: { id: null, content: TOPDESK },
  trashItem: { id: 'item' },
  restoreItem: { id: 'item' },
  deleteItem: { id: 'item' },
  saveVaultSettings: { settings: { timeOffsetSeconds: 5 } },
  scanTexts: { sources: [{ source: 'Screen 1', texts: [] }], restart: true },
  saveScanned: { choices: [] },
  previewImport: { fileName: 'export.txt', data: Buffer.from(`otpauth://totp/x?secret=${TOTP_SECRET}\n`).toString('base64'), format: null, password: null },
  applyImport: { importId: 'import', keepDuplicates: false },
};

describe('while locked', () => {
  it.each(Object.entries(NEEDS_THE_VAULT))('%s answers VAULT_LOCKED', async (name, request) => {
    const { service } = await startUnlockedService(nextPath());
    await call(service, 'lock', {});
    expect(await callFailure(service, name, request)).toMatchObject({ code: 'VAULT_LOCKED', message: 'The vault is locked.' });
  });

  it('still answers status, getSettings (without vault settings), savePreferences, reportActivity and discardImport', async () => {
    const { service } = startService(nextPath());
    expect(await call(service, 'getSettings', {})).toMatchObject({ vault: null });
    expect(await call(service, 'savePreferences', { preferences: { theme: 'dark' } })).toMatchObject({ preferences: { theme: 'dark' }, vault: null });
    expect(await call(service, 'reportActivity', {})).toBeNull();
    // Locking forgot any import: there is nothing to discard, and nothing to refuse.
    expect(await call(service, 'discardImport', { importId: 'import' })).toBeNull();
    expect(await call(service, 'status', {})).toMatchObject({ unlocked: false });
  });
});

describe('items', () => {
  it('creates, lists, shows, reveals, updates, trashes, restores and deletes an item, announcing each change', async () => {
    const { service, events } = await startUnlockedService(nextPath());
    const created = await call(service, 'saveItem', { id: null, content: TOPDESK });
    expect(created).toMatchObject({ title: 'Topdesk', username: 'alice', password: TOPDESK.password, trashedAt: null });
    expect(created.otp).toEqual([
      { id: 'work', label: 'TOTP', summary: { type: 'totp', issuer: 'Microsoft', account: 'alice@contoso.com', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } },
      { id: 'backup', label: 'Counter', summary: { type: 'hotp', issuer: '', account: 'Backup', algorithm: 'SHA1', digits: 6, period: 0, counter: 5 } },
    ]);
    expect(JSON.stringify(created)).not.toContain(TOTP_SECRET);

    const summaries = await call(service, 'listItems', { trashed: false });
    expect(summaries.map((summary) => summary.id)).toEqual([created.id]);
    const listed = JSON.stringify(summaries);
    for (const secret of [TOTP_SECRET, HOTP_SECRET, TOPDESK.password, TOPDESK.securityAnswer]) expect(listed).not.toContain(secret);
    expect(summaries[0]).toMatchObject({ title: 'Topdesk', template: 'microsoft365', tags: ['Work'], otp: created.otp });

    expect(await call(service, 'getItem', { id: created.id })).toEqual(created);
    const revealed = await call(service, 'revealItem', { id: created.id });
    expect(revealed.otp[0]!.uri).toContain(`secret=${TOTP_SECRET}`);

    const updated = await call(service, 'saveItem', { id: created.id, content: { ...TOPDESK, title: 'Topdesk (work)', favorite: true } });
    expect(updated).toMatchObject({ id: created.id, title: 'Topdesk (work)', favorite: true });

    const trashed = await call(service, 'trashItem', { id: created.id });
    expect(trashed.trashedAt).not.toBeNull();
    expect(await call(service, 'listItems', { trashed: false })).toEqual([]);
    expect((await call(service, 'listItems', { trashed: true })).map((summary) => summary.id)).toEqual([created.id]);
    expect(await call(service, 'listEntries', {})).toEqual([]);

    expect((await call(service, 'restoreItem', { id: created.id })).trashedAt).toBeNull();
    expect(await call(service, 'deleteItem', { id: created.id })).toBeNull();
    expect(await callFailure(service, 'getItem', { id: created.id })).toMatchObject({ code: 'ITEM_NOT_FOUND' });
    expect(await callFailure(service, 'deleteItem', { id: created.id })).toMatchObject({ code: 'ITEM_NOT_FOUND' });

    // create, update, trash, restore, delete; reads and the failed delete announce nothing.
    expect(events.map((event) => event.name)).toEqual(Array(5).fill('vaultChanged'));
  });

  it('refuses content the vault cannot store, and keeps what was saved', async () => {
    const { service, events } = await startUnlockedService(nextPath());
    const created = await call(service, 'saveItem', { id: null, content: TOPDESK });
    const broken = { ...TOPDESK, otp: [{ id: 'work', label: 'TOTP', uri: 'not base32 at all: 0189' }] };
    expect(await callFailure(service, 'saveItem', { id: created.id, content: broken })).toMatchObject({ code: 'INVALID_SECRET' });
    expect(await callFailure(service, 'saveItem', { id: null, content: { ...TOPDESK, title: '', otp: [] } })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await callFailure(service, 'saveItem', { id: 'no-such-item', content: TOPDESK })).toMatchObject({ code: 'ITEM_NOT_FOUND' });
    expect(await call(service, 'getItem', { id: created.id })).toEqual(created);
    expect(await call(service, 'listItems', { trashed: false })).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('gives successive HOTP codes, advancing the stored counter', async () => {
    const { service, events } = await startUnlockedService(nextPath());
    const { id } = await call(service, 'saveItem', { id: null, content: TOPDESK });
    expect(await call(service, 'nextHotpCode', { itemId: id, fieldId: 'backup' })).toEqual({ code: hotpCode(HOTP_SECRET, 5), remaining: 0, period: 0 });
    expect(await call(service, 'nextHotpCode', { itemId: id, fieldId: 'backup' })).toMatchObject({ code: hotpCode(HOTP_SECRET, 6) });
    expect((await call(service, 'getItem', { id })).otp[1]!.summary.counter).toBe(7);
    expect(await callFailure(service, 'nextHotpCode', { itemId: id, fieldId: 'work' })).toMatchObject({ code: 'INVALID_PARAMETER' });
    expect(await callFailure(service, 'nextHotpCode', { itemId: id, fieldId: 'gone' })).toMatchObject({ code: 'ITEM_NOT_FOUND' });
    expect(events.map((event) => event.name)).toEqual(['vaultChanged', 'vaultChanged', 'vaultChanged']);
  });
});

describe('previewing a secret', () => {
  it('normalises a pasted Microsoft secret into a canonical URI with its live code', async () => {
    const { service, clock } = await startUnlockedService(nextPath());
    const preview = await call(service, 'previewOtp', { text: ' jbsw y3dp ehpk 3pxp ', issuer: 'Microsoft', account: 'alice@contoso.com' });
    expect(preview.secret).toBe(TOTP_SECRET);
    expect(preview.uri).toBe(`otpauth://totp/Microsoft:alice%40contoso.com?secret=${TOTP_SECRET}&issuer=Microsoft&algorithm=SHA1&digits=6&period=30`);
    expect(preview.summary).toEqual({ type: 'totp', issuer: 'Microsoft', account: 'alice@contoso.com', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 });
    expect(preview.current).toEqual({ code: totpCode(TOTP_SECRET, clock.now), remaining: 30, period: 30 });
  });

  it('applies the vault time offset, gives no code for HOTP, and explains a bad secret', async () => {
    const { service, clock } = await startUnlockedService(nextPath());
    await call(service, 'saveVaultSettings', { settings: { timeOffsetSeconds: 45 } });
    const preview = await call(service, 'previewOtp', { text: TOTP_SECRET, issuer: '', account: '' });
    expect(preview.current?.code).toBe(totpCode(TOTP_SECRET, clock.now + 45_000));
    const counter = await call(service, 'previewOtp', { text: `otpauth://hotp/Backup?secret=${HOTP_SECRET}&counter=3`, issuer: 'ignored', account: '' });
    expect(counter.current).toBeNull();
    expect(counter.summary).toMatchObject({ type: 'hotp', counter: 3, account: 'Backup' });
    expect(await callFailure(service, 'previewOtp', { text: 'JBSW Y3DP 0HPK', issuer: '', account: '' })).toMatchObject({ code: 'INVALID_SECRET' });
  });
});

describe('settings', () => {
  it('shows preferences and vault settings, saves vault settings and announces the change', async () => {
    const { service, events } = await startUnlockedService(nextPath());
    expect(await call(service, 'getSettings', {})).toEqual({
      preferences: { autoLockMinutes: 5, lockOnMinimise: false, clipboardClearSeconds: 30, language: 'system', theme: 'system' },
      vault: { timeOffsetSeconds: 0 },
    });
    expect(await call(service, 'saveVaultSettings', { settings: { timeOffsetSeconds: -90 } })).toMatchObject({ vault: { timeOffsetSeconds: -90 } });
    expect(await call(service, 'saveVaultSettings', { settings: {} })).toMatchObject({ vault: { timeOffsetSeconds: -90 } });
    expect(events.map((event) => event.name)).toEqual(['vaultChanged', 'vaultChanged']);
  });

  it('saves preferences as a partial merge, announces them and never writes a secret into the file', async () => {
    const { service, events, preferencesPath } = await startUnlockedService(nextPath());
    await call(service, 'saveItem', { id: null, content: TOPDESK });
    const answer = await call(service, 'savePreferences', { preferences: { autoLockMinutes: 15, language: 'nb' } });
    expect(answer.preferences).toMatchObject({ autoLockMinutes: 15, language: 'nb', theme: 'system', clipboardClearSeconds: 30 });
    expect(events.at(-1)).toEqual({ name: 'preferencesChanged', payload: { preferences: answer.preferences } });
    const file = readFileSync(preferencesPath, 'utf8');
    expect(JSON.parse(file)).toEqual(answer.preferences);
    for (const secret of [TEST_PASSWORD, TOTP_SECRET, TOPDESK.password]) expect(file).not.toContain(secret);
  });
});

describe('failures the service did not foresee', () => {
  it('answers INTERNAL without the thrown message', async () => {
    const { service } = startService(nextPath());
    const hostile = {
      get password(): string {
        throw new Error('the secret is hunter2');
      },
    };
    const error = await callFailure(service, 'unlock', hostile);
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('hunter2');
  });
});
