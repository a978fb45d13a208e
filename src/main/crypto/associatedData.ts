/**
 * Builds the associated data that binds a ciphertext to its place: which vault, which row, which format.
 *
 * Each part is written as a type byte, a 4-byte big-endian length and its bytes, so no two different
 * lists of parts can encode to the same bytes ("ab"+"c" differs from "a"+"bc"). Because the encoding is
 * a concatenation, a fixed prefix (context and vault id) can be encoded once and extended per row.
 */
export type AssociatedPart = Uint8Array | string | number;

const PART_BYTES = 1;
const PART_TEXT = 2;
const PART_INTEGER = 3;
const HEADER_BYTES = 5;
const encoder = new TextEncoder();
// eslint-disable-next-line no-control-regex -- the test is exactly "any character outside ASCII"
const NON_ASCII = /[^\u0000-\u007f]/;

export function associatedData(context: string, ...parts: readonly AssociatedPart[]): Uint8Array {
  return extendAssociatedData(new Uint8Array(0), context, ...parts);
}

/** `extendAssociatedData(associatedData(a, b), c)` equals `associatedData(a, b, c)`. */
export function extendAssociatedData(prefix: Uint8Array, ...parts: readonly AssociatedPart[]): Uint8Array {
  return extendAssociatedDataMany(prefix, [parts])[0]!;
}

/**
 * Extends one prefix with many part lists, as views into a single new buffer. Unlocking builds one per row,
 * 10,000 for a large vault: separate buffers of this size each get their own backing store, which cost
 * more than the encoding itself.
 */
export function extendAssociatedDataMany(prefix: Uint8Array, partLists: readonly (readonly AssociatedPart[])[]): Uint8Array[] {
  let total = 0;
  const lengths = partLists.map((parts) => {
    let length = prefix.length;
    for (const part of parts) length += HEADER_BYTES + (typeof part === 'string' ? utf8Length(part) : typeof part === 'number' ? 8 : part.length);
    total += length;
    return length;
  });
  const buffer = new Uint8Array(total);
  let start = 0;
  return partLists.map((parts, index) => {
    writeParts(buffer, start, prefix, parts);
    const view = buffer.subarray(start, start + lengths[index]!);
    start += lengths[index]!;
    return view;
  });
}

function writeParts(output: Uint8Array, start: number, prefix: Uint8Array, parts: readonly AssociatedPart[]): void {
  output.set(prefix, start);
  let offset = start + prefix.length;
  for (const part of parts) {
    const bodyStart = offset + HEADER_BYTES;
    let type: number;
    let length: number;
    if (typeof part === 'string') {
      type = PART_TEXT;
      length = writeText(output, bodyStart, part);
    } else if (typeof part === 'number') {
      if (!Number.isSafeInteger(part) || part < 0) throw new RangeError('Associated integers must be non-negative safe integers.');
      type = PART_INTEGER;
      length = 8;
      writeUint32(output, bodyStart, Math.floor(part / 2 ** 32));
      writeUint32(output, bodyStart + 4, part >>> 0);
    } else {
      type = PART_BYTES;
      length = part.length;
      output.set(part, bodyStart);
    }
    output[offset] = type;
    writeUint32(output, offset + 1, length);
    offset = bodyStart + length;
  }
}

function utf8Length(text: string): number {
  return NON_ASCII.test(text) ? encoder.encode(text).length : text.length;
}

/** UTF-8 into `output` at `offset`; ASCII (every id we make) is copied directly, sparing an encoder call. */
function writeText(output: Uint8Array, offset: number, text: string): number {
  if (NON_ASCII.test(text)) return encoder.encodeInto(text, output.subarray(offset)).written;
  for (let index = 0; index < text.length; index++) output[offset + index] = text.charCodeAt(index);
  return text.length;
}

function writeUint32(output: Uint8Array, offset: number, value: number): void {
  output[offset] = value >>> 24;
  output[offset + 1] = (value >>> 16) & 0xff;
  output[offset + 2] = (value >>> 8) & 0xff;
  output[offset + 3] = value & 0xff;
}
