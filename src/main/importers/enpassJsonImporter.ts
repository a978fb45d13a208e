import { decodeText } from './decodeText.js';
import { type EnpassField, enpassFieldKind, enpassFolderPaths, enpassItemContent, enpassItemTemplate } from './enpassItemContent.js';
import { damagedExportError } from './exportErrors.js';
import type { ImportInput, ImportProblem, ImportResult, ImportedItem, Importer } from './importTypes.js';
import { type JsonObject, isJsonObject, parseJson, textListField } from './jsonValues.js';

/**
 * Enpass 6's JSON export (File → Export → .json): `{folders, items}`, each item a category, a template and a
 * list of typed fields. Read field by field into our Login items (see enpassItemContent for the mapping).
 *
 * The category decides our template (see enpassItemTemplate: every category is imported). Nothing is skipped
 * for its category; only attachments are, each named as a problem.
 *
 * Not taken over, without a problem: field history (old values Enpass keeps per field), icons and the item's
 * subtitle (Enpass derives it from the fields).
 */
const LABEL = 'Enpass (JSON)';

export const enpassJsonImporter: Importer = {
  format: 'enpass-json',
  label: LABEL,

  detect(input: ImportInput): boolean {
    const root = parseJson(input.bytes);
    return isJsonObject(root) && Array.isArray(root['items']) && root['items'].some(isEnpassItem);
  },

  isEncrypted: () => false,

  read(input: ImportInput): ImportResult {
    const entries = exportItems(parseExport(decodeText(input.bytes, LABEL)));
    const tagsOf = folderPaths(entries.folders);
    const items: ImportedItem[] = [];
    const problems: ImportProblem[] = [];
    entries.items.forEach((entry, index) => {
      if (!isEnpassItem(entry)) {
        problems.push({ item: '', what: `entry ${index + 1} of "items"`, reason: 'it is not an Enpass item (it has no category)', kind: 'skipped' });
        return;
      }
      const read = readItem(entry, tagsOf);
      items.push(read.item);
      problems.push(...read.problems);
    });
    return { format: 'enpass-json', items, problems };
  },
};

function parseExport(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (thrown) {
    // The parser's own message quotes the text around the error, which may be a password: it is not passed on.
    throw damagedExportError(LABEL, describeJsonError(text, thrown));
  }
}

function describeJsonError(text: string, thrown: unknown): string {
  if (!/^\s*[{[]/.test(text)) return 'the file is not JSON.';
  const message = thrown instanceof Error ? thrown.message : '';
  const position = Number(/at position (\d+)/.exec(message)?.[1] ?? Number.NaN);
  // An error at the very end is a file cut short (an interrupted copy or download), whatever the parser calls it.
  if (/end of JSON input/i.test(message) || position >= text.trimEnd().length) return 'the file is cut off.';
  const where = Number.isFinite(position) ? ` (line ${text.slice(0, position).split('\n').length})` : '';
  return `the file is not valid JSON${where}.`;
}

function exportItems(root: unknown): { readonly items: readonly unknown[]; readonly folders: unknown } {
  if (!isJsonObject(root) || !Array.isArray(root['items'])) {
    throw damagedExportError(LABEL, 'the file has no "items" list.');
  }
  const items: readonly unknown[] = root['items'];
  if (items.length > 0 && !items.some(isEnpassItem)) {
    throw damagedExportError(LABEL, 'its items have no Enpass category.');
  }
  return { items, folders: root['folders'] };
}

function readItem(entry: JsonObject, tagsOf: ReadonlyMap<string, string>): { readonly item: ImportedItem; readonly problems: readonly ImportProblem[] } {
  const template = text(entry['template_type']);
  const fields = records(entry['fields'])
    .filter((field) => !isSet(field['deleted']) && text(field['type']) !== 'section')
    .map((field): EnpassField => ({
      kind: enpassFieldKind({ type: text(field['type']), label: text(field['label']), uid: typeof field['uid'] === 'number' ? field['uid'] : null }, template),
      label: text(field['label']),
      value: text(field['value']),
      sensitive: isSet(field['sensitive']),
    }));
  const tags = textListField(entry, 'folders').flatMap((uuid) => tagsOf.get(uuid) ?? []);
  const { content, problems } = enpassItemContent({
    title: text(entry['title']),
    template: enpassItemTemplate(text(entry['category']), template),
    fields,
    notes: text(entry['note']),
    tags,
    favorite: isSet(entry['favorite']),
  });
  const attachments = records(entry['attachments']).map(
    (attachment): ImportProblem => ({
      item: content.title,
      what: `attachment '${text(attachment['name']) || 'unnamed'}'`,
      reason: 'attachments are not imported',
      kind: 'skipped',
    }),
  );
  const createdAt = milliseconds(entry['createdAt'] ?? entry['created_at']);
  return {
    item: {
      content,
      // We have no archive: archived items go to the trash, where they are out of the way but kept.
      trashed: isSet(entry['trashed']) || isSet(entry['archived']),
      createdAt,
      updatedAt: milliseconds(entry['updated_at']) ?? createdAt,
    },
    problems: [...problems, ...attachments],
  };
}

/** Each folder's path of titles from the top, by uuid (see enpassFolderPaths). */
function folderPaths(value: unknown): ReadonlyMap<string, string> {
  return enpassFolderPaths(records(value).map((folder) => ({ uuid: text(folder['uuid']), title: text(folder['title']), parent: text(folder['parent_uuid']) })));
}

function isEnpassItem(value: unknown): value is JsonObject {
  return (
    isJsonObject(value) &&
    typeof value['category'] === 'string' &&
    typeof value['title'] === 'string' &&
    (value['fields'] === undefined || Array.isArray(value['fields']))
  );
}

function records(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

/** Enpass writes text, but a number (a PIN, a limit) is still the user's value. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** Enpass's flags are 0/1; booleans are accepted too. */
function isSet(value: unknown): boolean {
  return value === 1 || value === true || value === '1';
}

/** Enpass's times are Unix seconds. */
function milliseconds(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value * 1000) : null;
}
