/** One line of a text export that carries content, with its 1-based line number for problems. */
export interface TextLine {
  readonly number: number;
  readonly text: string;
}

/**
 * The lines of a line-per-account export that are not blank and not `#` comments (Google Authenticator
 * exports from extract_otp_secrets carry comments; hand-made lists often do), trimmed.
 */
export function contentLines(text: string): TextLine[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ number: index + 1, text: line.trim() }))
    .filter((line) => line.text !== '' && !line.text.startsWith('#'));
}
