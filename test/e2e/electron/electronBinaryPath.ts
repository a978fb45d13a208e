import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Electron's executable, or null when it is not on disk. Reads what the electron package's index.js
 * reads (path.txt, ELECTRON_OVERRIDE_DIST_PATH) rather than requiring it: that file starts a download
 * when the binary is missing. The same rule as bin/start.js, which is plain JavaScript the tests cannot
 * import with types.
 */
export function electronBinaryPath(): string | null {
  let packageFolder: string;
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
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override ? join(override, executable || 'electron') : executable ? join(packageFolder, 'dist', executable) : null;
  return binary !== null && existsSync(binary) ? binary : null;
}
