/**
 * Handing the address to a browser: the launcher per platform keeps the address one argument, and the
 * outcome is read from real child processes standing in for the launcher.
 */
import { describe, expect, it } from 'vitest';
import { browserCommand, openInBrowser } from '../../../src/main/cli/openInBrowser.js';

const URL_WITH_TOKEN = 'http://127.0.0.1:8123/#token=a&b^c%d"e';

describe('browserCommand', () => {
  it.each([
    ['linux', 'xdg-open', [URL_WITH_TOKEN]],
    ['freebsd', 'xdg-open', [URL_WITH_TOKEN]],
    ['darwin', 'open', [URL_WITH_TOKEN]],
    // Not cmd.exe, which would split the line at `&`.
    ['win32', 'rundll32.exe', ['url.dll,FileProtocolHandler', URL_WITH_TOKEN]],
  ] as const)('%s: %s with the address as one argument', (platform, command, args) => {
    expect(browserCommand(URL_WITH_TOKEN, platform)).toEqual({ command, args });
  });
});

describe('openInBrowser', () => {
  it('is true when the launcher succeeds', async () => {
    expect(await openInBrowser(URL_WITH_TOKEN, { command: process.execPath, args: ['-e', 'process.exit(0)'] })).toBe(true);
  });

  it('is false when the launcher fails or is missing, and never throws', async () => {
    expect(await openInBrowser(URL_WITH_TOKEN, { command: process.execPath, args: ['-e', 'process.exit(3)'] })).toBe(false);
    expect(await openInBrowser(URL_WITH_TOKEN, { command: 'totp-vault-no-such-launcher', args: [] })).toBe(false);
  });

  it('passes the address unchanged', async () => {
    const check = `process.exit(process.argv[1] === ${JSON.stringify(URL_WITH_TOKEN)} ? 0 : 1)`;
    expect(await openInBrowser(URL_WITH_TOKEN, { command: process.execPath, args: ['-e', check, URL_WITH_TOKEN] })).toBe(true);
  });
});
