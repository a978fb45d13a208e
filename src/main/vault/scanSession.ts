import { randomUUID } from 'node:crypto';
import type { ScanChoice, ScanReport, ScannedTexts } from '../../shared/api.js';
import { VaultError } from '../../shared/errors.js';
import type { Item } from '../../shared/item.js';
import { generateCode, newOtpField, otpItemContent, otpItemHeading, toOtpSummary } from '../otp/index.js';
import { type ScanCollection, type ScannedAccount, type ScannedSource, classifyQrText, collectScannedAccounts, scannedAccountKey } from '../qr/index.js';
import type { Vault } from './vault.js';

/** More than any screen, file or export holds; a bound on what one window can make main keep. */
export const SCAN_LIMITS = { sources: 64, textsPerSource: 64 } as const;

/**
 * The accounts found by one scan, kept in main between `scanTexts` and `saveScanned` so the window sees
 * summaries only, never a secret. Forgotten at lock, at save and when a new scan starts.
 */
export class ScanSession {
  #sources: ScannedSource[] = [];
  #collection: ScanCollection = collectScannedAccounts([]);
  #ids = new Map<string, ScannedAccount>();

  /** Adds (or, with `restart`, replaces) what was read, and says what it all holds. */
  scan(vault: Vault, sources: readonly ScannedTexts[], restart: boolean, at: number): ScanReport {
    if (restart) this.clear();
    if (this.#sources.length + sources.length > SCAN_LIMITS.sources) {
      throw new VaultError('INVALID_INPUT', `A scan can hold at most ${SCAN_LIMITS.sources} screens or images; save or start again.`);
    }
    this.#sources.push(...sources.map(({ source, texts }) => ({ source, meanings: texts.map(classifyQrText) })));
    const known = new Map([...this.#ids].map(([id, { parameters }]) => [scannedAccountKey(parameters), id]));
    this.#collection = collectScannedAccounts(this.#sources);
    // The same account keeps its id across scans: a review list may already show it.
    const ids = new Map<string, ScannedAccount>();
    for (const account of this.#collection.accounts) {
      ids.set(known.get(scannedAccountKey(account.parameters)) ?? randomUUID(), account);
    }
    this.#ids = ids;
    return this.report(vault, at);
  }

  report(vault: Vault, at: number): ScanReport {
    const { migrations, unusable, skipped } = this.#collection;
    return {
      candidates: [...this.#ids].map(([id, { parameters, source }]) => ({
        id,
        source,
        summary: toOtpSummary(parameters),
        current: parameters.type === 'hotp' ? null : generateCode(parameters, at),
        duplicateOf: vault.duplicatesOf(parameters)[0] ?? null,
        ...otpItemHeading(parameters),
      })),
      migrations: migrations.map(({ size, scanned, missing }) => ({ size, scanned, missing })),
      unusable,
      skipped,
    };
  }

  /** Saves the chosen accounts in one transaction (all or none) and ends the scan. */
  save(vault: Vault, choices: readonly ScanChoice[]): Item[] {
    const picked = choices.map(({ candidateId, itemId }) => {
      const account = this.#ids.get(candidateId);
      if (!account) throw new VaultError('INVALID_INPUT', 'That scanned account is no longer available: scan again.');
      return { parameters: account.parameters, itemId };
    });
    if (new Set(choices.map(({ candidateId }) => candidateId)).size !== choices.length) {
      throw new VaultError('INVALID_INPUT', 'Each scanned account can be saved once.');
    }
    const saved = vault.addOtpAccounts(
      picked.map(({ parameters, itemId }) =>
        itemId === null
          ? { kind: 'new', content: otpItemContent(parameters) }
          : { kind: 'field', itemId, field: newOtpField(parameters) },
      ),
    );
    this.clear();
    return saved;
  }

  clear(): void {
    this.#sources = [];
    this.#collection = collectScannedAccounts([]);
    this.#ids = new Map();
  }
}
