/**
 * The secret parameter of an otpauth URI, as stored (main keeps it canonical: upper-case base32, no
 * padding); '' when there is none. Only for showing a revealed secret: main does all real parsing.
 */
export function secretFromUri(uri: string): string {
  const queryStart = uri.indexOf('?');
  if (queryStart === -1) return '';
  for (const pair of uri.slice(queryStart + 1).split('&')) {
    const separator = pair.indexOf('=');
    const name = separator === -1 ? pair : pair.slice(0, separator);
    if (name.toLowerCase() === 'secret') {
      const value = separator === -1 ? '' : pair.slice(separator + 1);
      try {
        return decodeURIComponent(value.replace(/\+/g, ' '));
      } catch {
        return value;
      }
    }
  }
  return '';
}
