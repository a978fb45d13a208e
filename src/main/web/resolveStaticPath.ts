import { resolve } from 'node:path';
import { isInsideFolder } from '../rendererAssets/isInsideFolder.js';

/**
 * Path segments we never serve, after percent-decoding: empty (`//`, a trailing slash: no directory
 * listings), dot files and `.`/`..` (traversal), separators of either OS smuggled in encoded (`%2f`,
 * `%5c`), a colon (Windows drive letters and alternate data streams) and control characters such as NUL.
 */
const REFUSED_SEGMENT = /^$|^\.|[/\\:\p{Cc}]/u;

/**
 * The file inside `folder` that a request path names (`/` is index.html), or null when the path is not
 * a plain relative file name. The check is on the decoded segments and again on the resolved result, so
 * neither an encoding trick nor a resolver quirk can leave the folder.
 */
export function resolveStaticPath(folder: string, path: string): string | null {
  if (!path.startsWith('/')) return null;
  const segments = path === '/' ? ['index.html'] : path.slice(1).split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (REFUSED_SEGMENT.test(text)) return null;
    decoded.push(text);
  }
  const root = resolve(folder);
  const target = resolve(root, ...decoded);
  return isInsideFolder(root, target) ? target : null;
}
