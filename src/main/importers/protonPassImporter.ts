import { unzipSync } from 'fflate';
import { damagedExportError } from './exportErrors.js';
import type { ImportedItem, ImportInput, ImportProblem, Importer } from './importTypes.js';
import { type JsonObject, isJsonObject, objectField, parseJson, textField } from './jsonValues.js';
import { protonPassItem } from './protonPassItem.js';

const LABEL = 'Proton Pass';

/** Every zip file starts with a local file header. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;

/** The export inside the zip, `Proton Pass/data.json`, wherever a re-zipped copy may have put it. */
const DATA_JSON = /(?:^|\/)data\.json$/i;

/**
 * The most we inflate. A zip declares each file's size, and fflate inflates into a buffer of that size, so a
 * file claiming more is refused before any inflating, and one lying about it cannot grow past its claim.
 */
const MAX_DATA_BYTES = 64 * 1024 * 1024;

/**
 * Proton Pass's export: a zip holding `Proton Pass/data.json` (what the app writes), or that JSON alone.
 * The JSON is `{version, encrypted: false, vaults: {id: {name, items: [...]}}}`; every item is imported
 * (protonPassItem.ts), in its vault's name as a tag, trashed items into the trash.
 *
 * PGP-encrypted exports are not read (that would take an OpenPGP implementation; Proton Pass exports
 * unencrypted just as easily) and not recognised either: an OpenPGP message does not say what it holds.
 */
export const protonPassImporter: Importer = {
  format: 'proton-pass',
  label: LABEL,
  detect: (input) => {
    const contents = exportContents(input);
    return contents.kind === 'json' && isProtonPassExport(parseJson(contents.bytes));
  },
  isEncrypted: () => false,
  read(input) {
    const contents = exportContents(input);
    if (contents.kind === 'damaged') throw damagedExportError(LABEL, contents.reason);
    const root = parseJson(contents.bytes);
    if (!isProtonPassExport(root)) throw damagedExportError(LABEL, 'its data is not JSON with a "vaults" object.');
    if (root.encrypted === true) throw damagedExportError(LABEL, 'it is encrypted; export from Proton Pass again without encryption.');
    const items: ImportedItem[] = [];
    const problems: ImportProblem[] = [];
    for (const vault of Object.values(objectField(root, 'vaults')).filter(isJsonObject)) {
      const vaultName = textField(vault, 'name') ?? '';
      const vaultItems = Array.isArray(vault.items) ? vault.items.filter(isJsonObject) : [];
      for (const item of vaultItems) items.push(protonPassItem(item, vaultName, problems));
    }
    return { format: 'proton-pass', items, problems };
  },
};

type ExportContents =
  | { readonly kind: 'json'; readonly bytes: Uint8Array }
  | { readonly kind: 'damaged'; readonly reason: string };

/** The export's JSON bytes: the file itself, or its `data.json` when it is a zip. Never throws. */
function exportContents(input: ImportInput): ExportContents {
  const { bytes } = input;
  if (!ZIP_MAGIC.every((byte, index) => bytes[index] === byte)) return { kind: 'json', bytes };
  let isTooLarge = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!DATA_JSON.test(file.name)) return false;
        if (file.originalSize > MAX_DATA_BYTES) isTooLarge = true;
        return !isTooLarge;
      },
    });
  } catch {
    return { kind: 'damaged', reason: 'it is not a readable zip file (cut off or damaged).' };
  }
  if (isTooLarge) return { kind: 'damaged', reason: `its data.json is larger than ${MAX_DATA_BYTES / 2 ** 20} MiB.` };
  const json = Object.entries(files).find(([name]) => DATA_JSON.test(name))?.[1];
  if (json !== undefined) return { kind: 'json', bytes: json };
  return { kind: 'damaged', reason: 'the zip file holds no "Proton Pass/data.json".' };
}

function isProtonPassExport(value: unknown): value is JsonObject {
  if (!isJsonObject(value) || !isJsonObject(value.vaults)) return false;
  return Object.values(value.vaults).every((vault) => isJsonObject(vault) && Array.isArray(vault.items));
}
