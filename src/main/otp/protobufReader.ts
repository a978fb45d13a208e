import type { VaultError } from '../../shared/errors.js';

/** The protobuf wire types (encoding spec, "Message Structure"); 3 and 4 are the deprecated groups. */
export const WIRE_TYPES = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;

/** A varint holds at most 64 bits, 7 per byte. */
const MAX_VARINT_BYTES = 10;

export interface ProtobufTag {
  readonly field: number;
  readonly wireType: number;
}

/**
 * Reads protobuf messages field by field, checking every length against the bytes that are there.
 *
 * Written by hand instead of taking a protobuf library: we read one small, frozen schema (Google
 * Authenticator's MigrationPayload) and need only varints and length-delimited fields, so a dependency
 * with code generation would be more to trust than the fifty lines it replaces.
 *
 * `damaged` turns a description of the fault ("it ends in the middle of a field") into the error the
 * caller throws, so the reader stays free of any one format's wording.
 */
export class ProtobufReader {
  readonly #bytes: Uint8Array;
  readonly #damaged: (detail: string) => VaultError;
  #position = 0;

  constructor(bytes: Uint8Array, damaged: (detail: string) => VaultError) {
    this.#bytes = bytes;
    this.#damaged = damaged;
  }

  get done(): boolean {
    return this.#position >= this.#bytes.length;
  }

  readTag(): ProtobufTag {
    const key = this.readVarint();
    const field = Number(key >> 3n);
    if (field === 0 || field > 0x1fff_ffff) {
      throw this.#damaged(`it has a field numbered ${field}`);
    }
    return { field, wireType: Number(key & 7n) };
  }

  /** The raw 64 bits; the caller picks the signed width (`BigInt.asIntN`) that its field declares. */
  readVarint(): bigint {
    let value = 0n;
    for (let index = 0; index < MAX_VARINT_BYTES; index += 1) {
      const byte = this.#next();
      value |= BigInt(byte & 0x7f) << BigInt(7 * index);
      if ((byte & 0x80) === 0) return BigInt.asUintN(64, value);
    }
    throw this.#damaged(`a number runs past ${MAX_VARINT_BYTES} bytes`);
  }

  /** A length-delimited field's bytes: a view, not a copy, so wiping the whole message wipes them too. */
  readBytes(): Uint8Array {
    const length = this.readVarint();
    if (length > BigInt(this.#bytes.length - this.#position)) {
      throw this.#damaged('it ends in the middle of a field');
    }
    const start = this.#position;
    this.#position += Number(length);
    return this.#bytes.subarray(start, this.#position);
  }

  /** An embedded message, read with the same notion of damage. */
  readMessage(): ProtobufReader {
    return new ProtobufReader(this.readBytes(), this.#damaged);
  }

  /** Fails unless `tag` has the wire type its field is declared with. */
  expectWireType(tag: ProtobufTag, wireType: number): void {
    if (tag.wireType !== wireType) {
      throw this.#damaged(`field ${tag.field} has wire type ${tag.wireType} instead of ${wireType}`);
    }
  }

  /** Steps over a field this schema does not know, as protobuf requires of every reader. */
  skip(tag: ProtobufTag): void {
    switch (tag.wireType) {
      case WIRE_TYPES.varint:
        this.readVarint();
        return;
      case WIRE_TYPES.fixed64:
        this.#advance(8);
        return;
      case WIRE_TYPES.lengthDelimited:
        this.readBytes();
        return;
      case WIRE_TYPES.fixed32:
        this.#advance(4);
        return;
      default:
        throw this.#damaged(`field ${tag.field} has the unknown wire type ${tag.wireType}`);
    }
  }

  #next(): number {
    const byte = this.#bytes[this.#position];
    if (byte === undefined) {
      throw this.#damaged('it ends in the middle of a field');
    }
    this.#position += 1;
    return byte;
  }

  #advance(count: number): void {
    if (count > this.#bytes.length - this.#position) {
      throw this.#damaged('it ends in the middle of a field');
    }
    this.#position += count;
  }
}
