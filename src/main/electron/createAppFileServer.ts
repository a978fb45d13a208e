import fs from 'node:fs';
import path from 'node:path';
import { resolveAppProtocolPath } from './appProtocolPath.js';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy.js';
import { isInsideFolder } from './isInsideFolder.js';

/** What the renderer build contains; anything else is served as opaque bytes (and nosniff keeps it so). */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  // WebAssembly.instantiateStreaming refuses any other type.
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Headers on every answer, errors included. Besides the CSP: no MIME sniffing, no referrer, an opener
 * and resources isolated to our origin, and no powerful feature but screen capture (for QR import)
 * even if a permission handler were ever loosened.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), display-capture=(self)',
};

/** The parts of a fetch Request the server reads; Electron's protocol handler passes a whole Request. */
export interface AppFileRequest {
  readonly url: string;
  readonly method: string;
}

/**
 * The app: protocol's handler body, kept free of electron so it runs under plain Node in tests. Files are
 * read with node:fs, which Electron patches to read inside app.asar (looked up on `fs.promises` at call
 * time, so the patched functions are the ones used); `net.fetch(file://…)` would have gone through the
 * session whose requests we block. Symbolic links are followed only while they stay inside the renderer
 * folder.
 */
export function createAppFileServer(rendererRoot: string): (request: AppFileRequest) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return answer(405, 'Method not allowed');
    }
    const resolved = resolveAppProtocolPath(request.url, rendererRoot);
    if (resolved.kind === 'refused') {
      return answer(403, 'Forbidden');
    }
    try {
      const [root, file] = await Promise.all([fs.promises.realpath(rendererRoot), fs.promises.realpath(resolved.filePath)]);
      if (!isInsideFolder(root, file) || !(await fs.promises.stat(file)).isFile()) {
        return answer(404, 'Not found');
      }
      const body = request.method === 'HEAD' ? null : await fs.promises.readFile(file);
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': type } });
    } catch (thrown) {
      return isMissing(thrown) ? answer(404, 'Not found') : answer(500, 'Could not read the file');
    }
  };
}

function answer(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

function isMissing(thrown: unknown): boolean {
  const code = (thrown as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
