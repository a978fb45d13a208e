/**
 * The one contract between the UI and the privileged side (STYLE.md §2). Every call and event is written
 * here once; the Electron IPC handlers, the preload bridge, the loopback HTTP routes and their client are
 * all derived from `ApiCalls` and `ApiEvents`, so a call added here and not handled fails to compile.
 *
 * Every request is one plain object (possibly empty) and every answer a Result: Electron forwards only
 * `message` from a thrown error, and the UI needs the code to translate it.
 *
 * Secrets boundary: nothing here carries the master password back, the vault key ever, or an OTP secret
 * except `revealItem` (the one item the user opened to reveal or edit) and `previewOtp` (the text the user
 * is typing into the editor right now). An export file goes to main in `previewImport`; what main read
 * from it stays there until `applyImport`, and only counts and names come back.
 */
import type { ErrorCode, ErrorInfo } from './errors.js';
import type { CodeEntry, Item, ItemContent, ItemSummary, ItemTemplate } from './item.js';
import type { OtpCode, OtpSummary } from './otp.js';
import type { Preferences } from './preferences.js';
import type { Result } from './result.js';
import type { VaultSettings } from './settings.js';

/** Where the vault file stands, before and after unlock. */
export interface VaultStatus {
  /** False on first run: the UI offers to create a vault. */
  readonly exists: boolean;
  readonly unlocked: boolean;
  /** The vault file's full path, shown in settings. */
  readonly path: string;
}

/** Identifies one OTP field of one item. */
export interface FieldKey {
  readonly itemId: string;
  readonly fieldId: string;
}

/** A code row's live values; `next` is present during the last seconds of a period. */
export interface LiveCode extends FieldKey {
  readonly current: OtpCode;
  readonly next: OtpCode | null;
}

/** What the editor shows about the text in a secret field before saving. */
export interface OtpPreview {
  /** The secret as it will be stored: whitespace, dashes, padding and quotes gone, upper case. */
  readonly secret: string;
  /** The canonical otpauth URI to put into the item's OTP field. */
  readonly uri: string;
  readonly summary: OtpSummary;
  /** Null for hotp: generating a counter code is left to the saved item. */
  readonly current: OtpCode | null;
}

/** An item as its view shows it: OTP fields by summary only, never their secret. */
export type ItemView = Omit<Item, 'otp'> & {
  readonly otp: readonly { readonly id: string; readonly label: string; readonly summary: OtpSummary }[];
};

/** What the settings screen edits: preferences (kept beside the vault) and vault settings (inside it). */
export interface SettingsView {
  readonly preferences: Preferences;
  /** Null while locked: vault settings are encrypted. */
  readonly vault: VaultSettings | null;
}

/** QR texts read from one place: a screen, an image file, the clipboard, a pasted text. */
export interface ScannedTexts {
  /** What the user knows the place as ("Screen 1", a file name); shown beside what was found there. */
  readonly source: string;
  readonly texts: readonly string[];
}

/** One account found in QR codes, as the review list shows it: never its secret. */
export interface ScanCandidate {
  /** Names the account in `saveScanned`; valid until the vault locks or a new scan starts. */
  readonly id: string;
  readonly source: string;
  readonly summary: OtpSummary;
  /** The live code, so the user sees the account works before saving; null for hotp. */
  readonly current: OtpCode | null;
  /** An OTP field already holding this account (same secret, issuer and account), or null. */
  readonly duplicateOf: FieldKey | null;
  /** What a new item for it would be: the Microsoft 365 / Entra template when the issuer is Microsoft. */
  readonly template: ItemTemplate;
  readonly title: string;
}

/** Everything found since the scan started, and what was found that is no account. */
export interface ScanReport {
  readonly candidates: readonly ScanCandidate[];
  /** Google Authenticator exports split over several codes: which parts (1-based) are still missing. */
  readonly migrations: readonly { readonly size: number; readonly scanned: readonly number[]; readonly missing: readonly number[] }[];
  /** Places that held no usable code, with why (MICROSOFT_PUSH_QR, QR_NOT_TOTP, QR_NOT_FOUND, …). */
  readonly unusable: readonly { readonly source: string; readonly error: ErrorInfo }[];
  /** Accounts inside an export that cannot be used, with why. */
  readonly skipped: readonly { readonly source: string; readonly name: string; readonly reason: string }[];
}

/** Where a scanned account goes: a new item, or a new OTP field on an existing item. */
export interface ScanChoice {
  readonly candidateId: string;
  readonly itemId: string | null;
}

/** The largest export file `previewImport` takes, decoded: far above any real export, and a bound on what one window can make main hold. */
export const IMPORT_FILE_MAX_BYTES = 32 * 1024 * 1024;

/** An export file as the window read it; `format` null lets main tell it from the content. */
export interface ImportFile {
  /** Only for messages; never trusted for the format. */
  readonly fileName: string;
  /** The file's bytes in base64 (RFC 4648, with padding), at most IMPORT_FILE_MAX_BYTES of them. */
  readonly data: string;
  /** An import format's name (`enpass-json`, `aegis`, …) to read it as, or null to detect it. */
  readonly format: string | null;
  /** The export's own password, for an encrypted export; null until the user has given one. */
  readonly password: string | null;
}

/** Something of the export that is not taken over as it was, as the importer names it (in English). */
export interface ImportProblemView {
  /** The item's title in the export, or '' for the file as a whole. */
  readonly item: string;
  /** What was affected: "TOTP", a field's label, "item". */
  readonly what: string;
  readonly reason: string;
  /** skipped: not imported at all; invalid: the item is imported without it. */
  readonly kind: 'skipped' | 'invalid';
}

/**
 * What `previewImport` answers: either the file is encrypted and needs its password first (a normal step,
 * not a failure), or what it holds. Never a secret: main keeps the items until `applyImport`.
 */
export type ImportPreviewView =
  | {
      readonly kind: 'needsPassword';
      readonly format: string;
      /** The format as users know it: "Aegis", "Enpass (JSON)". */
      readonly label: string;
    }
  | {
      readonly kind: 'preview';
      /** Names this reading in `applyImport`; valid until it is applied, the vault locks or another file is previewed. */
      readonly importId: string;
      readonly format: string;
      readonly label: string;
      /** Items in the file, trashed ones included. */
      readonly items: number;
      /** Items trashed (or archived) in the export: they go to the trash. */
      readonly trashed: number;
      /** One-time-code fields across all items. */
      readonly codes: number;
      /** Items every one of whose codes the vault (or an earlier item of the file) already holds. */
      readonly duplicates: readonly { readonly title: string; readonly accounts: readonly string[] }[];
      readonly problems: readonly ImportProblemView[];
    };

/** What an applied import did. */
export interface ImportOutcomeView {
  readonly added: number;
  readonly skippedDuplicates: number;
}

/** Every call: its request and the value of a successful answer. */
export interface ApiCalls {
  status: { request: Record<string, never>; response: VaultStatus };
  createVault: { request: { password: string }; response: VaultStatus };
  unlock: { request: { password: string }; response: VaultStatus };
  lock: { request: Record<string, never>; response: VaultStatus };
  changePassword: { request: { currentPassword: string; newPassword: string }; response: null };
  /** Every OTP field of every live item, favourites first, without codes (they come from `codes`). */
  listEntries: { request: Record<string, never>; response: readonly CodeEntry[] };
  /** Live codes for the rows on screen; `at` is the renderer's clock, corrected in main by the vault's offset. */
  codes: { request: { fields: readonly FieldKey[]; at: number }; response: readonly LiveCode[] };
  /** Shows an HOTP code and advances its stored counter. */
  nextHotpCode: { request: FieldKey; response: OtpCode };
  listItems: { request: { trashed: boolean }; response: readonly ItemSummary[] };
  getItem: { request: { id: string }; response: ItemView };
  /** The whole item with its OTP URIs, for the reveal and edit views only. */
  revealItem: { request: { id: string }; response: Item };
  /** Checks and normalises the text of a secret field (a bare secret or an otpauth URI). */
  previewOtp: { request: { text: string; issuer: string; account: string }; response: OtpPreview };
  /** Creates an item (no id) or replaces one's content. */
  saveItem: { request: { id: string | null; content: ItemContent }; response: ItemView };
  trashItem: { request: { id: string }; response: ItemView };
  restoreItem: { request: { id: string }; response: ItemView };
  deleteItem: { request: { id: string }; response: null };
  getSettings: { request: Record<string, never>; response: SettingsView };
  savePreferences: { request: { preferences: Partial<Preferences> }; response: SettingsView };
  saveVaultSettings: { request: { settings: Partial<VaultSettings> }; response: SettingsView };
  /**
   * Explains QR texts the window decoded (from screens, image files, the clipboard) and keeps the accounts
   * they hold in main, answering with what the review list may show. `restart` forgets earlier scans;
   * without it the texts add to them (the parts of a Google Authenticator export, scanned one by one).
   */
  scanTexts: { request: { sources: readonly ScannedTexts[]; restart: boolean }; response: ScanReport };
  /** Saves the accounts the user picked, in one transaction, and ends the scan. */
  saveScanned: { request: { choices: readonly ScanChoice[] }; response: readonly ItemView[] };
  /**
   * Reads another app's export file and keeps what it holds in main, answering with what an import would
   * add; or, for an encrypted export sent without its password, that it needs one. A wrong password is
   * WRONG_PASSWORD, a file of no known format UNSUPPORTED_FORMAT (its message names the formats read).
   * Forgets any earlier preview.
   */
  previewImport: { request: ImportFile; response: ImportPreviewView };
  /** Saves the previewed import in one transaction, skipping duplicates unless asked to keep them, and forgets it. */
  applyImport: { request: { importId: string; keepDuplicates: boolean }; response: ImportOutcomeView };
  /** Forgets a previewed import without saving it (the window closed its dialog). */
  discardImport: { request: { importId: string }; response: null };
  /** The user did something: restarts the idle auto-lock timer. Sent at most every few seconds. */
  reportActivity: { request: Record<string, never>; response: null };
}

export type ApiCallName = keyof ApiCalls;
export type ApiRequest<K extends ApiCallName> = ApiCalls[K]['request'];
export type ApiResponse<K extends ApiCallName> = ApiCalls[K]['response'];

/** Every call name, in one list the hosts iterate; `satisfies` plus the check below keep it complete. */
export const API_CALL_NAMES = [
  'status',
  'createVault',
  'unlock',
  'lock',
  'changePassword',
  'listEntries',
  'codes',
  'nextHotpCode',
  'listItems',
  'getItem',
  'revealItem',
  'previewOtp',
  'saveItem',
  'trashItem',
  'restoreItem',
  'deleteItem',
  'getSettings',
  'savePreferences',
  'saveVaultSettings',
  'scanTexts',
  'saveScanned',
  'previewImport',
  'applyImport',
  'discardImport',
  'reportActivity',
] as const satisfies readonly ApiCallName[];

type MissingCalls = Exclude<ApiCallName, (typeof API_CALL_NAMES)[number]>;
/** Fails to compile, naming the call, when a call is declared above but not listed. */
export const API_CALL_NAMES_COMPLETE: MissingCalls extends never ? true : MissingCalls = true;

export function isApiCallName(value: unknown): value is ApiCallName {
  return typeof value === 'string' && (API_CALL_NAMES as readonly string[]).includes(value);
}

/** Why the vault locked, so the UI can say it. */
export const LOCK_REASONS = ['user', 'idle', 'system', 'minimised', 'closed'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];

/** Events the privileged side sends. */
export interface ApiEvents {
  locked: { reason: LockReason };
  /** Items changed (here or in another process, such as the CLI): lists should reload. */
  vaultChanged: Record<string, never>;
  preferencesChanged: { preferences: Preferences };
}

export type ApiEventName = keyof ApiEvents;

export const API_EVENT_NAMES = ['locked', 'vaultChanged', 'preferencesChanged'] as const satisfies readonly ApiEventName[];

type MissingEvents = Exclude<ApiEventName, (typeof API_EVENT_NAMES)[number]>;
export const API_EVENT_NAMES_COMPLETE: MissingEvents extends never ? true : MissingEvents = true;

/** The privileged side's implementation: throw VaultError for failures; the hosts turn them into Results. */
export type ApiHandlers = {
  readonly [K in ApiCallName]: (request: ApiRequest<K>) => ApiResponse<K> | Promise<ApiResponse<K>>;
};

/** The UI's view of the same calls: every answer is a Result, never a rejection. */
export type ApiClient = {
  readonly [K in ApiCallName]: (request: ApiRequest<K>) => Promise<Result<ApiResponse<K>>>;
};

export type EventListener<K extends ApiEventName> = (payload: ApiEvents[K]) => void;

/** Subscribing returns the function that unsubscribes (STYLE.md §3). */
export interface ApiEventSource {
  on<K extends ApiEventName>(name: K, listener: EventListener<K>): () => void;
}

/**
 * What the host lends the renderer besides the vault: the system clipboard. Electron writes it from main
 * (a sandboxed preload has no clipboard); the browser uses navigator.clipboard.
 */
export interface ClipboardPort {
  writeText(text: string): Promise<Result<null>>;
  /** Clears the clipboard only if it still holds `text`: never wipe what the user copied since. */
  clearIfUnchanged(text: string): Promise<Result<null>>;
}

/**
 * What the host lends a screen scan. Electron answers each getDisplayMedia with the next display in turn
 * (no picker) and can hide the window so it covers no code; a browser asks the user to pick one screen
 * each time and cannot hide its own window.
 */
export interface CapturePort {
  /** True when consecutive getDisplayMedia calls walk through every display (Electron). */
  readonly screensInTurn: boolean;
  /** Hides the window before screens are grabbed; a no-op where the host cannot. */
  hideWindow(): Promise<Result<null>>;
  /** Shows and focuses it again afterwards. */
  showWindow(): Promise<Result<null>>;
}

/** The one object the renderer talks to, whichever host serves it. */
export interface HostBridge {
  readonly api: ApiClient;
  readonly events: ApiEventSource;
  readonly clipboard: ClipboardPort;
  readonly capture: CapturePort;
  /** 'electron' or 'web': a few affordances differ (window controls, file dialogs). */
  readonly host: 'electron' | 'web';
}

/** The name of the IPC channel or HTTP route for a call or event: spelled here, nowhere else. */
export function apiChannel(
  name: ApiCallName | ApiEventName | 'clipboard.writeText' | 'clipboard.clearIfUnchanged' | 'capture.hideWindow' | 'capture.showWindow',
): string {
  return `totp-vault:${name}`;
}

/** The error codes the UI must be able to name; used by the translation table's completeness check. */
export type { ErrorCode };
