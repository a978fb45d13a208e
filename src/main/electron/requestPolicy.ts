import { isAppUrl } from './appOrigin.js';

/**
 * Schemes that never leave the machine besides our own: inline images (`data:`), in-memory objects the
 * page made itself (`blob:`, the QR decoder's worker and captured frames) and the DevTools front end,
 * which is only enabled in unpackaged development builds.
 */
const LOCAL_SCHEMES: readonly string[] = ['data:', 'blob:', 'devtools:'];

/**
 * Whether the session lets a request through. Everything else is cancelled, http, https, ws, wss, ftp
 * and file alike: the app makes no network requests (DESIGN.md, Security posture) and reads its own files
 * only through the app: protocol handler, which checks them.
 */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) {
    return true;
  }
  const parsed = URL.parse(url);
  return parsed !== null && LOCAL_SCHEMES.includes(parsed.protocol);
}
