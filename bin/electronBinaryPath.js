// Where Electron's executable is, shared by `npm start` (bin/start.js) and the _electron end-to-end suite.
// Plain ES module with a .d.ts beside it, so the TypeScript tests import this very file.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron executable, or null when it is not on disk. This reads what the electron package's own
 * index.js reads (path.txt, ELECTRON_OVERRIDE_DIST_PATH) instead of `require('electron')`, because that
 * file starts a download when the binary is missing, which fails (or hangs) on a machine without access.
 */
export function electronBinaryPath() {
  let packageFolder;
  try {
    packageFolder = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  let executable = '';
  try {
    executable = readFileSync(join(packageFolder, 'path.txt'), 'utf8').trim();
  } catch {
    // No path.txt: the binary was never unpacked.
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, executable || 'electron') : executable ? join(packageFolder, 'dist', executable) : null;
  return binary !== null && existsSync(binary) ? binary : null;
}
