/**
 * ISO/IEC 7816-4 padding (what libsodium's sodium_pad does): a 0x80 byte, then zeros up to a multiple of
 * the block size. Done in JavaScript because a round trip into WebAssembly costs more than the work.
 */
export function pad(data: Uint8Array, blockSize: number): Uint8Array {
  const length = (Math.floor(data.length / blockSize) + 1) * blockSize;
  const padded = new Uint8Array(length);
  padded.set(data, 0);
  padded[data.length] = 0x80;
  return padded;
}

/**
 * The length of the data inside the padded bytes `buffer[start, start + length)`, or -1 when the padding
 * is malformed. Takes a range rather than a view so a caller scanning WebAssembly memory allocates nothing.
 */
export function unpaddedLength(buffer: Uint8Array, start: number, length: number, blockSize: number): number {
  if (length === 0 || length % blockSize !== 0) return -1;
  const lowest = start + length - blockSize;
  for (let index = start + length - 1; index >= lowest; index--) {
    const byte = buffer[index];
    if (byte === 0x80) return index - start;
    if (byte !== 0) return -1;
  }
  return -1;
}
