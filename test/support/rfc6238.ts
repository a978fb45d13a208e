/**
 * An independent TOTP (RFC 6238 over RFC 4226) with node:crypto only, to check the CLI's codes against
 * something that shares no code with it (the CLI tests and the end-to-end tests). Checked itself against
 * RFC 6238 Appendix B in test/integration/cli/cliRoundTrip.test.ts.
 */
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function decodeBase32(text: string): Buffer {
  let bits = '';
  for (const character of text.toUpperCase().replace(/[\s=]/g, '')) {
    const value = BASE32.indexOf(character);
    if (value < 0) throw new Error(`not base32: ${character}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let start = 0; start + 8 <= bits.length; start += 8) bytes.push(parseInt(bits.slice(start, start + 8), 2));
  return Buffer.from(bytes);
}

export function totp(key: Buffer, unixSeconds: number, options: { digits?: number; period?: number; algorithm?: string } = {}): string {
  const { digits = 6, period = 30, algorithm = 'sha1' } = options;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / period)));
  const digest = createHmac(algorithm, key).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}
