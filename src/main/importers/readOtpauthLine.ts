import { isVaultError } from '../../shared/errors.js';
import { type OtpParameters, parseOtpauthUri } from '../otp/index.js';
import type { ImportProblem } from './importTypes.js';
import type { TextLine } from './contentLines.js';

/** How a line of a URI-per-line export starts; the URI itself is checked by parseOtpauthUri. */
export const OTPAUTH_LINE = /^otpauth:\/\//i;

/**
 * One otpauth:// line of a text export, or the problem with it: the account is left out, and the problem
 * names the line (the only handle a user has on a line of a text file) and the label, when it can be read.
 */
export function readOtpauthLine(line: TextLine): { readonly parameters: OtpParameters } | { readonly problem: ImportProblem } {
  try {
    return { parameters: parseOtpauthUri(line.text) };
  } catch (thrown) {
    if (!isVaultError(thrown)) throw thrown;
    return { problem: { item: labelOf(line.text), what: `line ${line.number}`, reason: thrown.message, kind: 'skipped' } };
  }
}

/** The label of a URI that could not be read, to name the account in the problem; '' when even that is broken. */
function labelOf(uri: string): string {
  const label = /^otpauth:\/\/[^/?]*\/([^?]*)/i.exec(uri)?.[1] ?? '';
  try {
    return decodeURIComponent(label.replaceAll('+', ' ')).trim();
  } catch {
    return '';
  }
}
