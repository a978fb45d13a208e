import type { OtpParameters } from '../otp/index.js';
import { authenticatorItem } from './importedItem.js';
import type { ImportedItem, ImportProblem } from './importTypes.js';
import { isJsonObject, textField, textListField } from './jsonValues.js';
import { OTPAUTH_LINE, readOtpauthLine } from './readOtpauthLine.js';
import { contentLines } from './contentLines.js';

/** Ente keeps each account's display settings (pinned, trashed, tags, note) as JSON in this URI parameter. */
const CODE_DISPLAY = 'codeDisplay';

const CODE_DISPLAY_PARAMETER = /[?&]codeDisplay=/i;

/**
 * Whether text is Ente Auth's plain export (also the plaintext of its encrypted one): one otpauth:// URI per
 * line, at least one carrying Ente's `codeDisplay`. Without it the file is an ordinary otpauth:// list, and
 * reading it as one gives the same accounts.
 */
export function isEnteAuthText(text: string): boolean {
  const lines = contentLines(text);
  return lines.length > 0 && lines.every((line) => OTPAUTH_LINE.test(line.text)) && lines.some((line) => CODE_DISPLAY_PARAMETER.test(line.text));
}

/**
 * The accounts of Ente Auth's text: pinned accounts become favourites, trashed ones go to the trash, tags
 * become tags and the note the item's notes; `codeDisplay` itself is not kept in the stored URI. Ente writes
 * `period` on HOTP lines and lower-case algorithms, which the URI parser accepts as they are.
 */
export function readEnteAuthText(text: string): { items: ImportedItem[]; problems: ImportProblem[] } {
  const items: ImportedItem[] = [];
  const problems: ImportProblem[] = [];
  for (const line of contentLines(text)) {
    const outcome = readOtpauthLine(line);
    if ('problem' in outcome) {
      problems.push(outcome.problem);
      continue;
    }
    const { parameters, display, displayProblem } = takeCodeDisplay(outcome.parameters);
    const title = parameters.issuer || parameters.account;
    if (displayProblem) problems.push({ item: title, what: 'Ente display settings', reason: displayProblem, kind: 'invalid' });
    const content = authenticatorItem(parameters, {
      favorite: display.pinned === true,
      tags: textListField(display, 'tags'),
      notes: textField(display, 'note') ?? '',
    });
    items.push({ content, trashed: display.trashed === true, createdAt: null, updatedAt: null });
  }
  return { items, problems };
}

function takeCodeDisplay(parameters: OtpParameters): {
  parameters: OtpParameters;
  display: Readonly<Record<string, unknown>>;
  displayProblem: string | null;
} {
  const entry = parameters.extra.find(([name]) => name === CODE_DISPLAY);
  const rest = { ...parameters, extra: parameters.extra.filter(([name]) => name !== CODE_DISPLAY) };
  if (entry === undefined) return { parameters: rest, display: {}, displayProblem: null };
  try {
    const display = JSON.parse(entry[1]) as unknown;
    if (isJsonObject(display)) return { parameters: rest, display, displayProblem: null };
  } catch {
    // Reported below, with the account imported without its settings.
  }
  return { parameters: rest, display: {}, displayProblem: 'Its pinned, trashed, tags and note settings are not readable JSON, so they were left out.' };
}
