import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../src/shared/preferences.js';
import { createApiService } from '../../../src/main/vault/apiService.js';
import { temporaryVaultPaths } from '../../support/temporaryVaultPath.js';
import { call, callFailure, startService } from './serviceFixture.js';

const nextPath = temporaryVaultPaths();

async function preferencesFrom(fileText: string | null) {
  const fixture = startService(nextPath());
  if (fileText !== null) writeFileSync(fixture.preferencesPath, fileText);
  return { ...fixture, preferences: (await call(fixture.service, 'getSettings', {})).preferences };
}

describe('the preferences file', () => {
  it('gives the defaults when missing, and is not created by reading', async () => {
    const { preferences, preferencesPath } = await preferencesFrom(null);
    expect(preferences).toEqual(DEFAULT_PREFERENCES);
    expect(existsSync(preferencesPath)).toBe(false);
  });

  it.each([
    ['not JSON', '{"autoLockMinutes": 10,'],
    ['empty', ''],
    ['a list', '[1, 2, 3]'],
    ['a number', '42'],
    ['null', 'null'],
    ['binary noise', '\u0000\u00ff\u0001garbage'],
  ])('gives the defaults when it holds %s', async (_label, text) => {
    expect((await preferencesFrom(text)).preferences).toEqual(DEFAULT_PREFERENCES);
  });

  it('keeps every valid field of a damaged file and defaults the others', async () => {
    const text = JSON.stringify({ autoLockMinutes: 10, lockOnMinimise: 'yes', clipboardClearSeconds: 100000, language: 'nb', theme: 'purple', extra: 1 });
    expect((await preferencesFrom(text)).preferences).toEqual({ ...DEFAULT_PREFERENCES, autoLockMinutes: 10, language: 'nb' });
  });

  it('round-trips through a save, leaving no temporary file behind', async () => {
    const { service, preferencesPath, vaultPath } = startService(nextPath());
    const saved = { autoLockMinutes: 0, lockOnMinimise: true, clipboardClearSeconds: 600, language: 'en', theme: 'dark' } as const;
    expect((await call(service, 'savePreferences', { preferences: saved })).preferences).toEqual(saved);
    expect(JSON.parse(readFileSync(preferencesPath, 'utf8'))).toEqual(saved);
    expect(readdirSync(join(preferencesPath, '..')).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const reopened = startService(vaultPath);
    expect((await call(reopened.service, 'getSettings', {})).preferences).toEqual(saved);
  });

  it('a save repairs a damaged file', async () => {
    const { service, preferencesPath } = await preferencesFrom('{ broken');
    await call(service, 'savePreferences', { preferences: { theme: 'light' } });
    expect(JSON.parse(readFileSync(preferencesPath, 'utf8'))).toEqual({ ...DEFAULT_PREFERENCES, theme: 'light' });
  });

  it('refuses to save values out of bounds or of the wrong kind, and keeps what was saved', async () => {
    const { service, preferencesPath } = startService(nextPath());
    await call(service, 'savePreferences', { preferences: { autoLockMinutes: 7 } });
    const before = readFileSync(preferencesPath, 'utf8');
    for (const preferences of [
      { autoLockMinutes: 24 * 60 + 1 },
      { autoLockMinutes: -1 },
      { autoLockMinutes: 1.5 },
      { clipboardClearSeconds: 601 },
      { lockOnMinimise: 1 },
      { language: 'de' },
      { theme: null },
      { autoLockMinutes: 3, secret: 'JBSWY3DPEHPK3PXP' },
    ]) {
      expect(await callFailure(service, 'savePreferences', { preferences }), JSON.stringify(preferences)).toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(readFileSync(preferencesPath, 'utf8')).toBe(before);
    expect((await call(service, 'getSettings', {})).preferences.autoLockMinutes).toBe(7);
  });

  it('answers IO_ERROR when the file cannot be written, and keeps the preferences in force', async () => {
    const vaultPath = nextPath();
    const blocker = `${vaultPath}.not-a-folder`;
    writeFileSync(blocker, 'a file where a folder should be');
    const service = createApiService({ vaultPath, preferencesPath: join(blocker, 'preferences.json') });
    try {
      expect(await callFailure(service, 'savePreferences', { preferences: { theme: 'dark' } })).toMatchObject({ code: 'IO_ERROR' });
      expect((await call(service, 'getSettings', {})).preferences).toEqual(DEFAULT_PREFERENCES);
    } finally {
      service.dispose();
    }
  });
});

describe('the default preferences path', () => {
  const folder = mkdtempSync(join(tmpdir(), 'totp-vault-preferences-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is preferences.json beside the vault, with its folder made on first save', async () => {
    const vaultFolder = join(folder, 'TOTP Vault');
    const service = createApiService({ vaultPath: join(vaultFolder, 'vault.totpvault') });
    try {
      await call(service, 'savePreferences', { preferences: { language: 'nb' } });
      expect(JSON.parse(readFileSync(join(vaultFolder, 'preferences.json'), 'utf8'))).toMatchObject({ language: 'nb' });
    } finally {
      service.dispose();
    }
  });
});
