import type { ApiClient, ApiEventName, EventListener, HostBridge } from '../../shared/api.js';
import { failure, type Result } from '../../shared/result.js';
import { CALL_CHANNELS, CAPTURE_CHANNELS, CLIPBOARD_CHANNELS, EVENT_CHANNELS } from './ipcChannels.js';

/** The two things the preload does with ipcRenderer; kept behind this seam so the bridge is testable. */
export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Delivers only the payload, never Electron's event object, and returns the unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

const UNANSWERED: Result<never> = failure({
  code: 'INTERNAL',
  message: 'TOTP Vault did not answer. Nothing was changed.',
});

/**
 * The `totpVault` object the preload exposes (HostBridge, src/shared/api.ts): named functions only, never
 * ipcRenderer (STYLE.md §3). The call list is derived from the API's own list, so a call added there is
 * bridged without touching this file.
 */
export function createHostBridge(transport: BridgeTransport): HostBridge {
  // A rejected invoke (no handler yet, a crashed main) still answers with a Result, as ApiClient promises.
  const call = (channel: string, payload: unknown): Promise<Result<never>> =>
    transport.invoke(channel, payload).then(
      (answer) => answer as Result<never>,
      () => UNANSWERED,
    );
  const api = Object.fromEntries(CALL_CHANNELS.map(({ name, channel }) => [name, (request: unknown) => call(channel, request)]));
  const eventChannels = new Map<string, string>(EVENT_CHANNELS.map(({ name, channel }) => [name, channel]));
  return {
    // Built from CALL_CHANNELS, which API_CALL_NAMES_COMPLETE keeps complete; TypeScript cannot see that through fromEntries.
    api: api as unknown as ApiClient,
    events: {
      on<K extends ApiEventName>(name: K, listener: EventListener<K>): () => void {
        const channel = eventChannels.get(name);
        if (channel === undefined || typeof listener !== 'function') {
          throw new TypeError('totpVault.events.on needs an API event name and a listener function.');
        }
        return transport.subscribe(channel, (payload) => listener(payload as Parameters<EventListener<K>>[0]));
      },
    },
    clipboard: {
      writeText: (text) => call(CLIPBOARD_CHANNELS.writeText, text),
      clearIfUnchanged: (text) => call(CLIPBOARD_CHANNELS.clearIfUnchanged, text),
    },
    capture: {
      // Main answers each getDisplayMedia with the next display (hardenSession.ts).
      screensInTurn: true,
      hideWindow: () => call(CAPTURE_CHANNELS.hideWindow, null),
      showWindow: () => call(CAPTURE_CHANNELS.showWindow, null),
    },
    host: 'electron',
  };
}
