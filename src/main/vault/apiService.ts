/**
 * The session behind both hosts: one unlocked Vault (or none), the idle auto-lock, preferences, and the
 * ApiHandlers of src/shared/api.ts. The Electron host and the loopback web host only carry requests to
 * `dispatch` and events from `on`; neither knows anything about vaults.
 */
import { type ApiCallName, type ApiEventName, type ApiEvents, type ApiHandlers, type LockReason, isApiCallName } from '../../shared/api.js';
import { type Result, failure, settle } from '../../shared/result.js';
import { ApiEventEmitter } from './apiEventEmitter.js';
import { createApiHandlers } from './apiHandlers.js';
import { readApiRequest } from './apiRequestValidation.js';
import { SYSTEM_TIMERS } from './idleTimer.js';
import { PreferencesStore, preferencesPathFor } from './preferencesStore.js';
import { VaultSession } from './vaultSession.js';

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

/**
 * Calls that do not count as activity: the code list polls them every second while the window is open,
 * and polling must not keep an unattended vault unlocked.
 */
const POLLING_CALLS: ReadonlySet<ApiCallName> = new Set(['status', 'codes']);

export function createApiService(options: ApiServiceOptions): ApiService {
  const now = options.now ?? Date.now;
  const events = new ApiEventEmitter();
  const preferences = new PreferencesStore(options.preferencesPath ?? preferencesPathFor(options.vaultPath));
  const session = new VaultSession({
    vaultPath: options.vaultPath,
    events,
    timers: {
      setTimeout: options.setTimeout ?? SYSTEM_TIMERS.setTimeout,
      clearTimeout: options.clearTimeout ?? SYSTEM_TIMERS.clearTimeout,
    },
    autoLockMinutes: () => preferences.current.autoLockMinutes,
  });
  const handlers = createApiHandlers({ session, preferences, events, now });

  return {
    handlers,

    async dispatch(name, payload) {
      // The name is not echoed: it came from the caller and may be anything, of any length.
      if (!isApiCallName(name)) return failure({ code: 'INVALID_INPUT', message: 'The request names no known call.' });
      return settle(async () => {
        const request = readApiRequest(name, payload);
        if (!POLLING_CALLS.has(name)) session.noteActivity();
        try {
          return await (handlers[name] as (request: unknown) => unknown)(request);
        } finally {
          session.noticeExternalChanges();
        }
      });
    },

    on: (name, listener) => events.on(name, listener),

    lock: (reason) => session.close(reason),

    dispose() {
      session.dispose();
      events.clear();
    },
  };
}
