/**
 * The policy sent with every app:// response. Nothing remote anywhere: the vault window must work offline
 * and an injected script must have nowhere to send a code. `'wasm-unsafe-eval'` lets the QR decoder
 * compile its WebAssembly (it allows no JavaScript eval); `blob:` workers run the decoder off the UI
 * thread; `connect-src 'none'` because the Electron renderer talks to main over IPC only.
 */
const DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'none'"],
  'worker-src': ["'self'", 'blob:'],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([directive, sources]) => [directive, ...sources].join(' '))
  .join('; ');
