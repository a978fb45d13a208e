/**
 * Headers on every answer of either host, errors included: a 404 page is still a page the browser
 * renders. Besides the CSP: no MIME sniffing, no referrer, an opener and resources isolated to our origin,
 * and no powerful feature but screen capture (for QR import), even if a browser prompt were accepted or
 * Electron's permission handler were ever loosened.
 */
export function securityHeaders(contentSecurityPolicy: string): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), display-capture=(self)',
  };
}
