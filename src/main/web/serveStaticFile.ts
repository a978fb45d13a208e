import { open, realpath } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { contentTypeFor } from '../rendererAssets/contentTypeFor.js';
import { isInsideFolder } from '../rendererAssets/isInsideFolder.js';
import { resolveStaticPath } from './resolveStaticPath.js';
import { sendStatus } from './sendStatus.js';

/**
 * Answers GET or HEAD for one file of the built renderer, or 404. The real path is checked again after
 * symbolic links are followed, and the file is opened once and checked to be a regular file through that
 * same handle, so nothing swapped in between the checks is served.
 */
export async function serveStaticFile(request: IncomingMessage, response: ServerResponse, folder: string, path: string): Promise<void> {
  const candidate = resolveStaticPath(folder, path);
  if (candidate === null) return sendStatus(response, 404);
  let target: string;
  try {
    const [root, real] = await Promise.all([realpath(folder), realpath(candidate)]);
    if (!isInsideFolder(root, real)) return sendStatus(response, 404);
    target = real;
  } catch {
    return sendStatus(response, 404);
  }
  const file = await open(target, 'r').catch(() => null);
  if (file === null) return sendStatus(response, 404);
  try {
    const stats = await file.stat();
    if (!stats.isFile()) return sendStatus(response, 404);
    response.writeHead(200, {
      'Content-Type': contentTypeFor(target),
      'Content-Length': stats.size,
      // The files change only when the app is rebuilt; revalidating costs nothing on loopback.
      'Cache-Control': 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    await pipeline(file.createReadStream({ autoClose: false }), response);
  } finally {
    await file.close();
  }
}
