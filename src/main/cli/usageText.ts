import { COMMAND_TABLE, type CommandName } from './commandTable.js';

/** The help for all commands, or for one. `defaultPath` is where this machine's desktop app keeps its vault. */
export function usageText(topic: CommandName | undefined, defaultPath: string): string {
  if (topic !== undefined) {
    const spec = COMMAND_TABLE[topic];
    return [`Usage: totp-vault [--vault PATH] [--json] ${spec.synopsis}`, '', spec.summary, ...(spec.details.length > 0 ? ['', ...spec.details] : []), ''].join('\n');
  }
  const names = Object.keys(COMMAND_TABLE) as CommandName[];
  const width = Math.max(...names.map((name) => name.length));
  return [
    'Usage: totp-vault [--vault PATH] [--json] COMMAND [ARGUMENTS]',
    '',
    'One-time codes from your TOTP Vault, in the terminal (or its window in a browser: `totp-vault ui`).',
    '',
    'Commands:',
    ...names.map((name) => `  ${name.padEnd(width)}  ${COMMAND_TABLE[name].summary}`),
    '',
    'Options (before or after the command):',
    '  --vault PATH  The vault file. Default: $TOTP_VAULT, else the desktop app\'s vault:',
    `                ${defaultPath}`,
    '  --json        Machine-readable output on stdout.',
    '  -h, --help    This help; `totp-vault help COMMAND` for one command.',
    '  --version     The version.',
    '',
    'The master password is asked for at a hidden prompt, or read from the first line of standard input',
    'when that is not a terminal (printf \'%s\\n\' "$PASSWORD" | totp-vault code github).',
    '',
    'Exit status: 0 done; 64 wrong usage; 65 bad input or nothing matched; 66 no vault; 73 vault or file exists;',
    '69 port in use or window not built (ui); 74 vault damaged, not a vault or unreadable; 75 vault busy;',
    '77 wrong password; 70 internal error; 130 cancelled.',
    '',
  ].join('\n');
}
