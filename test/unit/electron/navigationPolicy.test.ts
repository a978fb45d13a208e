import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../../src/main/electron/appOrigin.js';
import { isAllowedNavigation } from '../../../src/main/electron/navigationPolicy.js';
import { isAllowedRequest } from '../../../src/main/electron/requestPolicy.js';

const FOREIGN = [
  'https://example.com/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'ws://localhost/',
  'wss://example.com/socket',
  'ftp://example.com/',
  'app://other-host/index.html',
  'app://totp-vault:8080/index.html',
  'app://user@totp-vault/index.html',
  'app://user:password@totp-vault/index.html',
  'app://TOTP-VAULT/index.html',
  'apps://totp-vault/index.html',
  'javascript:alert(1)',
  'about:blank',
  'chrome://settings',
  'not a url',
  '',
];

describe('isAppUrl', () => {
  it('accepts our origin, bare or with a path, query or fragment', () => {
    expect(APP_ORIGIN).toBe('app://totp-vault');
    expect(APP_ENTRY_URL).toBe('app://totp-vault/index.html');
    for (const url of [APP_ORIGIN, `${APP_ORIGIN}/`, APP_ENTRY_URL, `${APP_ORIGIN}/assets/index-Bx3_k9.js?x=1#top`]) {
      expect(isAppUrl(url), url).toBe(true);
    }
  });

  it('refuses every other scheme, host, port and user info', () => {
    for (const url of FOREIGN) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('isAllowedNavigation', () => {
  it('allows navigation within the app only', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html#/settings`)).toBe(true);
    for (const url of [...FOREIGN, 'data:text/html,<h1>x</h1>', 'blob:app://totp-vault/1234']) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });
});

describe('isAllowedRequest', () => {
  it('lets through our own files and in-page data only', () => {
    for (const url of [APP_ENTRY_URL, 'data:image/png;base64,AAAA', 'blob:app://totp-vault/5d1c', 'devtools://devtools/bundled/inspector.html']) {
      expect(isAllowedRequest(url), url).toBe(true);
    }
  });

  it('cancels every network and file request', () => {
    for (const url of FOREIGN) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });
});
