import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppProtocolPath } from '../../../src/main/electron/appProtocolPath.js';

const POSIX_ROOT = '/opt/TOTP Vault/resources/app.asar/dist/renderer';
const WINDOWS_ROOT = 'C:\\Program Files\\TOTP Vault\\resources\\app.asar\\dist\\renderer';

const resolvePosix = (url: string) => resolveAppProtocolPath(url, POSIX_ROOT, path.posix);
const resolveWindows = (url: string) => resolveAppProtocolPath(url, WINDOWS_ROOT, path.win32);

/** Climbs, encoded climbs, separators smuggled in, absolute and drive paths, device names, odd hosts. */
const REFUSED = [
  'app://totp-vault/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'app://totp-vault/assets/..%2f..%2f..%2fsecret.txt',
  'app://totp-vault/..%2fvault.totpvault',
  'app://totp-vault/..%5c..%5cvault.totpvault',
  'app://totp-vault/assets%5c..%5c..%5cvault.totpvault',
  'app://totp-vault/..\\..\\vault.totpvault',
  'app://totp-vault/assets\\..\\..\\x',
  'app://totp-vault/%252e%252e%252fetc',
  'app://totp-vault/%2fetc%2fpasswd',
  'app://totp-vault/C:%5cWindows%5cwin.ini',
  'app://totp-vault/C:/Windows/win.ini',
  'app://totp-vault/index.html:stream',
  'app://totp-vault/index.html%00.js',
  'app://totp-vault/%E0%A4%A',
  'app://totp-vault/.env',
  'app://totp-vault/assets/.hidden',
  'app://totp-vault/assets/',
  'app://totp-vault/assets//index.js',
  'app://totp-vault/CON',
  'app://totp-vault/nul.txt',
  'app://totp-vault/assets/com1.js',
  'app://totp-vault/assets/LPT9',
  'app://other/index.html',
  'app://totp-vault:443/index.html',
  'app://me@totp-vault/index.html',
  'file:///etc/passwd',
  'https://totp-vault/index.html',
  'not a url',
];

describe('resolveAppProtocolPath', () => {
  it('serves index.html for the root', () => {
    for (const url of ['app://totp-vault', 'app://totp-vault/', 'app://totp-vault/?x=1', 'app://totp-vault/#/items']) {
      expect(resolvePosix(url), url).toEqual({ kind: 'file', filePath: `${POSIX_ROOT}/index.html` });
      expect(resolveWindows(url), url).toEqual({ kind: 'file', filePath: `${WINDOWS_ROOT}\\index.html` });
    }
  });

  it('maps a path to the file below the renderer folder, ignoring query and fragment', () => {
    expect(resolvePosix('app://totp-vault/assets/index-Bx3_k9-a.js?v=2#x')).toEqual({
      kind: 'file',
      filePath: `${POSIX_ROOT}/assets/index-Bx3_k9-a.js`,
    });
    expect(resolveWindows('app://totp-vault/assets/zxing_reader.wasm')).toEqual({
      kind: 'file',
      filePath: `${WINDOWS_ROOT}\\assets\\zxing_reader.wasm`,
    });
    expect(resolvePosix('app://totp-vault/icon.svg')).toEqual({ kind: 'file', filePath: `${POSIX_ROOT}/icon.svg` });
  });

  it('keeps literal dot segments inside the folder (the URL parser resolves them first)', () => {
    for (const url of ['app://totp-vault/../../etc/passwd', 'app://totp-vault/assets/%2e%2e/%2e%2e/passwd', 'app://totp-vault/./.%2e/passwd']) {
      const resolved = resolvePosix(url);
      expect(resolved.kind === 'refused' || resolved.filePath.startsWith(`${POSIX_ROOT}/`), url).toBe(true);
    }
    expect(resolvePosix('app://totp-vault/../../etc/passwd')).toEqual({ kind: 'file', filePath: `${POSIX_ROOT}/etc/passwd` });
  });

  it('refuses traversal in every encoding, odd names and other origins, on POSIX and Windows', () => {
    for (const url of REFUSED) {
      expect(resolvePosix(url), url).toEqual({ kind: 'refused' });
      expect(resolveWindows(url), url).toEqual({ kind: 'refused' });
    }
  });
});
