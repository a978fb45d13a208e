import { authenticatorItem } from './importedItem.js';
import { decodeText } from './decodeText.js';
import { isEnteAuthText } from './enteAuthText.js';
import { damagedExportError } from './exportErrors.js';
import type { ImportedItem, ImportProblem, Importer } from './importTypes.js';
import { decodeUtf8 } from './jsonValues.js';
import { OTPAUTH_LINE, readOtpauthLine } from './readOtpauthLine.js';
import { contentLines } from './contentLines.js';

const LABEL = 'otpauth:// list';

/**
 * A text file with one otpauth:// URI per line, as WinAuth, andOTP's "URI list", many password managers and
 * people write them; blank lines and `#` comments are allowed. A line that is not a usable URI is a problem
 * naming its line number, and the other lines are imported.
 *
 * Ente Auth's plain export is such a list too, with Ente's display settings in a `codeDisplay` parameter;
 * it is left to the Ente Auth importer, which also takes over those settings.
 */
export const otpauthListImporter: Importer = {
  format: 'otpauth-list',
  label: LABEL,
  detect: (input) => {
    const text = decodeUtf8(input.bytes);
    if (text === null || isEnteAuthText(text)) return false;
    const lines = contentLines(text);
    return lines.length > 0 && lines.every((line) => OTPAUTH_LINE.test(line.text));
  },
  isEncrypted: () => false,
  read(input) {
    const lines = contentLines(decodeText(input.bytes, LABEL));
    if (!lines.some((line) => OTPAUTH_LINE.test(line.text))) {
      throw damagedExportError(LABEL, 'none of its lines is an otpauth:// URI.');
    }
    const items: ImportedItem[] = [];
    const problems: ImportProblem[] = [];
    for (const line of lines) {
      const outcome = readOtpauthLine(line);
      if ('problem' in outcome) problems.push(outcome.problem);
      else items.push({ content: authenticatorItem(outcome.parameters), trashed: false, createdAt: null, updatedAt: null });
    }
    return { format: 'otpauth-list', items, problems };
  },
};
