/** Strict decoders for the binary fields of exports: a malformed value is null, never a half-decoded buffer. */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Standard base64, padded or not, line breaks allowed (Java's encoders wrap at 76 characters). */
export function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/[\r\n]/g, '');
  return BASE64.test(compact) ? Buffer.from(compact, 'base64') : null;
}

export function decodeHex(text: string): Buffer | null {
  return HEX.test(text) ? Buffer.from(text, 'hex') : null;
}

/** RFC 4648 base32 without padding: the form OTP secrets are stored in. */
export function encodeBase32(bytes: Uint8Array): string {
  let text = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      text += BASE32_ALPHABET.charAt((buffer >> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  if (bits > 0) text += BASE32_ALPHABET.charAt((buffer << (5 - bits)) & 31);
  return text;
}
