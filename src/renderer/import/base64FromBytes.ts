/**
 * Bytes to base64 (RFC 4648, padded), for an export file on its way to main. Chromium 140 and later encode
 * natively (Uint8Array.prototype.toBase64); older engines go through btoa, a chunk at a time so that no
 * call gets more arguments than an engine allows, which gives the same text.
 */
type ToBase64 = (this: Uint8Array) => string;

/** A multiple of 3, so every chunk but the last encodes without padding and the pieces join exactly. */
const CHUNK_BYTES = 3 * 8 * 1024;

export function base64FromBytes(bytes: Uint8Array): string {
  const native = (Uint8Array.prototype as unknown as { toBase64?: ToBase64 }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    pieces.push(btoa(String.fromCharCode(...bytes.subarray(start, start + CHUNK_BYTES))));
  }
  return pieces.join('');
}
