/**
 * Builds the associated data that binds a ciphertext to its place: which vault, which row, which format.
 *
 * Each part is written as a type byte, a 4-byte big-endian length and its bytes, so no two different
 * lists of parts can encode to the same bytes ("ab"+"c" differs from "a"+"bc").
 */
export type AssociatedPart = Uint8Array | string | number;

const PART_BYTES = 1;
const PART_TEXT = 2;
const PART_INTEGER = 3;

export function associatedData(context: string, ...parts: readonly AssociatedPart[]): Uint8Array {
  const encoded = [context, ...parts].map(encodePart);
  const total = encoded.reduce((sum, part) => sum + part.length, 0);
  const output = new Uint8Array(total);
  let offset = 0;
  for (const part of encoded) {
    output.set(part, offset);
    offset += part.length;
  }
  return output;
}

function encodePart(part: AssociatedPart): Uint8Array {
  let type: number;
  let body: Uint8Array;
  if (typeof part === 'string') {
    type = PART_TEXT;
    body = new TextEncoder().encode(part);
  } else if (typeof part === 'number') {
    if (!Number.isSafeInteger(part) || part < 0) throw new RangeError('Associated integers must be non-negative safe integers.');
    type = PART_INTEGER;
    body = new Uint8Array(8);
    new DataView(body.buffer).setBigUint64(0, BigInt(part));
  } else {
    type = PART_BYTES;
    body = part;
  }
  const output = new Uint8Array(5 + body.length);
  output[0] = type;
  new DataView(output.buffer).setUint32(1, body.length);
  output.set(body, 5);
  return output;
}
