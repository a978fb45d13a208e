import type { Item } from '../../shared/item.js';
import type { VaultSettings } from '../../shared/settings.js';

/**
 * What every exporter does: the vault's items in, the bytes of one file out. Exporters are pure writers:
 * they touch no disk and never log (what they write holds every secret). Asking for passwords, warning about
 * a file in the clear and writing it safely are the host's business (src/main/cli/commands/exportCommand.ts).
 */

/** The formats we write. */
export const EXPORT_FORMATS = ['backup', 'otpauth', 'aegis', 'aegis-encrypted'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Everything an export may take: every item, trashed ones included, and the vault's settings. */
export interface ExportSource {
  readonly items: readonly Item[];
  readonly settings: VaultSettings;
  /** Unix milliseconds, for formats that record when they were written. */
  readonly now: number;
}

export interface ExportedFile {
  readonly bytes: Uint8Array;
  /** Items written, trashed ones included where the format keeps them. */
  readonly items: number;
  /** One-time-code fields written. */
  readonly codes: number;
}

export interface Exporter {
  readonly format: ExportFormat;
  /** The name users know it by, for messages: "TOTP Vault backup", "Aegis (encrypted)". */
  readonly label: string;
  /** True when the file is encrypted with a password of its own; false means every secret is in the clear. */
  readonly encrypted: boolean;
  /** What of the vault the format keeps, in one sentence for the user. */
  readonly keeps: string;
  /** Writes the file. `password` only for an encrypted format, where it is required (WEAK_PASSWORD if too short). */
  write(source: ExportSource, password?: string): Promise<ExportedFile>;
}
