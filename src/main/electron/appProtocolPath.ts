import path from 'node:path';
import { isInsideFolder } from '../rendererAssets/isInsideFolder.js';
import { APP_HOST, APP_SCHEME } from './appOrigin.js';

export type AppProtocolPath =
  | { readonly kind: 'file'; readonly filePath: string }
  /** Not a name the renderer build could have produced, or not for our host: never touches the disk. */
  | { readonly kind: 'refused' };

/**
 * A path segment as the renderer build writes them (Vite: `assets/index-Bx3_k9-a.js`). An allow-list
 * rather than a deny-list, because each file system has its own surprises: `..`, separators and NUL
 * after percent-decoding, `C:` and `file:stream` on Windows, dot files.
 */
const SEGMENT = /^[\w-][\w.@+~-]*$/;

/** Windows opens these as devices in every folder (`…\renderer\CON` is the console), whatever the extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\..*)?$/i;

const REFUSED: AppProtocolPath = { kind: 'refused' };

/**
 * The file under `rendererRoot` that an app:// URL names, or `refused`. `/` is index.html. The URL parser
 * has already resolved literal and `%2e` dot segments; each remaining segment is decoded once and must
 * then be a plain file name, so `%2f`, `%5c` and doubly encoded tricks cannot climb out. The containment
 * check at the end is a second, independent fence. `pathApi` is injectable so tests cover Windows paths.
 */
export function resolveAppProtocolPath(requestUrl: string, rendererRoot: string, pathApi: path.PlatformPath = path): AppProtocolPath {
  const url = URL.parse(requestUrl);
  if (url === null || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return REFUSED;
  }
  const encoded = url.pathname === '' || url.pathname === '/' ? ['index.html'] : url.pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const part of encoded) {
    const segment = decodeSegment(part);
    if (segment === null || !SEGMENT.test(segment) || WINDOWS_DEVICE.test(segment)) {
      return REFUSED;
    }
    segments.push(segment);
  }
  const root = pathApi.resolve(rendererRoot);
  const filePath = pathApi.resolve(root, ...segments);
  if (!isInsideFolder(root, filePath, pathApi)) {
    return REFUSED;
  }
  return { kind: 'file', filePath };
}

function decodeSegment(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
