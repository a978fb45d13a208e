/**
 * A random id for a new OTP or custom field. getRandomValues rather than randomUUID: the latter exists
 * only in secure contexts, and a custom Electron protocol is not always registered as one.
 */
export function newFieldId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
