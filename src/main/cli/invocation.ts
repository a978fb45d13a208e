import type { CliContext } from './cliContext.js';
import type { OptionValues } from './parseCommandLine.js';
import type { SecretReader } from './secretReader.js';

/** What one command gets to work with. */
export interface Invocation {
  readonly context: CliContext;
  readonly options: OptionValues;
  readonly positionals: readonly string[];
  /** --vault, else TOTP_VAULT, else the desktop app's vault. */
  readonly vaultPath: string;
  readonly secrets: SecretReader;
}

export type Command = (invocation: Invocation) => Promise<void>;
