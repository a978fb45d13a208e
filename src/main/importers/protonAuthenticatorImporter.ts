import { isVaultError } from '../../shared/errors.js';
import { parseOtpInput } from '../otp/index.js';
import { skippedAccount } from './authenticatorAccount.js';
import { damagedExportError } from './exportErrors.js';
import { authenticatorItem } from './importedItem.js';
import type { ImportedItem, ImportProblem, Importer } from './importTypes.js';
import { type JsonObject, isJsonObject, objectField, parseJson, textField } from './jsonValues.js';

const LABEL = 'Proton Authenticator';

/**
 * Proton Authenticator's export: `{version, entries: [{id, content: {uri, entry_type, name}, note}]}`, the
 * account in `content.uri` as an otpauth:// URI, or `steam://SECRET` for Steam entries (named by `name`).
 */
export const protonAuthenticatorImporter: Importer = {
  format: 'proton-authenticator',
  label: LABEL,
  detect: (input) => protonExport(parseJson(input.bytes)) !== null,
  isEncrypted: () => false,
  read(input) {
    const root = protonExport(parseJson(input.bytes));
    if (root === null) throw damagedExportError(LABEL, 'it is not JSON with a "version" and an "entries" list.');
    const items: ImportedItem[] = [];
    const problems: ImportProblem[] = [];
    for (const [index, entry] of root.entries.entries()) {
      const content = objectField(entry, 'content');
      const name = textField(content, 'name')?.trim() ?? '';
      const isSteam = textField(content, 'entry_type')?.toLowerCase() === 'steam';
      try {
        const parameters = parseOtpInput(textField(content, 'uri') ?? '', isSteam ? { issuer: 'Steam', account: name } : { account: name });
        items.push({ content: authenticatorItem(parameters, { notes: textField(entry, 'note') ?? '' }), trashed: false, createdAt: null, updatedAt: null });
      } catch (thrown) {
        if (!isVaultError(thrown)) throw thrown;
        problems.push(skippedAccount(name || `Entry ${index + 1}`, thrown.message));
      }
    }
    return { format: 'proton-authenticator', items, problems };
  },
};

/** An entry without a usable `content.uri` is read as a problem, but at least one entry must look like Proton's. */
function protonExport(value: unknown): { entries: JsonObject[] } | null {
  if (!isJsonObject(value) || typeof value.version !== 'number' || !Array.isArray(value.entries)) return null;
  const entries = value.entries.filter(isJsonObject);
  const isEntry = (entry: JsonObject) => typeof objectField(entry, 'content').uri === 'string';
  return value.entries.length === 0 || entries.some(isEntry) ? { entries } : null;
}
