/**
 * Base64 to bytes, for the QR decoder's WebAssembly that the worker carries as a data: URL. Chromium 140
 * and later decode it natively (Uint8Array.fromBase64); older engines go through atob, which is slower
 * but the same bytes.
 */
type FromBase64 = (text: string) => Uint8Array<ArrayBuffer>;

export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;
  if (typeof native === 'function') return native(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The bytes of a base64 `data:` URL (`data:application/wasm;base64,AGFzbQ…`); throws on any other URL. */
export function bytesFromDataUrl(dataUrl: string): Uint8Array<ArrayBuffer> {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:') || comma < 0 || !dataUrl.slice(0, comma).endsWith(';base64')) {
    throw new TypeError('Expected a base64 data: URL.');
  }
  return bytesFromBase64(dataUrl.slice(comma + 1));
}
