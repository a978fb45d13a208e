import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { type ScryptCost, AES_256_KEY_BYTES, GCM_TAG_BYTES, deriveScryptKey } from '../importers/exportCiphers.js';
import type { OtpParameters } from '../otp/index.js';
import { acceptableExportPassword } from './exportPassword.js';
import { type ExportedAccount, countItems, exportedAccounts } from './exportedAccounts.js';
import type { ExportSource, ExportedFile, Exporter } from './exportTypes.js';

/**
 * Aegis Authenticator's vault file (beemdevelopment/Aegis docs/vault.md), as Aegis itself writes it, so
 * Aegis's "Import from file → Aegis" reads it: `{version: 1, header, db}` with database version 3 (groups by
 * uuid). One entry per OTP field of every item not in the trash, with the item's notes, favourite mark and
 * tags (as groups); Aegis has no place for passwords, websites or custom fields.
 *
 * Encrypted exactly as Aegis encrypts: a random 256-bit master key seals the database JSON with AES-256-GCM
 * (96-bit nonce, tag apart, ciphertext in base64); one password slot (type 1) wraps the master key with
 * AES-256-GCM under scrypt(password, 256-bit salt, N=2^15, r=8, p=1), Aegis's own and only parameters.
 */

const FILE_VERSION = 1;
const DATABASE_VERSION = 3;
const PASSWORD_SLOT = 1;
const NONCE_BYTES = 12;
const SALT_BYTES = 32;
export const AEGIS_SCRYPT_COST: ScryptCost = { cost: 2 ** 15, blockSize: 8, parallelization: 1 };

interface GcmSealed {
  readonly ciphertext: Buffer;
  readonly params: { readonly nonce: string; readonly tag: string };
}

export const aegisExporter: Exporter = {
  format: 'aegis',
  label: 'Aegis vault (unencrypted)',
  encrypted: false,
  keeps: "the one-time-code accounts of the items not in the trash, with their notes, favourite marks and tags (as Aegis groups)",
  write(source) {
    const { database, accounts } = aegisDatabase(source);
    const file = { version: FILE_VERSION, header: { slots: null, params: null }, db: database };
    return Promise.resolve(exported(file, accounts));
  },
};

export const aegisEncryptedExporter: Exporter = {
  format: 'aegis-encrypted',
  label: 'Aegis vault (encrypted)',
  encrypted: true,
  keeps: aegisExporter.keeps,
  async write(source, password) {
    const checked = acceptableExportPassword(password, 'encrypted Aegis export');
    const { database, accounts } = aegisDatabase(source);
    const masterKey = randomBytes(AES_256_KEY_BYTES);
    const salt = randomBytes(SALT_BYTES);
    const slotKey = await deriveScryptKey(checked, salt, AEGIS_SCRYPT_COST);
    const plaintext = Buffer.from(JSON.stringify(database), 'utf8');
    try {
      const slot = sealAesGcm(slotKey, masterKey);
      const sealed = sealAesGcm(masterKey, plaintext);
      const header = {
        slots: [
          {
            type: PASSWORD_SLOT,
            uuid: randomUUID(),
            key: slot.ciphertext.toString('hex'),
            key_params: slot.params,
            n: AEGIS_SCRYPT_COST.cost,
            r: AEGIS_SCRYPT_COST.blockSize,
            p: AEGIS_SCRYPT_COST.parallelization,
            salt: salt.toString('hex'),
            // Aegis marks slots made after its fix of issue #95 (how the password was turned into bytes).
            repaired: true,
            is_backup: false,
          },
        ],
        params: sealed.params,
      };
      return exported({ version: FILE_VERSION, header, db: sealed.ciphertext.toString('base64') }, accounts);
    } finally {
      for (const secret of [masterKey, slotKey, plaintext]) secret.fill(0);
    }
  },
};

function aegisDatabase(source: ExportSource): { database: object; accounts: ExportedAccount[] } {
  const accounts = exportedAccounts(source.items);
  const groups = new Map<string, { uuid: string; name: string }>();
  const groupOf = (tag: string) => {
    const key = tag.toLocaleLowerCase();
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { uuid: randomUUID(), name: tag }));
    return group.uuid;
  };
  const entries = accounts.map(({ item, parameters }) => ({
    type: parameters.type,
    uuid: randomUUID(),
    name: parameters.account,
    issuer: parameters.issuer,
    note: item.notes,
    favorite: item.favorite,
    icon: null,
    info: aegisInfo(parameters),
    groups: item.tags.map(groupOf),
  }));
  return { database: { version: DATABASE_VERSION, entries, groups: [...groups.values()], icons_optimized: true }, accounts };
}

/** Aegis's `info` object: HOTP keeps a counter where TOTP and Steam keep a period. */
function aegisInfo(parameters: OtpParameters): object {
  const common = { secret: parameters.secret, algo: parameters.algorithm, digits: parameters.digits };
  return parameters.type === 'hotp' ? { ...common, counter: parameters.counter } : { ...common, period: parameters.period };
}

function sealAesGcm(key: Uint8Array, plaintext: Uint8Array): GcmSealed {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, params: { nonce: nonce.toString('hex'), tag: cipher.getAuthTag().toString('hex') } };
}

/** Aegis writes its files indented by four spaces; so do we, for a reader comparing them. */
function exported(file: object, accounts: readonly ExportedAccount[]): ExportedFile {
  return { bytes: new TextEncoder().encode(`${JSON.stringify(file, null, 4)}\n`), items: countItems(accounts), codes: accounts.length };
}
