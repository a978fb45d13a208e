import { API_CALL_NAMES, API_EVENT_NAMES, apiChannel, type ApiCallName, type ApiEventName } from '../../shared/api.js';

/**
 * Every IPC channel, derived from the lists in src/shared/api.ts, so main's handlers and the preload
 * bridge iterate the same table and no channel string is spelled here (STYLE.md §2).
 */
export const CALL_CHANNELS: readonly { readonly name: ApiCallName; readonly channel: string }[] = API_CALL_NAMES.map((name) => ({
  name,
  channel: apiChannel(name),
}));

export const EVENT_CHANNELS: readonly { readonly name: ApiEventName; readonly channel: string }[] = API_EVENT_NAMES.map((name) => ({
  name,
  channel: apiChannel(name),
}));

export const CLIPBOARD_CHANNELS = {
  writeText: apiChannel('clipboard.writeText'),
  clearIfUnchanged: apiChannel('clipboard.clearIfUnchanged'),
} as const;

export const CAPTURE_CHANNELS = {
  hideWindow: apiChannel('capture.hideWindow'),
  showWindow: apiChannel('capture.showWindow'),
} as const;
