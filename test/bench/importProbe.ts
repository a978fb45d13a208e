/**
 * Runs in a fresh Node process, so its peak resident memory is the import's alone: creates a vault with the
 * lightest KDF the format accepts (the KDF is not what is measured), then imports the Enpass export named on
 * the command line as `totp-vault import` does: read the file, detect its format, read it, preview it (duplicate
 * detection), save it in one transaction. Prints one JSON line of timings and memory.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { findImporter } from '../../dist/main/importers/index.js';
import { Vault, applyImport, previewImport } from '../../dist/main/vault/index.js';

const [exportPath, vaultPath] = process.argv.slice(2) as [string, string];
const vault = await Vault.create(vaultPath, 'benchmark passphrase, not secret', { kdf: { memoryBytes: 8 * 1024, passes: 1 } });

const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const input = { fileName: basename(exportPath), bytes: new Uint8Array(readFileSync(exportPath)) };
const importer = findImporter(input);
const read = performance.now();
const result = await importer.read(input);
const parsed = performance.now();
const preview = previewImport(vault, result);
const previewed = performance.now();
const outcome = applyImport(vault, result, { keepDuplicates: false });
const saved = performance.now();
// maxRSS is in KiB, and the process's peak so far: before the import it was the vault's creation, far less.
const peakRss = process.resourceUsage().maxRSS * 1024;
vault.lock();

console.log(
  JSON.stringify({
    format: importer.format,
    items: preview.items,
    added: outcome.added,
    problems: preview.problems.length,
    readFileAndDetectMilliseconds: read - started,
    parseMilliseconds: parsed - read,
    previewMilliseconds: previewed - parsed,
    saveMilliseconds: saved - previewed,
    totalMilliseconds: saved - started,
    rssBefore,
    peakRss,
  }),
);
