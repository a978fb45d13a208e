/** A whole number typed into a settings field, or null when it is not one or lies outside [minimum, maximum]. */
export function parseWholeNumber(text: string, minimum: number, maximum: number): number | null {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  if (!/^-?\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value >= minimum && value <= maximum ? value : null;
}
