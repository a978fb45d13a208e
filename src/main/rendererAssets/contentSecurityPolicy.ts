/**
 * Where the page may connect. The web host's page calls the API and the event stream on its own origin
 * (`'self'`); the Electron renderer talks to main over IPC only, so it may connect nowhere (`'none'`).
 */
export type ConnectSource = "'self'" | "'none'";

export interface ContentSecurityPolicyOptions {
  readonly connect: ConnectSource;
}

/**
 * The one directive table; only connect-src differs between the hosts. Nothing remote anywhere: the
 * window must work offline and an injected script must have nowhere to send a code. The page may load only
 * its own files. `'wasm-unsafe-eval'` lets the QR decoder compile its WebAssembly (shipped with the page,
 * never fetched from a CDN); it allows no JavaScript eval. `blob:` workers run the decoder off the UI thread.
 */
function directives(connect: ConnectSource): Readonly<Record<string, readonly string[]>> {
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': [connect],
    'worker-src': ["'self'", 'blob:'],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
}

/** The Content-Security-Policy header value sent with every response of the built renderer. */
export function contentSecurityPolicy({ connect }: ContentSecurityPolicyOptions): string {
  return Object.entries(directives(connect))
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}
