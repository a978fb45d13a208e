import type { ErrorInfo } from '../../shared/errors.js';
import type { OtpParameters } from '../otp/index.js';
import { type QrMeaning, describeQrMeaning } from './classifyQrText.js';

/** The codes read from one source: an image file, one screen, a pasted text. */
export interface ScannedSource {
  readonly source: string;
  readonly meanings: readonly QrMeaning[];
}

export interface ScannedAccount {
  readonly parameters: OtpParameters;
  /** Where it was read, for messages. */
  readonly source: string;
}

/** A Google Authenticator export split over several QR codes, and which of them were read (1-based). */
export interface MigrationProgress {
  readonly batchId: number;
  readonly size: number;
  readonly scanned: readonly number[];
  readonly missing: readonly number[];
}

export interface ScanCollection {
  /** Every account found, each once (the same code on two screens counts once), in the order found. */
  readonly accounts: readonly ScannedAccount[];
  /** Exports split over several codes, where some parts may still be missing. */
  readonly migrations: readonly MigrationProgress[];
  /** Sources that held no usable code, with why, in words the user can act on. */
  readonly unusable: readonly { readonly source: string; readonly error: ErrorInfo }[];
  /** Accounts inside an export that cannot be used (an MD5 account, an empty secret), with why. */
  readonly skipped: readonly { readonly source: string; readonly name: string; readonly reason: string }[];
}

/** What makes two scanned codes the same account: the same code seen twice, on two screens or in two scans. */
export function scannedAccountKey(parameters: OtpParameters): string {
  return JSON.stringify([parameters.type, parameters.secret, parameters.issuer, parameters.account, parameters.counter]);
}

/**
 * Turns what was read from every source into the accounts to offer. A source counts as unusable only when
 * none of its codes holds an account; its explanation is the first code's (a Microsoft push sign-up code
 * explains itself better than a logo's web link beside it).
 */
export function collectScannedAccounts(sources: readonly ScannedSource[]): ScanCollection {
  const accounts: ScannedAccount[] = [];
  const seen = new Set<string>();
  const batches = new Map<number, { size: number; scanned: Set<number> }>();
  const unusable: { source: string; error: ErrorInfo }[] = [];
  const skipped: { source: string; name: string; reason: string }[] = [];
  const add = (parameters: OtpParameters, source: string) => {
    const key = scannedAccountKey(parameters);
    if (seen.has(key)) return;
    seen.add(key);
    accounts.push({ parameters, source });
  };
  for (const { source, meanings } of sources) {
    let usable = false;
    for (const meaning of meanings) {
      if (meaning.kind === 'totp' || meaning.kind === 'hotp' || meaning.kind === 'steam') {
        add(meaning.parameters, source);
        usable = true;
      } else if (meaning.kind === 'migration') {
        const { batch, accounts: exported, skipped: notUsable } = meaning.batch;
        const progress = batches.get(batch.id) ?? { size: batch.size, scanned: new Set<number>() };
        progress.scanned.add(batch.index + 1);
        batches.set(batch.id, progress);
        for (const parameters of exported) add(parameters, source);
        for (const account of notUsable) skipped.push({ source, name: account.issuer ? `${account.issuer}: ${account.name}` : account.name, reason: account.reason });
        usable ||= exported.length > 0;
      }
    }
    if (!usable) {
      const first = meanings.map(describeQrMeaning).find((error) => error !== null);
      unusable.push({ source, error: first ?? { code: 'QR_NOT_FOUND', message: 'No QR code was found.' } });
    }
  }
  const migrations = [...batches].map(([batchId, { size, scanned }]): MigrationProgress => {
    const all = Array.from({ length: Math.max(size, 1) }, (_, index) => index + 1);
    return { batchId, size: Math.max(size, 1), scanned: all.filter((part) => scanned.has(part)), missing: all.filter((part) => !scanned.has(part)) };
  });
  return { accounts, migrations, unusable, skipped };
}
