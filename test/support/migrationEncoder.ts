/**
 * A tiny protobuf encoder for Google Authenticator exports (otpauth-migration://), so tests can write every
 * field, every batch and every fault on purpose.
 */

/** "Hello!" + DE AD BE EF, whose base32 is the well-known JBSWY3DPEHPK3PXP. */
export const SECRET_BYTES = [0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef];


export function varint(value: number | bigint): number[] {
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest === 0n ? low : low | 0x80);
  } while (rest !== 0n);
  return bytes;
}

export const encode = {
  varint: (field: number, value: number | bigint) => [...varint((field << 3) | 0), ...varint(value)],
  bytes: (field: number, bytes: readonly number[] | Uint8Array) => [...varint((field << 3) | 2), ...varint(bytes.length), ...bytes],
  string: (field: number, text: string) => encode.bytes(field, new TextEncoder().encode(text)),
};

export interface AccountFields {
  readonly secret?: readonly number[];
  readonly name?: string;
  readonly issuer?: string;
  readonly algorithm?: number;
  readonly digits?: number;
  readonly type?: number;
  readonly counter?: number | bigint;
}

/** OtpParameters as Google Authenticator writes them: every field present, enums explicit. */
export function account(fields: AccountFields): number[] {
  return [
    ...encode.bytes(1, fields.secret ?? SECRET_BYTES),
    ...encode.string(2, fields.name ?? 'alice@example.com'),
    ...encode.string(3, fields.issuer ?? 'Example'),
    ...encode.varint(4, fields.algorithm ?? 1),
    ...encode.varint(5, fields.digits ?? 1),
    ...encode.varint(6, fields.type ?? 2),
    ...(fields.counter === undefined ? [] : encode.varint(7, fields.counter)),
  ];
}

export function payload(accounts: readonly number[][], batch = { size: 1, index: 0, id: 12345 }): number[] {
  return [
    ...accounts.flatMap((bytes) => encode.bytes(1, bytes)),
    ...encode.varint(2, 1),
    ...encode.varint(3, batch.size),
    ...encode.varint(4, batch.index),
    ...encode.varint(5, batch.id),
  ];
}

/** As Google Authenticator writes it: standard base64 with padding, then %-encoded. */
export function migrationUri(bytes: readonly number[]): string {
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;
}
