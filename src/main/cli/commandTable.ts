import type { ParseArgsOptionsConfig } from 'node:util';

/**
 * Every option the CLI knows, for node:util parseArgs. One flat table because global options may stand
 * before or after the command; which command accepts which option is checked afterwards against
 * COMMAND_TABLE, so `totp-vault list --at 5` is refused by name instead of silently ignored.
 */
export const OPTION_TABLE = {
  vault: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  'kdf-memory': { type: 'string' },
  'kdf-passes': { type: 'string' },
  uri: { type: 'string' },
  secret: { type: 'string' },
  title: { type: 'string' },
  issuer: { type: 'string' },
  account: { type: 'string' },
  algorithm: { type: 'string' },
  digits: { type: 'string' },
  period: { type: 'string' },
  type: { type: 'string' },
  counter: { type: 'string' },
  tag: { type: 'string', multiple: true },
  username: { type: 'string' },
  favorite: { type: 'boolean' },
  at: { type: 'string' },
  purge: { type: 'boolean' },
  port: { type: 'string' },
  'dry-run': { type: 'boolean' },
  from: { type: 'string' },
  keyfile: { type: 'string' },
  'keep-duplicates': { type: 'boolean' },
  to: { type: 'string' },
  // Read with parseArgs' allowNegative, so `--no-open` sets it to false.
  open: { type: 'boolean' },
} as const satisfies ParseArgsOptionsConfig;

export type OptionName = keyof typeof OPTION_TABLE;

export const GLOBAL_OPTIONS: readonly OptionName[] = ['vault', 'json', 'help', 'version'];

export interface CommandSpec {
  /** Options besides the global ones. */
  readonly options: readonly OptionName[];
  /** Names of the positional arguments; a trailing `?` marks an optional one. */
  readonly positionals: readonly string[];
  readonly synopsis: string;
  readonly summary: string;
  /** Option and behaviour notes for `totp-vault help COMMAND`, one line each. */
  readonly details: readonly string[];
}

export const COMMAND_TABLE = {
  init: {
    options: ['kdf-memory', 'kdf-passes'],
    positionals: [],
    synopsis: 'init [--kdf-memory MIB] [--kdf-passes N]',
    summary: 'Create a new, empty vault.',
    details: [
      'Asks for the new master password twice (once, as the first line, when standard input is not a terminal).',
      'The key derivation (Argon2id) defaults to 256 MiB and the passes this machine can do within one second.',
      '--kdf-memory MIB, --kdf-passes N   Advanced: a lighter key derivation for low-memory machines and tests',
      '                                   (8 to 1024 MiB, 2 to 16 passes). Lighter is easier to brute-force.',
    ],
  },
  add: {
    options: ['uri', 'secret', 'title', 'issuer', 'account', 'algorithm', 'digits', 'period', 'type', 'counter', 'tag', 'username', 'favorite'],
    positionals: [],
    synopsis: 'add (--uri URI | --secret SECRET [--issuer I] [--account A] …) [--title T] [--tag T]…',
    summary: 'Add an item with one one-time-code field, and show its current code.',
    details: [
      '--uri URI          An otpauth:// URI (as in a QR code); it carries its own issuer, account and settings.',
      '--secret SECRET    A base32 secret in any spacing or case, e.g. "abcd efgh ijkl mnop".',
      '                   With --secret: --issuer, --account, --type totp|hotp|steam, --algorithm SHA1|SHA256|SHA512,',
      '                   --digits N, --period SECONDS, --counter N (hotp).',
      '                   Give "-" as URI or SECRET to type it at a hidden prompt (or, when standard input is',
      '                   not a terminal, on the line after the master password): arguments show up in `ps`.',
      '--title TITLE      The item name (default: the issuer, else the account).',
      '--tag TAG          A tag; repeat for several.   --username NAME   --favorite',
    ],
  },
  list: {
    options: [],
    positionals: [],
    synopsis: 'list',
    summary: 'List the one-time-code fields of every item not in the trash (never the secrets).',
    details: ['--json prints [{id, title, issuer, account, type, algorithm, digits, period, tags, favorite}].'],
  },
  code: {
    options: ['at'],
    positionals: ['QUERY?'],
    synopsis: 'code [QUERY] [--at UNIX_SECONDS]',
    summary: 'Show current codes; with one match, print just the code (for `| clip`).',
    details: [
      'QUERY matches part of a title, issuer, account or tag (any case), or the start of an item id;',
      'an exact name wins over partial matches.',
      'A counter-based (HOTP) code is shown, and its counter advanced, only when it is the only match.',
      '--at UNIX_SECONDS   The codes at that time instead of now.',
      '--json prints [{id, title, issuer, account, code, remaining, period}].',
    ],
  },
  rm: {
    options: ['purge'],
    positionals: ['QUERY'],
    synopsis: 'rm QUERY [--purge]',
    summary: 'Move the one matching item to the trash.',
    details: ['QUERY is matched as for `code`, and must match exactly one item.', '--purge   Delete it for good instead (trashed items match too).'],
  },
  scan: {
    options: ['dry-run'],
    positionals: ['IMAGE…'],
    synopsis: 'scan IMAGE… [--dry-run]',
    summary: 'Add the accounts in QR codes found in image files (PNG, JPEG, WebP, GIF, BMP).',
    details: [
      'Every QR code in every image is read and explained: one-time-code accounts (otpauth://), Google',
      'Authenticator exports (otpauth-migration://, split over several codes: give them all), and what the',
      'others are (a Microsoft Authenticator push sign-up, a web link, …). Accounts already in the vault are',
      'not added twice. The images are checked before the master password is asked for.',
      '--dry-run   Only say what was found; ask for no password and change nothing.',
      '--json      Print [{kind, issuer, account, type}] for every code found (never a secret).',
      'Exits 65 when an image holds no usable code (the others are still added).',
    ],
  },
  import: {
    options: ['from', 'keyfile', 'dry-run', 'keep-duplicates'],
    positionals: ['FILE'],
    synopsis: 'import [--from FORMAT] FILE [--keyfile FILE] [--dry-run] [--keep-duplicates]',
    summary: "Add the items of another app's export file (Enpass, Aegis, 2FAS, Bitwarden, …).",
    details: [
      'The format is recognised from the file itself; --from FORMAT insists on one (enpass-vault, enpass-json, enpass-csv,',
      'aegis, twofas, andotp, bitwarden-json, bitwarden-csv, google-authenticator, ente-auth, proton-pass,',
      'proton-authenticator, keepass-csv, authy, otpauth-list, totp-vault-backup).',
      'Asks for the master password, then, for an encrypted export, its own password (when standard input is',
      'not a terminal: the master password on the first line, the export password on the second).',
      'Everything is added in one go or, if anything fails, nothing. Items whose codes are already in the',
      'vault are skipped (--keep-duplicates adds them anyway); items trashed or archived there go to the trash.',
      'What could not be taken over (an invalid secret, an attachment, a card) is listed.',
      'An Enpass 6 vault is read without Enpass: give its vault.enpassdb, with its vault.json beside it; the export',
      'password asked for is the Enpass master password.   --keyfile FILE   Its Enpass keyfile, if it has one.',
      '--dry-run   Only report what would be added.',
      '--json      Print {format, items, trashed, codes, duplicates, problems, added, skippedDuplicates}.',
    ],
  },
  export: {
    options: ['to'],
    positionals: ['FILE'],
    synopsis: 'export --to FORMAT FILE',
    summary: 'Write the vault to a new file: an encrypted backup, or a file for another app.',
    details: [
      '--to backup            An encrypted TOTP Vault backup: every item, the trash, the times and the settings.',
      '                       `totp-vault import` restores it into any vault.',
      '--to aegis-encrypted   An Aegis vault file encrypted with a password (Aegis: Import from file → Aegis).',
      '--to aegis             The same, unencrypted.',
      '--to otpauth           One otpauth:// URI per line, which most authenticator apps can import.',
      'Asks for the master password. For backup and aegis-encrypted it then asks for the export\'s own password',
      '(twice at a terminal; when standard input is not a terminal, the master password on the first line and',
      'the export password on the second). aegis and otpauth hold every secret in the clear: they print a warning',
      'and ask for the master password again to confirm (when standard input is not a terminal: the second line).',
      'aegis and otpauth hold the accounts of the items not in the trash only.',
      'Never overwrites a file (exits 73); the file is written whole or not at all, readable by you alone.',
      'Nothing secret is printed: the secrets go into the file only.',
      '--json   Print {format, file, items, codes, encrypted}.',
    ],
  },
  passwd: {
    options: [],
    positionals: [],
    synopsis: 'passwd',
    summary: 'Change the master password.',
    details: ['Asks for the current password, then the new one twice (when standard input is not a terminal: the current password on the first line, the new one on the second).'],
  },
  ui: {
    options: ['port', 'open'],
    positionals: [],
    synopsis: 'ui [--port N] [--no-open]',
    summary: 'Open the vault\'s window in a web browser on this computer, until Ctrl+C.',
    details: [
      'Serves the window to this computer only (127.0.0.1) and prints its address as the first line:',
      '  TOTP Vault UI: http://127.0.0.1:PORT/#token=TOKEN',
      'The token is new at every start, and only a page opened with it may use the vault; the master',
      'password is still asked for in the window. The vault need not exist yet: the window offers to create it.',
      '--port N    Listen on port N (1 to 65535; 0, the default, lets the system choose a free one).',
      '--no-open   Only print the address; do not open it in the default browser.',
      'Ctrl+C (or SIGTERM) locks the vault and stops serving.',
    ],
  },
  help: {
    options: [],
    positionals: ['COMMAND?'],
    synopsis: 'help [COMMAND]',
    summary: 'Show this help, or the help of one command.',
    details: [],
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMAND_TABLE;

export function isCommandName(value: string): value is CommandName {
  return Object.hasOwn(COMMAND_TABLE, value);
}
