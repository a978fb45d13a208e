import type { ItemContent } from '../../shared/item.js';

/**
 * What every importer produces, whatever it reads: items as this app stores them, plus an honest account
 * of everything it did not take over. Importers are pure readers: they parse bytes into this, write
 * nothing, and never log (exports hold secrets). Previewing, duplicate detection and the one transaction
 * that saves an import are the vault's business.
 */

/** The formats we read; `detectImportFormat` names one of these from a file's content. */
export const IMPORT_FORMATS = [
  'totp-vault-backup',
  'enpass-vault',
  'enpass-json',
  'enpass-csv',
  'aegis',
  'twofas',
  'andotp',
  'bitwarden-json',
  'bitwarden-csv',
  'google-authenticator',
  'ente-auth',
  'proton-pass',
  'proton-authenticator',
  'keepass-csv',
  'authy',
  'otpauth-list',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A file to import, as read from disk or dropped on the window. */
export interface ImportInput {
  /** Only for messages (and as a tie-breaker where content alone is ambiguous); never trusted for the format. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /**
   * Other files the format needs, from beside this one or named by the user, by base name: an Enpass vault
   * (vault.enpassdb) is read with its `vault.json` and, when it has one, its keyfile.
   */
  readonly companions?: ReadonlyMap<string, Uint8Array>;
}

/** One item read from an export. OTP fields hold canonical otpauth URIs (formatOtpauthUri), ids included. */
export interface ImportedItem {
  readonly content: ItemContent;
  /** Trashed (or archived: we have no archive) in the source: imported into the trash. */
  readonly trashed: boolean;
  /** Unix milliseconds, when the source says. */
  readonly createdAt: number | null;
  readonly updatedAt: number | null;
  /** Unix milliseconds when it went to the trash, when the source says (our own backup); else the import's time. */
  readonly trashedAt?: number | null;
}

/** Something of the source that was not taken over as it was, named so the user can act on it. */
export interface ImportProblem {
  /** The item's title in the source, or '' for problems with the file as a whole. */
  readonly item: string;
  /** What was affected: "TOTP", a field's label, "attachment 'scan.pdf'", "item". */
  readonly what: string;
  /** Why, in one English sentence: "the secret is not valid base32", "cards are not imported". */
  readonly reason: string;
  /** skipped: not imported at all; invalid: imported without it (the item is there, the field is not). */
  readonly kind: 'skipped' | 'invalid';
}

export interface ImportResult {
  readonly format: ImportFormat;
  readonly items: readonly ImportedItem[];
  readonly problems: readonly ImportProblem[];
}

/** Reads one format. `password` only for encrypted files; a wrong one throws WRONG_PASSWORD. */
export interface Importer {
  readonly format: ImportFormat;
  /** The name users know it by, for messages: "Enpass (JSON)", "Aegis". */
  readonly label: string;
  /** Whether `input` is this format, from its content alone; cheap, and never throws. */
  detect(input: ImportInput): boolean;
  /** Whether this file needs a password to be read (an encrypted export). */
  isEncrypted(input: ImportInput): boolean;
  /**
   * The file's items. Throws VaultError: UNSUPPORTED_FORMAT for a damaged or unexpected file (saying what is
   * wrong), WRONG_PASSWORD for a wrong password, INVALID_INPUT when a needed password is missing.
   */
  read(input: ImportInput, password?: string): ImportResult | Promise<ImportResult>;
}
