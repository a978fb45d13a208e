import type { CliContext } from './cliContext.js';
import { EXIT_STATUS } from './exitStatus.js';
import { runCommandLine } from './runCommandLine.js';

/**
 * The process entry point, called by bin/totp-vault.js: binds the runner to the real process and exits
 * with its status once stdout and stderr are flushed. Exiting explicitly means a paused stdin or a
 * finished worker thread can never keep the command hanging after its answer.
 */
export async function main(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  // `totp-vault code | head -c0` closes stdout early; that is the reader's choice, not a crash.
  process.stdout.on('error', () => undefined);
  process.on('uncaughtException', () => {
    process.stderr.write('totp-vault: Something went wrong inside TOTP Vault. Nothing was changed.\n');
    process.exit(EXIT_STATUS.software);
  });
  const context: CliContext = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: Date.now,
  };
  const status = await runCommandLine(args, context);
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
  process.exit(status);
}

function flush(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => resolve());
  });
}
