/**
 * One-time codes computed straight from the RFCs with node:crypto, sharing no code with src/main/otp,
 * so a test comparing the two catches a regression on either side. Checked against RFC 4226 Appendix D
 * and RFC 6238 Appendix B in oldSchema.test.ts.
 */
import { createHmac } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

export function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const output: number[] = [];
  for (const character of text.replace(/=+$/, '').toUpperCase()) {
    const index = BASE32_ALPHABET.indexOf(character);
    if (index === -1) throw new Error(`not base32: ${character}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      output.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(output);
}

/** RFC 4226 §5.3: HMAC over the 8-byte counter, dynamic truncation to 31 bits. */
export function truncatedHotp(secretBase32: string, counter: number, algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1'): number {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac(algorithm, base32Decode(secretBase32)).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  return digest.readUInt32BE(offset) & 0x7fffffff;
}

export function hotpCode(secretBase32: string, counter: number, digits = 6, algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1'): string {
  return String(truncatedHotp(secretBase32, counter, algorithm) % 10 ** digits).padStart(digits, '0');
}

/** RFC 6238: HOTP over floor(unix seconds / period). */
export function totpCode(secretBase32: string, atMilliseconds: number, digits = 6, period = 30, algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1'): string {
  return hotpCode(secretBase32, Math.floor(atMilliseconds / 1000 / period), digits, algorithm);
}

/** Steam Guard: the same 31-bit value written as five characters of its alphabet, least significant first. */
export function steamCode(secretBase32: string, atMilliseconds: number): string {
  let value = truncatedHotp(secretBase32, Math.floor(atMilliseconds / 1000 / 30));
  let code = '';
  for (let index = 0; index < 5; index += 1) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}

/** The counter an otpauth://hotp URI will use next. */
export function counterOf(uri: string): number {
  const match = /[?&]counter=(\d+)/.exec(uri);
  if (!match) throw new Error(`no counter in ${uri}`);
  return Number(match[1]);
}
