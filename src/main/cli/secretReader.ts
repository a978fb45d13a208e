import { VaultError } from '../../shared/errors.js';
import type { CliContext } from './cliContext.js';
import { readPassword } from './readPassword.js';
import { StdinLines } from './stdinLines.js';

/** Where passwords (and secrets given as "-") come from: a hidden prompt on a terminal, else lines of stdin. */
export interface SecretReader {
  /** True at a terminal: a typo cannot be seen, so new passwords are asked for twice. */
  readonly interactive: boolean;
  /** `label` is the prompt ("Master password") and names the value in messages. */
  read(label: string): Promise<string>;
}

export function createSecretReader(context: Pick<CliContext, 'stdin' | 'stderr'>): SecretReader {
  const { stdin, stderr } = context;
  if (stdin.isTTY === true && typeof stdin.setRawMode === 'function') {
    return { interactive: true, read: (label) => readPassword(stdin, stderr, `${label}: `) };
  }
  const lines = new StdinLines(stdin);
  return {
    interactive: false,
    async read(label) {
      const line = await lines.next();
      if (line === null) {
        const what = label.charAt(0).toLowerCase() + label.slice(1);
        throw new VaultError('INVALID_INPUT', `Standard input ended before the ${what} was read (it is not a terminal, so one line is expected for it).`);
      }
      return line;
    },
  };
}
