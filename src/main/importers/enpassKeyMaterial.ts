import { decodeUtf8 } from './jsonValues.js';

/**
 * What Enpass derives its vault key from. Its manual says it "appends the characters in the keyfile to the
 * password"; what the open readers that work on real keyfile vaults do (hazcod/enpass-cli `generateMasterPassword`
 * and `loadKeyFilePassword`, and the Python readers that cite the same Enpass forum thread) is more precise: the
 * password's UTF-8 bytes followed by the bytes the keyfile's hexadecimal key stands for. That is what we do.
 * We have no real keyfile vault to check it against; the tests check this function against that formula.
 */

/** The one element of an Enpass keyfile (.enpasskey), `<key>` in the ones Enpass writes, around hexadecimal digits. */
const KEYFILE = /^\s*(?:<\?xml[^>]*\?>\s*)?<([A-Za-z_][\w.-]*)>\s*([0-9A-Fa-f]+)\s*<\/\1>\s*$/;

/** The key bytes of an Enpass keyfile (`<?xml …?><key>HEX</key>`), or null when `bytes` is not one. */
export function readEnpassKeyfile(bytes: Uint8Array): Buffer | null {
  const text = decodeUtf8(bytes)?.replace(/^\uFEFF/, '');
  const hex = text === undefined ? undefined : KEYFILE.exec(text)?.[2];
  return hex !== undefined && hex.length % 2 === 0 ? Buffer.from(hex, 'hex') : null;
}

/** The PBKDF2 input: the password's UTF-8 bytes, then the keyfile's key bytes when the vault has a keyfile. */
export function enpassKeyMaterial(password: string, keyfileKey?: Uint8Array): Buffer {
  const passwordBytes = Buffer.from(password, 'utf8');
  if (!keyfileKey) return passwordBytes;
  const material = Buffer.concat([passwordBytes, keyfileKey]);
  passwordBytes.fill(0);
  return material;
}
