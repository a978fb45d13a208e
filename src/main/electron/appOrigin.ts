/**
 * The origin the UI is served from: a privileged custom scheme of our own rather than file://, so the
 * page has a real origin to check IPC senders, permissions and navigations against, and file:// keeps no
 * special powers (the grantFileProtocolExtraPrivileges fuse is off).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'totp-vault';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether `url` (a full URL or a bare origin) is on our origin. Compares scheme and host instead of
 * `URL.origin`, which Node reports as "null" for every scheme it does not know; a port or user info
 * makes it another origin.
 */
export function isAppUrl(url: string): boolean {
  const parsed = URL.parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
