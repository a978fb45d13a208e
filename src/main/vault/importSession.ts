import { randomUUID } from 'node:crypto';
import type { ImportFile, ImportOutcomeView, ImportPreviewView } from '../../shared/api.js';
import { VaultError } from '../../shared/errors.js';
import { type ImportInput, type ImportResult, findImporter } from '../importers/index.js';
import { applyImport, previewImport } from './importPlan.js';
import type { Vault } from './vault.js';

/**
 * One export file read by the window's import dialog, kept in main between `previewImport` and
 * `applyImport` so the window sees counts and names only, never a secret (like ScanSession). Forgotten
 * at lock, once applied, when discarded and when another file is previewed. A failed apply (the vault
 * busy, say) keeps it, so the user can try again without opening the file again.
 */
export class ImportSession {
  #current: { readonly id: string; readonly result: ImportResult } | null = null;
  /** Bumped by every clear and every preview: a reading that finishes after either is no longer wanted. */
  #generation = 0;

  /**
   * Reads `file` and keeps what it holds, or says the export needs its password. `vaultOf` is asked again
   * after the file is read (which may take a key derivation): the vault may have locked meanwhile.
   */
  async preview(file: ImportFile, vaultOf: () => Vault): Promise<ImportPreviewView> {
    this.clear();
    const generation = this.#generation;
    vaultOf();
    const bytes = decodeBase64(file.data);
    try {
      const input: ImportInput = { fileName: file.fileName, bytes };
      const importer = findImporter(input, file.format ?? undefined);
      const encrypted = importer.isEncrypted(input);
      if (encrypted && file.password === null) return { kind: 'needsPassword', format: importer.format, label: importer.label };
      const result = await importer.read(input, encrypted ? (file.password ?? undefined) : undefined);
      const vault = vaultOf();
      if (generation !== this.#generation) {
        throw new VaultError('INVALID_INPUT', 'Another file was opened for import meanwhile; this one was dropped.');
      }
      const id = randomUUID();
      this.#current = { id, result };
      return { kind: 'preview', importId: id, label: importer.label, ...previewImport(vault, result) };
    } finally {
      // The export holds secrets; what was read from it is in `result` now (as strings), so its bytes can go.
      bytes.fill(0);
    }
  }

  /** Saves the previewed import in one transaction and forgets it. */
  apply(vault: Vault, importId: string, keepDuplicates: boolean): ImportOutcomeView {
    const result = this.#take(importId);
    const outcome = applyImport(vault, result, { keepDuplicates });
    this.clear();
    return outcome;
  }

  /** Forgets the previewed import if it is still kept; another id (an import already applied, or replaced) changes nothing. */
  discard(importId: string): void {
    if (this.#current?.id === importId) this.clear();
  }

  clear(): void {
    this.#current = null;
    this.#generation += 1;
  }

  #take(importId: string): ImportResult {
    if (this.#current?.id !== importId) {
      throw new VaultError('INVALID_INPUT', 'That import is no longer available: open the file again.');
    }
    return this.#current.result;
  }
}

/** Validation checked the alphabet, padding and size (apiRequestValidation.ts). A copy, so the bytes own their buffer. */
function decodeBase64(data: string): Uint8Array {
  const decoded = Buffer.from(data, 'base64');
  const bytes = new Uint8Array(decoded);
  decoded.fill(0);
  return bytes;
}
