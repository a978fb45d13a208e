import { VaultError } from '../../shared/errors.js';
import type { SecretReader } from './secretReader.js';

/** A new master password: typed twice at a terminal, and refused if the two differ; one line from a pipe. */
export async function readNewPassword(reader: SecretReader): Promise<string> {
  const password = await reader.read('New master password');
  if (!reader.interactive) return password;
  const repeated = await reader.read('Repeat the new master password');
  if (repeated !== password) {
    throw new VaultError('INVALID_INPUT', 'The two passwords do not match. Nothing was changed.');
  }
  return password;
}
