import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src/main/electron/senderPolicy.js';

const ourContents = { id: 1 };
const otherContents = { id: 2 };
const mainFrame = { url: 'app://totp-vault/index.html', parent: null };

describe('isTrustedSender', () => {
  it("accepts our window's main frame on our origin", () => {
    expect(isTrustedSender({ contents: ourContents, frame: mainFrame }, ourContents)).toBe(true);
    expect(isTrustedSender({ contents: ourContents, frame: { url: 'app://totp-vault/index.html#/items', parent: null } }, ourContents)).toBe(true);
  });

  it('refuses a subframe, even one on our origin', () => {
    expect(isTrustedSender({ contents: ourContents, frame: { url: 'app://totp-vault/index.html', parent: mainFrame } }, ourContents)).toBe(false);
  });

  it('refuses other web contents, even showing our page', () => {
    expect(isTrustedSender({ contents: otherContents, frame: mainFrame }, ourContents)).toBe(false);
    expect(isTrustedSender({ contents: undefined, frame: mainFrame }, ourContents)).toBe(false);
  });

  it('refuses when there is no window to trust', () => {
    expect(isTrustedSender({ contents: undefined, frame: mainFrame }, undefined)).toBe(false);
    expect(isTrustedSender({ contents: null, frame: mainFrame }, null)).toBe(false);
  });

  it('refuses a destroyed or navigated-away frame', () => {
    expect(isTrustedSender({ contents: ourContents, frame: null }, ourContents)).toBe(false);
  });

  it('refuses other origins in our main frame', () => {
    for (const url of [
      'file:///work/main/dist/renderer/index.html',
      'http://127.0.0.1:5173/',
      'https://example.com/',
      'app://evil/index.html',
      'app://totp-vault:1/index.html',
      'data:text/html,hi',
      'about:blank',
      '',
    ]) {
      expect(isTrustedSender({ contents: ourContents, frame: { url, parent: null } }, ourContents), url).toBe(false);
    }
  });
});
