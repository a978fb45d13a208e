import fs from 'node:fs';
import { contentSecurityPolicy } from '../rendererAssets/contentSecurityPolicy.js';
import { contentTypeFor } from '../rendererAssets/contentTypeFor.js';
import { isInsideFolder } from '../rendererAssets/isInsideFolder.js';
import { securityHeaders } from '../rendererAssets/securityHeaders.js';
import { resolveAppProtocolPath } from './appProtocolPath.js';

/** The policy on every app:// answer. connect-src 'none': the Electron renderer talks to main over IPC only. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ connect: "'none'" });
const SECURITY_HEADERS = securityHeaders(CONTENT_SECURITY_POLICY);

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
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) } });
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
