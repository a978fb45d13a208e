import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';

/**
 * A SQLCipher database decrypted into the bytes of a plain SQLite file, in memory, with every page checked.
 *
 * Decision — our own page decryption instead of SQLCipher. SQLCipher is a native SQLite fork we do not ship;
 * adding it for one importer would mean a second native module next to better-sqlite3 on every platform. Its
 * page format is small and documented, node:crypto has every primitive, and the plain SQLite image it gives
 * opens with the better-sqlite3 we already have (storage/readDatabaseImage). Consequence: we read only the
 * settings below, which are what Enpass 6 uses; another layout fails page 1's check like a wrong key would.
 *
 * The settings are SQLCipher 3's (`PRAGMA cipher_compatibility = 3`, what Enpass opens its vault with), not
 * SQLCipher 4's defaults (4096-byte pages, HMAC-SHA512, 80 reserved bytes):
 * - 1024-byte pages; the file's first 16 bytes are the KDF salt, in place of the start of SQLite's header;
 * - the last 48 bytes of every page are reserved: a 16-byte IV, a 20-byte HMAC-SHA1, 12 bytes of padding;
 * - the rest of the page (after the salt, on page 1) is AES-256-CBC without padding, under the raw 32-byte key;
 * - the HMAC key is PBKDF2-HMAC-SHA1(key, salt XOR 0x3a in every byte, 2 iterations, 32 bytes);
 * - each page's HMAC covers its ciphertext and IV followed by the page number as 4 little-endian bytes, so a
 *   page moved elsewhere in the file fails too.
 * Verified on the real Enpass vault of the shared fixtures: all 53 pages check and decrypt.
 */
export const SQLCIPHER3 = {
  pageBytes: 1024,
  saltBytes: 16,
  ivBytes: 16,
  hmacBytes: 20,
  reserveBytes: 48,
  hmacSaltMask: 0x3a,
  hmacKeyIterations: 2,
  keyBytes: 32,
} as const;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The plain image, or the first page whose HMAC does not match: page 1 means a wrong key (or not SQLCipher). */
export type SqlcipherOpening = { readonly ok: true; readonly image: Buffer } | { readonly ok: false; readonly failedPage: number };

/** Whether `file` has the size of whole SQLCipher 3 pages (at least one). */
export function hasWholePages(file: Uint8Array): boolean {
  return file.length >= SQLCIPHER3.pageBytes && file.length % SQLCIPHER3.pageBytes === 0;
}

/**
 * Decrypts `file` (hasWholePages) with the raw 32-byte page key. The image is freshly allocated and wiped again
 * when a page fails; on success the caller owns it and wipes it when done.
 */
export function decryptSqlcipher3(file: Uint8Array, key: Uint8Array): SqlcipherOpening {
  const { pageBytes, saltBytes, ivBytes, hmacBytes, reserveBytes, hmacSaltMask, hmacKeyIterations, keyBytes } = SQLCIPHER3;
  const salt = file.subarray(0, saltBytes);
  const hmacKey = pbkdf2Sync(key, salt.map((byte) => byte ^ hmacSaltMask), hmacKeyIterations, keyBytes, 'sha1');
  const image = Buffer.alloc(file.length);
  const pageNumber = Buffer.alloc(4);
  try {
    for (let number = 1; number * pageBytes <= file.length; number += 1) {
      const page = file.subarray((number - 1) * pageBytes, number * pageBytes);
      const start = number === 1 ? saltBytes : 0;
      const end = pageBytes - reserveBytes;
      const iv = page.subarray(end, end + ivBytes);
      pageNumber.writeUInt32LE(number);
      const expected = createHmac('sha1', hmacKey).update(page.subarray(start, end + ivBytes)).update(pageNumber).digest();
      if (!timingSafeEqual(expected, page.subarray(end + ivBytes, end + ivBytes + hmacBytes))) {
        image.fill(0);
        return { ok: false, failedPage: number };
      }
      const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
      const offset = (number - 1) * pageBytes + start;
      const plain = decipher.update(page.subarray(start, end));
      plain.copy(image, offset);
      plain.fill(0);
      decipher.final();
    }
    // SQLite wants its magic where SQLCipher keeps the salt; the reserved bytes stay zero, as SQLCipher leaves them.
    SQLITE_HEADER.copy(image, 0);
    return { ok: true, image };
  } finally {
    hmacKey.fill(0);
  }
}
