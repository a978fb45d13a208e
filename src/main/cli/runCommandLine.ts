import { isVaultError } from '../../shared/errors.js';
import { toErrorInfo } from '../../shared/result.js';
import { defaultVaultPath, resolveVaultPath } from '../vault/index.js';
import type { CliContext, CliOutput } from './cliContext.js';
import type { CommandName } from './commandTable.js';
import { addCommand } from './commands/addCommand.js';
import { codeCommand } from './commands/codeCommand.js';
import { exportCommand } from './commands/exportCommand.js';
import { importCommand } from './commands/importCommand.js';
import { initCommand } from './commands/initCommand.js';
import { listCommand } from './commands/listCommand.js';
import { passwdCommand } from './commands/passwdCommand.js';
import { rmCommand } from './commands/rmCommand.js';
import { scanCommand } from './commands/scanCommand.js';
import { uiCommand } from './commands/uiCommand.js';
import { EXIT_STATUS, EXIT_STATUS_BY_ERROR_CODE } from './exitStatus.js';
import type { Command } from './invocation.js';
import { packageVersion } from './packageVersion.js';
import { parseCommandLine } from './parseCommandLine.js';
import { PromptInterrupted } from './promptInterrupted.js';
import { createSecretReader } from './secretReader.js';
import { UnavailableError } from './unavailableError.js';
import { usageText } from './usageText.js';
import { UsageError } from './usageError.js';

/** Keyed by command name, so a command added to COMMAND_TABLE without an implementation fails to compile. */
const COMMANDS: Record<Exclude<CommandName, 'help'>, Command> = {
  init: initCommand,
  add: addCommand,
  list: listCommand,
  code: codeCommand,
  rm: rmCommand,
  import: importCommand,
  export: exportCommand,
  scan: scanCommand,
  passwd: passwdCommand,
  ui: uiCommand,
};

/**
 * Runs one `totp-vault` command line and returns its exit status. Never throws: every failure becomes one
 * line on stderr, `totp-vault: <message>`, with the status for its error code. Callable in-process.
 */
export async function runCommandLine(args: readonly string[], context: CliContext): Promise<number> {
  try {
    const line = parseCommandLine(args);
    if (line.kind === 'help') {
      context.stdout.write(usageText(line.topic, defaultVaultPath(context.env)));
      return EXIT_STATUS.ok;
    }
    if (line.kind === 'version') {
      context.stdout.write(`totp-vault ${packageVersion()}\n`);
      return EXIT_STATUS.ok;
    }
    if (line.options.vault === '') throw new UsageError('--vault needs a path');
    await COMMANDS[line.command]({
      context,
      options: line.options,
      positionals: line.positionals,
      vaultPath: resolveVaultPath(line.options.vault, context.env),
      secrets: createSecretReader(context),
    });
    return EXIT_STATUS.ok;
  } catch (thrown) {
    return reportFailure(thrown, context.stderr);
  }
}

function reportFailure(thrown: unknown, stderr: CliOutput): number {
  if (thrown instanceof UsageError) {
    const message = withoutFinalStop(thrown.message);
    writeFailure(stderr, thrown.pointsToHelp ? `${message}. Run \`totp-vault --help\` for usage.` : `${message}.`);
    return EXIT_STATUS.usage;
  }
  if (thrown instanceof UnavailableError) {
    writeFailure(stderr, `${withoutFinalStop(thrown.message)}.`);
    return EXIT_STATUS.unavailable;
  }
  if (thrown instanceof PromptInterrupted) {
    writeFailure(stderr, 'cancelled.');
    return EXIT_STATUS.interrupted;
  }
  // toErrorInfo keeps a VaultError's own message and replaces anything else (whose text might quote a
  // secret or a path) with a fixed one; neither carries a stack trace.
  const error = toErrorInfo(thrown);
  writeFailure(stderr, error.message);
  return isVaultError(thrown) ? EXIT_STATUS_BY_ERROR_CODE[error.code] : EXIT_STATUS.software;
}

/** Exactly one line, whatever the message holds. */
function writeFailure(stderr: CliOutput, message: string): void {
  const oneLine = message.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').replace(/ {2,}/g, ' ').trim();
  stderr.write(`totp-vault: ${oneLine}\n`);
}

function withoutFinalStop(message: string): string {
  return message.replace(/\.$/, '');
}
