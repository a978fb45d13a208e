import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { VaultError } from '../../shared/errors.js';

/**
 * Writes `bytes` to `path`, which must not exist: into a temporary file beside it (readable by the owner
 * only, flushed to disk), which then takes the final name in one step. A reader never sees half a file, a
 * failure leaves nothing behind, and an existing file is never replaced.
 *
 * Decision: the temporary file is hard-linked to the final name, which fails if that name exists even if it
 * appeared a moment ago; rename would silently replace it. Where a file system has no hard links (FAT on a
 * USB stick), the name is checked and then renamed, which leaves only that moment open.
 */
export async function writeNewFile(path: string, bytes: Uint8Array): Promise<void> {
  assertNewFilePossible(path);
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await giveName(temporary, path);
  } catch (thrown) {
    if (thrown instanceof VaultError) throw thrown;
    throw cannotWrite(path, thrown);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Refuses a path that exists or whose folder does not, before any password is asked for. */
export function assertNewFilePossible(path: string): void {
  if (existsSync(path)) throw fileExists(path);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new VaultError('IO_ERROR', `The folder ${folder} does not exist; create it first or choose another place. Nothing was written.`);
  }
}

async function giveName(temporary: string, path: string): Promise<void> {
  try {
    await link(temporary, path);
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw fileExists(path);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw thrown;
    if (existsSync(path)) throw fileExists(path);
    await rename(temporary, path);
  }
}

/** VAULT_EXISTS is the code for "a file is in the way" (exit 73), whatever the file. */
function fileExists(path: string): VaultError {
  return new VaultError('VAULT_EXISTS', `A file already exists at ${path}; it was left as it is and nothing was written.`);
}

function cannotWrite(path: string, thrown: unknown): VaultError {
  const code = (thrown as NodeJS.ErrnoException).code;
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission was denied' : code === 'ENOSPC' ? 'the disk is full' : code === 'ENOENT' ? 'its folder does not exist' : 'it cannot be written';
  return new VaultError('IO_ERROR', `Cannot write ${path}: ${reason}. Nothing was written.`);
}
