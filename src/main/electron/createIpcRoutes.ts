import type { ApiService } from '../vault/apiService.js';
import { failure, ok, toErrorInfo, type Result } from '../../shared/result.js';
import { CALL_CHANNELS, CAPTURE_CHANNELS, CLIPBOARD_CHANNELS } from './ipcChannels.js';
import { parseClipboardText } from './parseClipboardText.js';

/** The system clipboard as main uses it; electron's `clipboard` module fits (asynchronous since Electron 45). */
export interface SystemClipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
  clear(): void;
}

/** What a screen scan asks of the window: out of the way while screens are grabbed, back afterwards. */
export interface CaptureWindow {
  hide(): void;
  show(): void;
}

export interface IpcRouteOptions<Event> {
  readonly service: Pick<ApiService, 'dispatch'>;
  readonly clipboard: SystemClipboard;
  readonly captureWindow: CaptureWindow;
  /** Whether the event's sender is our window's main frame on our origin (senderPolicy.ts). */
  readonly isTrusted: (event: Event) => boolean;
}

/** Answers one `invoke`; never throws, because Electron would pass the renderer only the error's message. */
export type IpcRoute<Event> = (event: Event, payload: unknown) => Promise<Result<unknown>>;

const FOREIGN_SENDER: Result<never> = failure({
  code: 'INVALID_INPUT',
  message: 'This request did not come from the TOTP Vault window, so it was ignored.',
});

/**
 * Every invoke handler main registers, keyed by channel: one per API call (from the API's list), the two
 * clipboard calls and the two capture calls. Electron-free so tests can check the table and drive the handlers; ipcBinding.ts
 * hands each to `ipcMain.handle`. The sender is checked before anything else; the payload's shape is
 * the service's to check (its `dispatch` validates every request) or parseClipboardText's.
 */
export function createIpcRoutes<Event>(options: IpcRouteOptions<Event>): ReadonlyMap<string, IpcRoute<Event>> {
  const { service, clipboard, captureWindow, isTrusted } = options;
  const guarded =
    (work: (payload: unknown) => Promise<Result<unknown>>): IpcRoute<Event> =>
    async (event, payload) => {
      if (!isTrusted(event)) {
        return FOREIGN_SENDER;
      }
      try {
        return await work(payload);
      } catch (thrown) {
        return failure(toErrorInfo(thrown));
      }
    };
  const routes = new Map<string, IpcRoute<Event>>();
  for (const { name, channel } of CALL_CHANNELS) {
    routes.set(
      channel,
      guarded((payload) => service.dispatch(name, payload)),
    );
  }
  routes.set(
    CLIPBOARD_CHANNELS.writeText,
    guarded((payload) => withClipboardText(payload, (text) => clipboard.writeText(text))),
  );
  routes.set(
    CLIPBOARD_CHANNELS.clearIfUnchanged,
    guarded((payload) =>
      withClipboardText(payload, async (text) => {
        // Only our own copy is wiped: whatever the user copied since stays.
        if ((await clipboard.readText()) === text) {
          clipboard.clear();
        }
      }),
    ),
  );
  routes.set(
    CAPTURE_CHANNELS.hideWindow,
    guarded((payload) => withoutPayload(payload, () => captureWindow.hide())),
  );
  routes.set(
    CAPTURE_CHANNELS.showWindow,
    guarded((payload) => withoutPayload(payload, () => captureWindow.show())),
  );
  return routes;
}

/** The window calls take nothing: anything sent along is a malformed request, not something to ignore. */
function withoutPayload(payload: unknown, act: () => void): Promise<Result<null>> {
  if (payload !== null && payload !== undefined) {
    return Promise.resolve(failure({ code: 'INVALID_INPUT', message: 'The request is not valid: this call takes no payload.' }));
  }
  act();
  return Promise.resolve(ok(null));
}

async function withClipboardText(payload: unknown, use: (text: string) => Promise<void>): Promise<Result<null>> {
  const text = parseClipboardText(payload);
  if (!text.ok) {
    return text;
  }
  await use(text.value);
  return ok(null);
}
