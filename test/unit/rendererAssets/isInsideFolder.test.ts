import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInsideFolder } from '../../../src/main/rendererAssets/isInsideFolder.js';

const POSIX_ROOT = '/opt/TOTP Vault/resources/app.asar/dist/renderer';
const WINDOWS_ROOT = 'C:\\Program Files\\TOTP Vault\\resources\\app.asar\\dist\\renderer';

describe('isInsideFolder', () => {
  it('accepts files and folders below the folder, at any depth', () => {
    for (const candidate of [`${POSIX_ROOT}/index.html`, `${POSIX_ROOT}/assets/index-Bx3.js`, `${POSIX_ROOT}/assets`]) {
      expect(isInsideFolder(POSIX_ROOT, candidate, path.posix), candidate).toBe(true);
    }
    for (const candidate of [`${WINDOWS_ROOT}\\index.html`, `${WINDOWS_ROOT}\\assets\\zxing_reader.wasm`]) {
      expect(isInsideFolder(WINDOWS_ROOT, candidate, path.win32), candidate).toBe(true);
    }
  });

  it('counts a name that merely starts with two dots as inside', () => {
    expect(isInsideFolder(POSIX_ROOT, `${POSIX_ROOT}/..x`, path.posix)).toBe(true);
    expect(isInsideFolder(POSIX_ROOT, `${POSIX_ROOT}/...`, path.posix)).toBe(true);
    expect(isInsideFolder(WINDOWS_ROOT, `${WINDOWS_ROOT}\\..x`, path.win32)).toBe(true);
  });

  it('refuses the folder itself, its parent, siblings that share its prefix, and anything else', () => {
    for (const candidate of [
      POSIX_ROOT,
      `${POSIX_ROOT}/`,
      path.posix.dirname(POSIX_ROOT),
      `${POSIX_ROOT}2/index.html`,
      `${POSIX_ROOT}/../vault.totpvault`,
      '/etc/passwd',
      '/',
    ]) {
      expect(isInsideFolder(POSIX_ROOT, candidate, path.posix), candidate).toBe(false);
    }
    for (const candidate of [
      WINDOWS_ROOT,
      path.win32.dirname(WINDOWS_ROOT),
      `${WINDOWS_ROOT}2\\index.html`,
      `${WINDOWS_ROOT}\\..\\vault.totpvault`,
      'D:\\renderer\\index.html',
      '\\\\server\\share\\index.html',
    ]) {
      expect(isInsideFolder(WINDOWS_ROOT, candidate, path.win32), candidate).toBe(false);
    }
  });

  it('compares Windows paths without regard to case, as the file system does', () => {
    expect(isInsideFolder(WINDOWS_ROOT, `${WINDOWS_ROOT.toUpperCase()}\\INDEX.HTML`, path.win32)).toBe(true);
  });

  it('uses the platform path module by default', () => {
    const root = path.resolve('renderer');
    expect(isInsideFolder(root, path.join(root, 'index.html'))).toBe(true);
    expect(isInsideFolder(root, path.dirname(root))).toBe(false);
  });
});
