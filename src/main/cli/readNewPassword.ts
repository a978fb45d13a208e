import { VaultError } from '../../shared/errors.js';
import type { SecretReader } from './secretReader.js';

/** The prompts for a new password: what it is, and asking for it again. */
export interface NewPasswordPrompts {
  readonly label: string;
  readonly repeat: string;
  /** What was not done when the two differ: "Nothing was changed." */
  readonly outcome: string;
}

const NEW_MASTER_PASSWORD: NewPasswordPrompts = { label: 'New master password', repeat: 'Repeat the new master password', outcome: 'Nothing was changed.' };

/** A new password (the master password, unless told): typed twice at a terminal, and refused if the two differ; one line from a pipe. */
export async function readNewPassword(reader: SecretReader, prompts: NewPasswordPrompts = NEW_MASTER_PASSWORD): Promise<string> {
  const password = await reader.read(prompts.label);
  if (!reader.interactive) return password;
  const repeated = await reader.read(prompts.repeat);
  if (repeated !== password) {
    throw new VaultError('INVALID_INPUT', `The two passwords do not match. ${prompts.outcome}`);
  }
  return password;
}
