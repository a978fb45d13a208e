/**
 * The session behind both hosts: one unlocked Vault (or none), the idle auto-lock, preferences, and the
 * ApiHandlers of src/shared/api.ts. The Electron host and the loopback web host only carry requests to
 * `dispatch` and events from `on`; neither knows anything about vaults.
 */
import type { ApiEventName, ApiEvents, ApiHandlers, LockReason } from '../../shared/api.js';
import type { Result } from '../../shared/result.js';

export interface ApiServiceOptions {
  /** The vault file (it may not exist yet: first run). */
  readonly vaultPath: string;
  /** The preferences JSON file; default: `preferences.json` beside the vault. */
  readonly preferencesPath?: string;
  /** The OS locale (e.g. "nb-NO"), for the language when the preference is "system". */
  readonly systemLocale?: string;
  /** Injectable clock (Unix ms) and timers, for tests. */
  readonly now?: () => number;
  readonly setTimeout?: (callback: () => void, milliseconds: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
}

export interface ApiService {
  readonly handlers: ApiHandlers;
  /**
   * Validates the call name and the payload's shape (the caller is untrusted), runs the handler, and
   * answers with a Result: a VaultError becomes its code and message, anything else INTERNAL.
   */
  dispatch(name: unknown, payload: unknown): Promise<Result<unknown>>;
  on<K extends ApiEventName>(name: K, listener: (payload: ApiEvents[K]) => void): () => void;
  /** Locks from the host's side (OS lock, suspend, minimise, window closed); emits `locked`. */
  lock(reason: LockReason): void;
  /** Locks and stops every timer. */
  dispose(): void;
}

/** Placeholder until the session lands (being written now). */
export function createApiService(options: ApiServiceOptions): ApiService {
  throw new Error(`createApiService is not written yet (${options.vaultPath.length})`);
}
