import { decodeBase64 } from './binaryText.js';
import { type AccountOutcome, accountTitle, collectAccounts, readAuthenticatorAccount, skippedAccount } from './authenticatorAccount.js';
import { damagedExportError, requirePassword, wrongPasswordError } from './exportErrors.js';
import { GCM_TAG_BYTES, derivePbkdf2Key, openAesGcmWithAppendedTag } from './exportCiphers.js';
import type { ImportInput, ImportProblem, ImportResult, Importer } from './importTypes.js';
import { type JsonObject, isJsonObject, namesById, numberField, objectField, parseJson, settingField, textField } from './jsonValues.js';

/**
 * 2FAS Authenticator's `.2fas` backup (JSON; schema 1 was saved as .json). `services` holds the accounts; an
 * encrypted backup leaves it empty and puts them in `servicesEncrypted` as base64 `ciphertext:salt:iv`, the
 * ciphertext ending in its GCM tag, the key PBKDF2-HMAC-SHA256(password, salt, 10,000 rounds, 256 bits)
 * (2FAS's backup code and Aegis's TwoFASImporter). What the schemas record about an account:
 * - 1: secret, issuer and account only: every account is TOTP SHA1/6/30;
 * - 2: algorithm, digits and period too, but no OTP type and no counter: HOTP accounts come out as TOTP;
 * - 3 and 4: `otp.tokenType` TOTP, HOTP (with `counter`) or STEAM.
 * Groups are `groups: [{id, name}]` with a `groupId` per service; they become tags.
 */

const LABEL = '2FAS';
const NEWEST_SCHEMA = 4;
const FIRST_SCHEMA_WITH_TYPE = 3;
const PBKDF2_ROUNDS = 10_000;
const NONCE_BYTES = 12;

interface TwofasFile {
  readonly schemaVersion: number;
  readonly body: JsonObject;
}

export const twofasImporter: Importer = {
  format: 'twofas',
  label: LABEL,
  detect: (input) => twofasFile(input) !== null,
  isEncrypted: (input) => {
    const encrypted = twofasFile(input)?.body.servicesEncrypted;
    return typeof encrypted === 'string' && encrypted !== '';
  },
  read: readTwofas,
};

function twofasFile(input: ImportInput): TwofasFile | null {
  const body = parseJson(input.bytes);
  if (!isJsonObject(body)) return null;
  const schemaVersion = numberField(body, 'schemaVersion');
  const hasServices = Array.isArray(body.services) || typeof body.servicesEncrypted === 'string';
  return schemaVersion !== undefined && hasServices ? { schemaVersion, body } : null;
}

async function readTwofas(input: ImportInput, password?: string): Promise<ImportResult> {
  const file = twofasFile(input);
  if (file === null) throw damagedExportError(LABEL, 'it is not a 2FAS backup (an object with "schemaVersion" and "services").');
  const { schemaVersion, body } = file;
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw damagedExportError(LABEL, `its schema version ${schemaVersion} is not valid.`);
  }
  if (schemaVersion > NEWEST_SCHEMA) {
    throw damagedExportError(
      LABEL,
      `its schema version ${schemaVersion} is newer than this app reads (1 to ${NEWEST_SCHEMA}); update TOTP Vault.`,
    );
  }
  const encrypted = textField(body, 'servicesEncrypted');
  const services = encrypted ? await decryptServices(encrypted, requirePassword(LABEL, password)) : body.services;
  if (!Array.isArray(services)) throw damagedExportError(LABEL, 'its "services" is not a list.');
  const groupNames = namesById(body.groups, 'id');
  const outcomes = services.map((service) => readService(service, schemaVersion, groupNames));
  const { items, problems } = collectAccounts(outcomes.map((outcome) => outcome.account));
  return { format: 'twofas', items, problems: [...problems, ...outcomes.flatMap((outcome) => outcome.notes)] };
}

async function decryptServices(encrypted: string, password: string): Promise<unknown> {
  const [ciphertext, salt, nonce] = encrypted.split(':').map(decodeBase64);
  if (!ciphertext || !salt || !nonce) {
    throw damagedExportError(LABEL, 'its encrypted services are not the three base64 parts "ciphertext:salt:iv".');
  }
  if (ciphertext.length <= GCM_TAG_BYTES || salt.length === 0 || nonce.length !== NONCE_BYTES) {
    throw damagedExportError(LABEL, 'its encrypted services are too short or have an IV of the wrong length.');
  }
  const key = await derivePbkdf2Key(password, salt, PBKDF2_ROUNDS, 'sha256');
  const plaintext = openAesGcmWithAppendedTag(key, nonce, ciphertext);
  key.fill(0);
  if (plaintext === null) throw wrongPasswordError(LABEL);
  const services = parseJson(plaintext);
  plaintext.fill(0);
  if (services === undefined) throw damagedExportError(LABEL, 'its decrypted services are not JSON.');
  return services;
}

function readService(
  service: unknown,
  schemaVersion: number,
  groupNames: ReadonlyMap<string, string>,
): { account: AccountOutcome; notes: ImportProblem[] } {
  if (!isJsonObject(service)) return { account: { problem: skippedAccount('', 'A service of the backup is not an object.') }, notes: [] };
  const otp = objectField(service, 'otp');
  const settings = {
    // Older schemas have no type: 2FAS could only store TOTP then.
    type: schemaVersion >= FIRST_SCHEMA_WITH_TYPE ? (textField(otp, 'tokenType') ?? 'TOTP') : 'totp',
    algorithm: settingField(otp, 'algorithm')?.toString(),
    digits: settingField(otp, 'digits'),
    period: settingField(otp, 'period'),
    counter: settingField(otp, 'counter'),
    // `name` is what the user sees in 2FAS (and may have renamed); `otp.issuer` is what the QR code said.
    issuer: textField(service, 'name')?.trim() || textField(otp, 'issuer') || '',
    account: textField(otp, 'account') ?? '',
  };
  const groupName = groupNames.get(textField(service, 'groupId') ?? '');
  const account = readAuthenticatorAccount({
    secret: textField(service, 'secret') ?? '',
    settings,
    tags: groupName ? [groupName] : [],
    updatedAt: numberField(service, 'updatedAt') ?? null,
  });
  return { account, notes: 'item' in account ? typeNotes(otp, schemaVersion, accountTitle(settings)) : [] };
}

/**
 * Schema 2 writes a period for every TOTP account, defaults included, and none for an account added from an
 * HOTP code, whose type and counter it does not record. Such an account is imported as TOTP as 2FAS had it
 * (and as Aegis does), with a note: its counter is not in the file, so its codes may not work.
 */
function typeNotes(otp: JsonObject, schemaVersion: number, title: string): ImportProblem[] {
  const describesSettings = otp.digits !== undefined || otp.algorithm !== undefined;
  if (schemaVersion >= FIRST_SCHEMA_WITH_TYPE || !describesSettings || otp.period !== undefined) return [];
  return [
    {
      item: title,
      what: 'HOTP counter',
      reason:
        `2FAS backups of schema ${schemaVersion} record no OTP type or counter, and this account has no period, ` +
        'so it was probably an HOTP account: it was imported as TOTP; check that its codes work.',
      kind: 'invalid',
    },
  ];
}
