import { protocol } from 'electron';
import { APP_SCHEME } from './appOrigin.js';
import { createAppFileServer } from './createAppFileServer.js';

/**
 * Declares app: before the app is ready (Electron accepts privileges only then): `standard` gives it
 * real origins and relative URL resolution, `secure` a secure context (WebCrypto, getDisplayMedia),
 * `supportFetchAPI` lets Chromium fetch its own files through it (module scripts and the QR decoder's module
 * worker, which carries its .wasm inlined: the page itself fetches nothing). No `bypassCSP`, no
 * `corsEnabled`: nothing else may read from it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the renderer build from `rendererRoot`; call once the app is ready. */
export function serveAppProtocol(rendererRoot: string): void {
  const serve = createAppFileServer(rendererRoot);
  protocol.handle(APP_SCHEME, (request) => serve(request));
}
