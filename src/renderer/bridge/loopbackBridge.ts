/**
 * The HostBridge of a browser page served by `totp-vault ui` (src/main/web): every call is
 * `POST /api/<name>` and events arrive on one `GET /api/events` stream of JSON lines, both carrying the
 * launch token as `Authorization: Bearer …`. Runs in the page: DOM only, imports only the contract.
 */
import { API_CALL_NAMES, API_EVENT_NAMES, type ApiClient, type ApiEventName, type ApiEventSource, type ClipboardPort, type HostBridge } from '../../shared/api.js';
import { isErrorCode } from '../../shared/errors.js';
import { type Result, failure, ok } from '../../shared/result.js';

const API_PATH_PREFIX = '/api/';
const EVENTS_PATH = `${API_PATH_PREFIX}events`;
/** Where the token survives a reload of this tab (and only this tab: sessionStorage is per tab). */
const TOKEN_STORAGE_KEY = 'totp-vault:launch-token';

/** The server sends a heartbeat every 25 s; two missed ones mean the connection is dead. */
const EVENTS_SILENCE_MILLISECONDS = 60_000;
const RECONNECT_FIRST_MILLISECONDS = 500;
const RECONNECT_LONGEST_MILLISECONDS = 30_000;
/** No event line is anywhere near this; a stream that sends one is not our server. */
const LONGEST_EVENT_LINE = 1024 * 1024;

const SERVICE_STOPPED = failure({
  code: 'INTERNAL',
  message: "TOTP Vault's background service stopped. Start it again.",
});
const NOT_AUTHORISED = failure({
  code: 'INTERNAL',
  message: 'This page is not the one `totp-vault ui` opened (its access token is missing or from an earlier start). Open the address it printed.',
});

export function createLoopbackBridge(location: Location): HostBridge {
  const authorization = `Bearer ${takeToken(location)}`;
  return {
    api: createApi(location, authorization),
    events: createEventSource(location, authorization),
    clipboard: createClipboard(),
    // A browser asks the user to pick a screen for every getDisplayMedia, and a page cannot hide its window.
    capture: { screensInTurn: false, hideWindow: () => Promise.resolve(ok(null)), showWindow: () => Promise.resolve(ok(null)) },
    host: 'web',
  };
}

/**
 * The token from `#token=…`, which is then taken off the address bar (so it is not left on screen, in a
 * screenshot or in a bookmark) and kept in this tab's sessionStorage so a reload still works. Fragments
 * never reach a server or its logs. No token at all leaves '' and every call answers NOT_AUTHORISED.
 */
function takeToken(location: Location): string {
  const fromFragment = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromFragment) {
    try {
      sessionStorage.setItem(TOKEN_STORAGE_KEY, fromFragment);
    } catch {
      // Storage may be disabled; the page still works until it is reloaded.
    }
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return fromFragment;
  }
  try {
    return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/** One generic function for every call of the contract; nothing here knows any call by name. */
function createApi(location: Location, authorization: string): ApiClient {
  const call = async (name: string, request: unknown): Promise<Result<unknown>> => {
    let response: Response;
    try {
      response = await fetch(new URL(`${API_PATH_PREFIX}${name}`, location.href), {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: JSON.stringify(request ?? {}),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      return SERVICE_STOPPED;
    }
    if (response.status === 401) return NOT_AUTHORISED;
    if (response.status !== 200) return SERVICE_STOPPED;
    try {
      const body: unknown = await response.json();
      return isResult(body) ? body : SERVICE_STOPPED;
    } catch {
      return SERVICE_STOPPED;
    }
  };
  // The contract's types cannot follow a name through a loop; ApiClient is what this object is by construction.
  return Object.fromEntries(API_CALL_NAMES.map((name) => [name, (request: unknown) => call(name, request)])) as unknown as ApiClient;
}

/** The answer's shape is checked before the UI trusts it, as main checks every payload it receives. */
function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  if (candidate.ok !== false || typeof candidate.error !== 'object' || candidate.error === null) return false;
  const error = candidate.error as { code?: unknown; message?: unknown };
  return isErrorCode(error.code) && typeof error.message === 'string';
}

type AnyListener = (payload: unknown) => void;

/**
 * One shared stream for every subscription: it opens with the first listener, closes with the last, and
 * reconnects with growing pauses (0.5 s doubling to 30 s) when the connection drops or falls silent.
 * Events sent while it was down are lost, so after a reconnect listeners of `vaultChanged` hear it once:
 * lists reload, and a lock they missed shows up as VAULT_LOCKED on the next call.
 */
function createEventSource(location: Location, authorization: string): ApiEventSource {
  const listeners = new Map<ApiEventName, Set<AnyListener>>();
  let running: AbortController | null = null;

  const deliver = (name: ApiEventName, payload: unknown): void => {
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One broken listener must not silence the others or end the stream.
        reportError(error);
      }
    }
  };

  const run = async (stop: AbortSignal): Promise<void> => {
    let failures = 0;
    let connectedBefore = false;
    while (!stop.aborted) {
      let fresh = true;
      const received = await readStream(location, authorization, stop, (line) => {
        if (fresh) {
          fresh = false;
          failures = 0;
          if (connectedBefore) deliver('vaultChanged', {});
          connectedBefore = true;
        }
        handleLine(line, deliver);
      });
      if (stop.aborted) return;
      if (!received) failures += 1;
      await pause(Math.min(RECONNECT_FIRST_MILLISECONDS * 2 ** Math.min(failures, 16), RECONNECT_LONGEST_MILLISECONDS), stop);
    }
  };

  return {
    on(name, listener) {
      const forName = listeners.get(name) ?? new Set<AnyListener>();
      listeners.set(name, forName);
      const entry = listener as AnyListener;
      forName.add(entry);
      if (running === null) {
        running = new AbortController();
        void run(running.signal);
      }
      return () => {
        forName.delete(entry);
        if ([...listeners.values()].every((set) => set.size === 0) && running !== null) {
          running.abort();
          running = null;
        }
      };
    },
  };
}

/**
 * Reads one connection to its end, calling `onLine` for each line. Resolves true when at least one line
 * arrived (the connection worked), false when it failed before that; never rejects.
 */
async function readStream(location: Location, authorization: string, stop: AbortSignal, onLine: (line: string) => void): Promise<boolean> {
  const connection = new AbortController();
  const abort = (): void => connection.abort();
  stop.addEventListener('abort', abort, { once: true });
  let silence = setTimeout(abort, EVENTS_SILENCE_MILLISECONDS);
  let received = false;
  try {
    const response = await fetch(new URL(EVENTS_PATH, location.href), {
      headers: { Authorization: authorization },
      cache: 'no-store',
      credentials: 'omit',
      signal: connection.signal,
    });
    if (response.status !== 200 || response.body === null) return false;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return received;
      clearTimeout(silence);
      silence = setTimeout(abort, EVENTS_SILENCE_MILLISECONDS);
      buffered += value;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      if (buffered.length > LONGEST_EVENT_LINE) return received;
      for (const line of lines) {
        received = true;
        onLine(line);
      }
    }
  } catch {
    return received;
  } finally {
    clearTimeout(silence);
    stop.removeEventListener('abort', abort);
    connection.abort();
  }
}

/** `{}` is the heartbeat; anything not naming an event of the contract is ignored. */
function handleLine(line: string, deliver: (name: ApiEventName, payload: unknown) => void): void {
  if (line.trim() === '') return;
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    return;
  }
  if (typeof message !== 'object' || message === null) return;
  const { event, payload } = message as { event?: unknown; payload?: unknown };
  const name = API_EVENT_NAMES.find((candidate) => candidate === event);
  if (name !== undefined) deliver(name, payload);
}

function pause(milliseconds: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, milliseconds);
    stop.addEventListener('abort', done, { once: true });
  });
}

const CLIPBOARD_REFUSED = failure({ code: 'INTERNAL', message: 'The browser did not let TOTP Vault use the clipboard.' });

/**
 * The browser's clipboard. Clearing needs to read it first (never wipe what the user copied since), and
 * reading is allowed only once the user has granted `clipboard-read`; asking for that permission out of
 * the blue, seconds after the copy, would be a confusing prompt and fails anyway without focus. So when
 * reading is not already granted (or the browser has no such permission, as Firefox), the clipboard is
 * left alone and the answer is still ok: not clearing is the safe failure, clearing blind is not.
 */
function createClipboard(): ClipboardPort {
  return {
    async writeText(text) {
      try {
        await navigator.clipboard.writeText(text);
        return ok(null);
      } catch {
        return CLIPBOARD_REFUSED;
      }
    },
    async clearIfUnchanged(text) {
      if (!(await mayReadClipboard())) return ok(null);
      try {
        if ((await navigator.clipboard.readText()) !== text) return ok(null);
        await navigator.clipboard.writeText('');
        return ok(null);
      } catch {
        // Focus moved to another window or the permission was revoked: the same safe failure as above.
        return ok(null);
      }
    },
  };
}

async function mayReadClipboard(): Promise<boolean> {
  try {
    // 'clipboard-read' is Chromium's name; lib.dom's PermissionName does not list it.
    const status = await navigator.permissions.query({ name: 'clipboard-read' as PermissionName });
    return status.state === 'granted';
  } catch {
    return false;
  }
}
