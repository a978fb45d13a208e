import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { FieldKey, LiveCode } from '../../shared/api.js';
import { VaultError } from '../../shared/errors.js';
import type { CodeEntry, Item, ItemContent, OtpField } from '../../shared/item.js';
import type { OtpCode, OtpSummary } from '../../shared/otp.js';
import { DEFAULT_VAULT_SETTINGS, VAULT_SETTINGS_LIMITS, type VaultSettings } from '../../shared/settings.js';
import {
  AuthenticationFailure,
  DEFAULT_KDF_MEMORY_BYTES,
  MINIMUM_KDF_PASSES,
  PREFERRED_KDF_PASSES,
  VaultCipher,
  associatedData,
  extendAssociatedData,
  extendAssociatedDataMany,
  type KdfParameters,
  type SealedInput,
} from '../crypto/index.js';
import { type OtpParameters, forgetCachedSecrets, formatOtpauthUri, generateCode, generateNextCode, parseOtpInput, toOtpSummary } from '../otp/index.js';
import { type EntryRecord, VaultRecords, createVaultDatabase, openVaultDatabase } from '../storage/index.js';
import { readItemContent } from './itemContent.js';
import { ITEM_PAYLOAD_ARRAY, ITEM_PAYLOAD_VERSION, type StoredItem, decodeItemPayload, decodeItemPayloads, encodeItemPayload } from './itemPayload.js';
import { assertAcceptableMasterPassword, assertPasswordGiven } from './masterPassword.js';
import { kdfParametersOf, openPasswordSlot, sealPasswordSlot } from './passwordSlot.js';

export interface VaultOptions {
  /** Unix milliseconds; injected so tests and the CLI's --at control time. */
  readonly now?: () => number;
  /** Creation only: override the KDF (tests use small parameters; the app never does). */
  readonly kdf?: Partial<Pick<KdfParameters, 'memoryBytes' | 'passes'>>;
  /** Creation only: the cold-unlock time the default KDF must fit in. */
  readonly unlockBudgetMilliseconds?: number;
  /** Stop migrating at this schema version (tests of old formats only). */
  readonly schemaVersion?: number;
}

/** An item an import brings: its content (checked like any new item), where it was and when. */
export interface ItemToImport {
  readonly content: unknown;
  readonly trashed: boolean;
  /** Unix milliseconds from the source; null (or a time that cannot be right) means now. */
  readonly createdAt: number | null;
  readonly updatedAt: number | null;
  /** When a trashed item went to the trash, from a source that says (our backup); null or absent means now. */
  readonly trashedAt?: number | null;
}

/** One account to add: a new item, or a new OTP field (its URI canonical) on an existing item. */
export type OtpAddition =
  | { readonly kind: 'new'; readonly content: ItemContent }
  | { readonly kind: 'field'; readonly itemId: string; readonly field: OtpField };

export interface UnlockTimings {
  readonly kdfMilliseconds: number;
  readonly otherMilliseconds: number;
}

/** How many seconds before a code expires `liveCodes` adds the next one. */
export const NEXT_CODE_SECONDS = 5;

const SETTINGS_VERSION = 1;
const DEFAULT_UNLOCK_BUDGET_MILLISECONDS = 1000;
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const EMPTY = new Uint8Array(0);

/**
 * An unlocked vault: the vault key, the open database and the decrypted items.
 *
 * Every mutation is one IMMEDIATE transaction that re-reads its row inside the transaction, so two
 * processes editing the same vault never lose each other's writes. Reads first ask SQLite whether
 * another connection committed (`data_version`) and reload if so.
 */
export class Vault {
  readonly path: string;
  readonly kdf: KdfParameters;
  #unlockTimings: UnlockTimings;
  readonly #cipher: VaultCipher;
  readonly #now: () => number;
  readonly #vaultId: Uint8Array;
  /** The entry AAD's constant head, encoded once: it is built for every row at unlock. */
  readonly #entryPrefix: Uint8Array;
  #records: VaultRecords | null;
  #key: Uint8Array | null;
  #items = new Map<string, Item>();
  /** `#items` in display order, rebuilt only after a change: sorting 10,000 titles costs more than a listing. */
  #sorted: Item[] | null = null;
  /** OTP fields of live items by account (see duplicatesOf), built on demand, dropped with `#sorted`. */
  #accounts: Map<string, FieldKey[]> | null = null;
  #otpByUri = new Map<string, OtpParameters>();
  #dataVersion = -1;
  #externalReloads = 0;

  private constructor(input: {
    path: string;
    kdf: KdfParameters;
    cipher: VaultCipher;
    records: VaultRecords;
    key: Uint8Array;
    vaultId: Uint8Array;
    now: () => number;
    unlockTimings: UnlockTimings;
  }) {
    this.path = input.path;
    this.kdf = input.kdf;
    this.#cipher = input.cipher;
    this.#records = input.records;
    this.#key = input.key;
    this.#vaultId = input.vaultId;
    this.#entryPrefix = entryAssociatedDataPrefix(input.vaultId);
    this.#now = input.now;
    this.#unlockTimings = input.unlockTimings;
  }

  /** Creates a new vault file at `path`; refuses to overwrite anything. */
  static async create(path: string, password: string, options: VaultOptions = {}): Promise<Vault> {
    assertAcceptableMasterPassword(password);
    const now = options.now ?? Date.now;
    const cipher = await VaultCipher.load();
    const vaultId = new Uint8Array(randomBytes(16));
    const key = cipher.generateKey();
    const createdAt = now();
    // The slot (and its slow KDF) comes before the file, so a failure leaves nothing behind.
    const started = performance.now();
    const { slot, kdf } = await sealCalibratedSlot(cipher, vaultId, key, password, createdAt, options);
    const kdfMilliseconds = performance.now() - started;
    const database = createVaultDatabase(path, options.schemaVersion === undefined ? {} : { schemaVersion: options.schemaVersion });
    let records: VaultRecords;
    try {
      records = new VaultRecords(database);
      records.immediate(() => {
        records.insertHeader(vaultId, createdAt);
        records.writeSlot(slot);
      });
    } catch (thrown) {
      database.close();
      removeVaultFiles(path);
      throw thrown;
    }
    const vault = new Vault({ path, kdf, cipher, records, key, vaultId, now, unlockTimings: { kdfMilliseconds, otherMilliseconds: 0 } });
    vault.#reload();
    return vault;
  }

  /** Opens the vault at `path` with its master password. */
  static async unlock(path: string, password: string, options: VaultOptions = {}): Promise<Vault> {
    assertPasswordGiven(password);
    const started = performance.now();
    // Loaded before the KDF starts, not beside it: both compile the same WebAssembly, and on two cores
    // compiling it twice at once slows the derivation by more than it saves here.
    const cipher = await VaultCipher.load();
    const database = openVaultDatabase(path, options.schemaVersion === undefined ? {} : { schemaVersion: options.schemaVersion });
    let records: VaultRecords;
    let key: Uint8Array;
    let vaultId: Uint8Array;
    let kdf: KdfParameters;
    let kdfMilliseconds: number;
    let rows: EntryRecord[];
    let dataVersion: number;
    let sealed: SealedInput[];
    let derivation: Promise<Uint8Array> | undefined;
    try {
      records = new VaultRecords(database);
      vaultId = records.header().vaultId;
      const slot = records.passwordSlot();
      kdf = kdfParametersOf(slot);
      const kdfStarted = performance.now();
      derivation = openPasswordSlot(cipher, vaultId, slot, password);
      // The KDF runs in a worker and this thread is idle meanwhile: do all the work that needs no key now.
      dataVersion = records.dataVersion();
      rows = records.liveEntries();
      sealed = sealedEntries(entryAssociatedDataPrefix(vaultId), rows);
      key = await derivation;
      kdfMilliseconds = performance.now() - kdfStarted;
    } catch (thrown) {
      // A derivation still running must be awaited: its failure must not go unhandled, its key not unwiped.
      await derivation?.then((derived) => cipher.wipe(derived), () => undefined);
      database.close();
      throw thrown;
    }
    const vault = new Vault({
      path,
      kdf,
      cipher,
      records,
      key,
      vaultId,
      now: options.now ?? Date.now,
      unlockTimings: { kdfMilliseconds, otherMilliseconds: 0 },
    });
    try {
      vault.#load(rows, sealed, dataVersion);
    } catch (thrown) {
      vault.lock();
      throw thrown;
    }
    vault.#unlockTimings = { kdfMilliseconds, otherMilliseconds: performance.now() - started - kdfMilliseconds };
    return vault;
  }

  /** How the last unlock split between the password KDF and everything else (for benchmarks and diagnostics). */
  get unlockTimings(): UnlockTimings {
    return this.#unlockTimings;
  }

  get isLocked(): boolean {
    return this.#key === null;
  }

  /** Zeroes the vault key, drops every decrypted item and closes the file. Safe to call twice. */
  lock(): void {
    if (this.#key) this.#cipher.wipe(this.#key);
    this.#key = null;
    this.#items = new Map();
    this.#sorted = null;
    this.#accounts = null;
    this.#otpByUri = new Map();
    forgetCachedSecrets();
    this.#records?.close();
    this.#records = null;
  }

  /** Rewraps the vault key under a new password; no item is re-encrypted. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const records = this.#open().records;
    assertPasswordGiven(currentPassword);
    assertAcceptableMasterPassword(newPassword);
    const slot = records.passwordSlot();
    const confirmed = await openPasswordSlot(this.#cipher, this.#vaultId, slot, currentPassword);
    this.#cipher.wipe(confirmed);
    const replacement = await sealPasswordSlot({
      cipher: this.#cipher,
      vaultId: this.#vaultId,
      vaultKey: this.#open().key,
      password: newPassword,
      kdf: kdfParametersOf(slot),
      slotId: slot.id,
      createdAt: slot.createdAt,
      updatedAt: this.#now(),
    });
    this.#open().records.immediate(() => this.#open().records.writeSlot(replacement));
  }

  /** Every item, trashed ones included, sorted by title. */
  items(): Item[] {
    this.#refresh();
    return [...this.#sortedItems()];
  }

  item(id: string): Item {
    this.#refresh();
    const item = this.#items.get(id);
    if (!item) throw notFound();
    return item;
  }

  /** Validates, canonicalises every OTP field and stores a new item. */
  createItem(input: unknown): Item {
    return this.createItems([input])[0]!;
  }

  /** Stores several new items in one transaction: all of them or, on any invalid one, none. */
  createItems(inputs: readonly unknown[]): Item[] {
    return this.importItems(inputs.map((content) => ({ content, trashed: false, createdAt: null, updatedAt: null })));
  }

  /**
   * Stores items from an import in one transaction, all or none: each keeps the times its source gives
   * (else now) and goes to the trash if it was trashed or archived there.
   */
  importItems(entries: readonly ItemToImport[]): Item[] {
    const contents = entries.map(({ content }) => this.#prepareContent(content));
    const { records } = this.#open();
    const now = this.#now();
    const items = contents.map((content, index): Item => {
      const { trashed, createdAt, updatedAt, trashedAt } = entries[index]!;
      const created = validTime(createdAt) ?? now;
      const trashTime = trashed ? (validTime(trashedAt ?? null) ?? now) : null;
      return { ...content, id: randomUUID(), createdAt: created, updatedAt: Math.max(validTime(updatedAt) ?? created, created), trashedAt: trashTime };
    });
    records.immediate(() => {
      for (const item of items) {
        const payload = this.#seal(item, { content: item, trashedAt: item.trashedAt });
        records.insertEntry({ id: item.id, createdAt: item.createdAt, updatedAt: item.updatedAt, payloadVersion: ITEM_PAYLOAD_VERSION, payload });
      }
    });
    for (const item of items) this.#items.set(item.id, item);
    this.#sorted = null;
    this.#accounts = null;
    return items;
  }

  /**
   * Adds accounts, each as a new item or as a new OTP field of an existing item, in one transaction: all of
   * them or, if any fails (an item deleted meanwhile, say), none.
   */
  addOtpAccounts(additions: readonly OtpAddition[]): Item[] {
    const { records } = this.#open();
    try {
      return records.immediate(() =>
        additions.map((addition) =>
          addition.kind === 'new'
            ? this.createItem(addition.content)
            : this.#mutate(addition.itemId, (current) => ({ content: { ...current, otp: [...current.otp, addition.field] }, trashedAt: current.trashedAt })),
        ),
      );
    } catch (thrown) {
      // The nested writes updated the cache before the outer transaction rolled back: read it afresh.
      if (this.#key) this.#reload();
      throw thrown;
    }
  }

  updateItem(id: string, input: unknown): Item {
    const content = this.#prepareContent(input);
    return this.#mutate(id, (current) => ({ content, trashedAt: current.trashedAt }));
  }

  trashItem(id: string): Item {
    return this.#mutate(id, (current) => ({ content: current, trashedAt: current.trashedAt ?? this.#now() }));
  }

  restoreItem(id: string): Item {
    return this.#mutate(id, (current) => ({ content: current, trashedAt: null }));
  }

  /** Deletes for good: the payload is dropped and a tombstone keeps the id. */
  deleteItem(id: string): void {
    const { records } = this.#open();
    const deleted = records.immediate(() => records.tombstoneEntry(id, this.#now()));
    this.#items.delete(id);
    this.#sorted = null;
    this.#accounts = null;
    if (!deleted) throw notFound();
  }

  /** Live codes for every OTP field of every item not in the trash, favourites first. */
  codes(atMilliseconds: number = this.#now()): CodeEntry[] {
    return this.#codeEntries((parameters) => (parameters.type === 'hotp' ? null : generateCode(parameters, atMilliseconds)));
  }

  /**
   * The rows of `codes` without their codes: a window shows a few dozen of 10,000 rows and asks
   * `liveCodes` for those, so computing every code here would be wasted.
   */
  entries(): CodeEntry[] {
    return this.#codeEntries(() => null);
  }

  /**
   * Codes for the given fields at `atMilliseconds`, in the order asked, each with the following code
   * during the last NEXT_CODE_SECONDS of its period so the user can wait for it instead of racing the
   * clock. A field of an item deleted or trashed meanwhile (by another process, say) is left out rather
   * than failing the whole answer: the caller's list is stale and reloads. HOTP fields are left out too:
   * showing their code uses it up (see nextHotpCode).
   */
  liveCodes(fields: readonly FieldKey[], atMilliseconds: number): LiveCode[] {
    this.#refresh();
    const codes: LiveCode[] = [];
    for (const { itemId, fieldId } of fields) {
      const item = this.#items.get(itemId);
      const field = item?.trashedAt === null ? item.otp.find((candidate) => candidate.id === fieldId) : undefined;
      if (!field) continue;
      const parameters = this.#otpParameters(field.uri);
      if (parameters.type === 'hotp') continue;
      const current = generateCode(parameters, atMilliseconds);
      const next = current.remaining <= NEXT_CODE_SECONDS ? generateNextCode(parameters, atMilliseconds) : null;
      codes.push({ itemId, fieldId, current, next });
    }
    return codes;
  }

  /**
   * The OTP fields of items not in the trash that hold the same account as `parameters`: the same secret and
   * the same issuer and account (ignoring case and surrounding space). Scanning or importing marks these as
   * duplicates rather than adding a second copy.
   */
  duplicatesOf(parameters: OtpParameters): FieldKey[] {
    return this.duplicatesOfEach([parameters])[0]!;
  }

  /**
   * duplicatesOf for many accounts: one look for other writers' commits (a PRAGMA, ~60 µs) instead of one per
   * account, which for an import of 10,000 accounts was most of its preview.
   */
  duplicatesOfEach(accounts: readonly OtpParameters[]): FieldKey[][] {
    this.#refresh();
    if (!this.#accounts) {
      // Built once per change, so an import of thousands of accounts asks a map, not every item each time.
      this.#accounts = new Map();
      for (const item of this.#items.values()) {
        if (item.trashedAt !== null) continue;
        for (const field of item.otp) {
          const key = accountKey(this.#otpParameters(field.uri));
          const fields = this.#accounts.get(key) ?? [];
          fields.push({ itemId: item.id, fieldId: field.id });
          this.#accounts.set(key, fields);
        }
      }
    }
    const index = this.#accounts;
    return accounts.map((parameters) => [...(index.get(accountKey(parameters)) ?? [])]);
  }

  /** What the UI may see of an OTP field, from the same parse cache the codes use. */
  otpSummary(uri: string): OtpSummary {
    this.#open();
    return toOtpSummary(this.#otpParameters(uri));
  }

  /**
   * How many times another connection's commit (the CLI, another window) made this vault reload its
   * items. It only moves when a read notices the commit; a session compares it to tell its UI to reload.
   */
  get externalReloads(): number {
    return this.#externalReloads;
  }

  /**
   * Shows an HOTP code and moves the stored counter past it, in one transaction: a code once shown is
   * used up, and two processes asking at once get two different codes.
   */
  nextHotpCode(itemId: string, fieldId: string): OtpCode {
    let code: OtpCode | undefined;
    this.#mutate(itemId, (current) => {
      const field = current.otp.find((candidate) => candidate.id === fieldId);
      if (!field) throw new VaultError('ITEM_NOT_FOUND', 'That one-time-code field no longer exists.');
      const parameters = this.#otpParameters(field.uri);
      if (parameters.type !== 'hotp') throw new VaultError('INVALID_PARAMETER', 'That field is not a counter-based (HOTP) code.');
      code = generateCode(parameters, this.#now());
      const advanced = formatOtpauthUri({ ...parameters, counter: parameters.counter + 1 });
      const otp = current.otp.map((candidate) => (candidate.id === fieldId ? { ...candidate, uri: advanced } : candidate));
      return { content: { ...current, otp }, trashedAt: current.trashedAt };
    });
    if (!code) throw new VaultError('INTERNAL', 'No code was generated.');
    return code;
  }

  settings(): VaultSettings {
    const { records, key } = this.#open();
    const blob = records.header().settings;
    if (!blob) return DEFAULT_VAULT_SETTINGS;
    const bytes = this.#openBlob(key, blob, this.#settingsAssociatedData(), 'its settings');
    try {
      return readSettings(JSON.parse(new TextDecoder().decode(bytes)));
    } catch {
      throw new VaultError('VAULT_DAMAGED', 'The vault file is damaged: its settings cannot be read.');
    }
  }

  updateSettings(patch: Partial<VaultSettings>): VaultSettings {
    const { records, key } = this.#open();
    const next = readSettings({ ...this.settings(), ...patch });
    const blob = this.#cipher.seal(key, new TextEncoder().encode(JSON.stringify(next)), this.#settingsAssociatedData());
    records.immediate(() => records.writeSettings(blob));
    return next;
  }

  #open(): { records: VaultRecords; key: Uint8Array } {
    if (!this.#records || !this.#key) throw new VaultError('VAULT_LOCKED', 'The vault is locked.');
    return { records: this.#records, key: this.#key };
  }

  #prepareContent(input: unknown): ItemContent {
    const content = readItemContent(input);
    const parsed = content.otp.map((field) => parseOtpInput(field.uri));
    const otp = content.otp.map((field, index) => ({ ...field, uri: formatOtpauthUri(parsed[index]!) }));
    const title = content.title.trim() || (parsed[0]?.issuer ?? '');
    if (title === '') throw new VaultError('INVALID_INPUT', 'The item needs a title.');
    return { ...content, title, otp };
  }

  /** Re-reads the row inside an IMMEDIATE transaction, applies `change` and writes it back. */
  #mutate(id: string, change: (current: Item) => { content: ItemContent; trashedAt: number | null }): Item {
    const { records } = this.#open();
    const item = records.immediate(() => {
      const record = records.entry(id);
      if (!record || record.deletedAt !== null || !record.payload) throw notFound();
      const current = this.#decrypt(record);
      const next = change(current);
      const updatedAt = Math.max(this.#now(), current.updatedAt);
      records.updateEntry({ id, updatedAt, payloadVersion: ITEM_PAYLOAD_VERSION, payload: this.#seal({ id, createdAt: current.createdAt, updatedAt }, next) });
      return { ...next.content, id, createdAt: current.createdAt, updatedAt, trashedAt: next.trashedAt };
    });
    this.#items.set(id, item);
    this.#sorted = null;
    this.#accounts = null;
    return item;
  }

  #codeEntries(codeOf: (parameters: OtpParameters) => OtpCode | null): CodeEntry[] {
    this.#refresh();
    const entries: CodeEntry[] = [];
    for (const item of this.#sortedItems()) {
      if (item.trashedAt !== null) continue;
      for (const field of item.otp) {
        const parameters = this.#otpParameters(field.uri);
        entries.push({
          itemId: item.id,
          fieldId: field.id,
          title: item.title,
          issuer: parameters.issuer,
          account: parameters.account,
          tags: item.tags,
          favorite: item.favorite,
          summary: toOtpSummary(parameters),
          current: codeOf(parameters),
        });
      }
    }
    return entries;
  }

  #sortedItems(): readonly Item[] {
    this.#sorted ??= [...this.#items.values()].sort(compareItems);
    return this.#sorted;
  }

  #refresh(): void {
    const { records } = this.#open();
    if (records.dataVersion() !== this.#dataVersion) {
      this.#reload();
      this.#externalReloads += 1;
    }
  }

  #reload(): void {
    const { records } = this.#open();
    const version = records.dataVersion();
    const rows = records.liveEntries();
    this.#load(rows, sealedEntries(this.#entryPrefix, rows), version);
  }

  /** Decrypts every row in one batch (see VaultCipher.openJoined for why) and replaces the cache. */
  #load(rows: readonly EntryRecord[], sealed: readonly SealedInput[], dataVersion: number): void {
    const { key } = this.#open();
    const joined = this.#cipher.openJoined(key, sealed, ITEM_PAYLOAD_ARRAY);
    if (typeof joined === 'number') throw damagedBlob('an item');
    const payloads = decodeItemPayloads(joined, rows.map((row) => row.payloadVersion));
    const items = new Map<string, Item>();
    rows.forEach((record, index) => items.set(record.id, toItem(record, payloads[index]!)));
    this.#items = items;
    this.#sorted = null;
    this.#accounts = null;
    this.#dataVersion = dataVersion;
  }

  #decrypt(record: EntryRecord): Item {
    const { key } = this.#open();
    if (!record.payload) throw new VaultError('VAULT_DAMAGED', 'The vault file is damaged: an item has no content.');
    const bytes = this.#openBlob(key, record.payload, this.#entryAssociatedData(record), 'an item');
    return toItem(record, decodeItemPayload(bytes, record.payloadVersion));
  }

  #seal(row: Pick<EntryRecord, 'id' | 'createdAt' | 'updatedAt'>, payload: { content: ItemContent; trashedAt: number | null }): Uint8Array {
    const { key } = this.#open();
    return this.#cipher.seal(key, encodeItemPayload(payload), this.#entryAssociatedData({ ...row, payloadVersion: ITEM_PAYLOAD_VERSION }));
  }

  #openBlob(key: Uint8Array, blob: Uint8Array, aad: Uint8Array, what: string): Uint8Array {
    try {
      return this.#cipher.open(key, blob, aad);
    } catch (thrown) {
      if (thrown instanceof AuthenticationFailure) throw damagedBlob(what);
      throw thrown;
    }
  }

  /** See entryAssociatedData. */
  #entryAssociatedData(row: EntryBinding): Uint8Array {
    return entryAssociatedData(this.#entryPrefix, row);
  }

  #settingsAssociatedData(): Uint8Array {
    return associatedData('totp-vault/settings', this.#vaultId, SETTINGS_VERSION);
  }

  /** Parsed OTP parameters, cached by URI: parsing and base32 decoding dominate code generation otherwise. */
  #otpParameters(uri: string): OtpParameters {
    let parameters = this.#otpByUri.get(uri);
    if (!parameters) {
      parameters = parseOtpInput(uri);
      this.#otpByUri.set(uri, parameters);
    }
    return parameters;
  }
}

/**
 * Loads libsodium ahead of the first unlock (it compiles WebAssembly): hosts call this at start-up and the
 * CLI while it reads the password. Unlocking works without it, just a few milliseconds later.
 */
export async function preloadVaultCrypto(): Promise<void> {
  await VaultCipher.load();
}

async function sealCalibratedSlot(
  cipher: VaultCipher,
  vaultId: Uint8Array,
  vaultKey: Uint8Array,
  password: string,
  createdAt: number,
  options: VaultOptions,
): Promise<{ slot: Awaited<ReturnType<typeof sealPasswordSlot>>; kdf: KdfParameters }> {
  const memoryBytes = options.kdf?.memoryBytes ?? DEFAULT_KDF_MEMORY_BYTES;
  const seal = (passes: number) => {
    const kdf: KdfParameters = { algorithm: 'argon2id13', memoryBytes, passes };
    return sealPasswordSlot({ cipher, vaultId, vaultKey, password, kdf, createdAt, updatedAt: createdAt }).then((slot) => ({ slot, kdf }));
  };
  if (options.kdf?.passes !== undefined) return seal(options.kdf.passes);
  // Calibration: the creating derivation runs cold in a fresh worker, exactly as every later unlock will.
  // If the preferred passes blow the unlock budget on this machine, fall back, never below the minimum.
  const started = performance.now();
  const preferred = await seal(PREFERRED_KDF_PASSES);
  const elapsed = performance.now() - started;
  const budget = options.unlockBudgetMilliseconds ?? DEFAULT_UNLOCK_BUDGET_MILLISECONDS;
  return elapsed <= budget ? preferred : seal(MINIMUM_KDF_PASSES);
}

function readSettings(value: unknown): VaultSettings {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const offset = record['timeOffsetSeconds'] ?? DEFAULT_VAULT_SETTINGS.timeOffsetSeconds;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || Math.abs(offset) > VAULT_SETTINGS_LIMITS.maxTimeOffsetSeconds) {
    throw new VaultError('INVALID_PARAMETER', `The time offset must be a whole number of seconds within ±${VAULT_SETTINGS_LIMITS.maxTimeOffsetSeconds}.`);
  }
  return { timeOffsetSeconds: offset };
}

/** A source's time if it is a plausible one: after 1990, and not in the far future. */
function validTime(milliseconds: number | null): number | null {
  const plausible = milliseconds !== null && Number.isSafeInteger(milliseconds) && milliseconds > Date.UTC(1990, 0, 1) && milliseconds < Date.UTC(2200, 0, 1);
  return plausible ? milliseconds : null;
}

/** What makes two OTP fields the same account (see duplicatesOf). Secrets are in their normal form already. */
export function accountKey(parameters: OtpParameters): string {
  return JSON.stringify([parameters.secret, parameters.issuer.trim().toLocaleLowerCase(), parameters.account.trim().toLocaleLowerCase()]);
}

function compareItems(left: Item, right: Item): number {
  if (left.favorite !== right.favorite) return left.favorite ? -1 : 1;
  return collator.compare(left.title, right.title) || left.id.localeCompare(right.id);
}

function entryAssociatedDataPrefix(vaultId: Uint8Array): Uint8Array {
  return associatedData('totp-vault/entry', vaultId);
}

type EntryBinding = Pick<EntryRecord, 'id' | 'payloadVersion' | 'createdAt' | 'updatedAt'>;

/** What binds a payload beyond its vault (in the prefix): its row, its format and its clear timestamps. */
function entryAssociatedParts(row: EntryBinding): [string, number, number, number] {
  return [row.id, row.payloadVersion, row.createdAt, row.updatedAt];
}

function entryAssociatedData(prefix: Uint8Array, row: EntryBinding): Uint8Array {
  return extendAssociatedData(prefix, ...entryAssociatedParts(row));
}

function sealedEntries(prefix: Uint8Array, rows: readonly EntryRecord[]): SealedInput[] {
  const associated = extendAssociatedDataMany(prefix, rows.map(entryAssociatedParts));
  return rows.map((record, index) => ({ blob: record.payload ?? EMPTY, associatedData: associated[index]! }));
}

/** Completes a freshly decoded payload into an Item in place (no second copy of 10,000 objects). */
function toItem(record: EntryRecord, stored: StoredItem): Item {
  return Object.assign(stored, { id: record.id, createdAt: record.createdAt, updatedAt: record.updatedAt });
}

function damagedBlob(what: string): VaultError {
  return new VaultError('VAULT_DAMAGED', `The vault file is damaged or was tampered with: ${what} does not authenticate. Restore it from a backup.`);
}

function notFound(): VaultError {
  return new VaultError('ITEM_NOT_FOUND', 'That item no longer exists.');
}

function removeVaultFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}
