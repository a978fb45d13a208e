import { readFile } from 'node:fs/promises';
import { VaultError } from '../../shared/errors.js';

/**
 * A file the user named on the command line (an image to scan, an export, a keyfile), read whole into
 * memory. A failure says in words what is wrong with the path: `what` names the file ("the image").
 */
export async function readInputFile(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission was denied' : 'it cannot be read';
    throw new VaultError('IO_ERROR', `Cannot open ${what} ${JSON.stringify(path)}: ${reason}.`);
  }
}
