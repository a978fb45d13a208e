import { describe, expect, it, vi } from 'vitest';
import { API_CALL_NAMES, apiChannel } from '../../../src/shared/api.js';
import { VaultError } from '../../../src/shared/errors.js';
import { ok, type Result } from '../../../src/shared/result.js';
import { createIpcRoutes, type SystemClipboard } from '../../../src/main/electron/createIpcRoutes.js';
import { CALL_CHANNELS, CAPTURE_CHANNELS, CLIPBOARD_CHANNELS, EVENT_CHANNELS } from '../../../src/main/electron/ipcChannels.js';

interface FakeEvent {
  readonly trusted: boolean;
}

const TRUSTED: FakeEvent = { trusted: true };
const FOREIGN: FakeEvent = { trusted: false };

function fakeClipboard(initial = ''): SystemClipboard & { text: string } {
  const clipboard = {
    text: initial,
    readText: async () => clipboard.text,
    writeText: async (text: string) => {
      clipboard.text = text;
    },
    clear: () => {
      clipboard.text = '';
    },
  };
  return clipboard;
}

function setUp(dispatch: (name: unknown, payload: unknown) => Promise<Result<unknown>> = async (name) => ok({ answered: name })) {
  const service = { dispatch: vi.fn(dispatch) };
  const clipboard = fakeClipboard();
  const captureWindow = { visible: true, hide: vi.fn(() => (captureWindow.visible = false)), show: vi.fn(() => (captureWindow.visible = true)) };
  const routes = createIpcRoutes<FakeEvent>({ service, clipboard, captureWindow, isTrusted: (event) => event.trusted });
  const route = (channel: string) => {
    const found = routes.get(channel);
    if (found === undefined) throw new Error(`no route for ${channel}`);
    return found;
  };
  return { service, clipboard, captureWindow, routes, route };
}

describe('IPC channels', () => {
  it('are derived from the API lists, one per call and event', () => {
    expect(CALL_CHANNELS.map(({ name }) => name)).toEqual([...API_CALL_NAMES]);
    for (const { name, channel } of [...CALL_CHANNELS, ...EVENT_CHANNELS]) {
      expect(channel).toBe(apiChannel(name));
    }
    expect(CLIPBOARD_CHANNELS).toEqual({
      writeText: apiChannel('clipboard.writeText'),
      clearIfUnchanged: apiChannel('clipboard.clearIfUnchanged'),
    });
    expect(CAPTURE_CHANNELS).toEqual({ hideWindow: apiChannel('capture.hideWindow'), showWindow: apiChannel('capture.showWindow') });
    const all = [...CALL_CHANNELS, ...EVENT_CHANNELS]
      .map(({ channel }) => channel)
      .concat(Object.values(CLIPBOARD_CHANNELS), Object.values(CAPTURE_CHANNELS));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('createIpcRoutes', () => {
  it('handles exactly every API call, the two clipboard calls and the two capture calls', () => {
    const { routes } = setUp();
    expect([...routes.keys()].sort()).toEqual(
      [
        ...API_CALL_NAMES.map((name) => apiChannel(name)),
        apiChannel('clipboard.writeText'),
        apiChannel('clipboard.clearIfUnchanged'),
        apiChannel('capture.hideWindow'),
        apiChannel('capture.showWindow'),
      ].sort(),
    );
  });

  it('hides the window for a screen scan and shows it again, for our window only and without a payload', async () => {
    const { captureWindow, route } = setUp();
    expect(await route(CAPTURE_CHANNELS.hideWindow)(FOREIGN, null)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(captureWindow.hide).not.toHaveBeenCalled();
    expect(await route(CAPTURE_CHANNELS.hideWindow)(TRUSTED, { delay: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(captureWindow.visible).toBe(true);
    expect(await route(CAPTURE_CHANNELS.hideWindow)(TRUSTED, null)).toEqual(ok(null));
    expect(captureWindow.visible).toBe(false);
    expect(await route(CAPTURE_CHANNELS.showWindow)(TRUSTED, undefined)).toEqual(ok(null));
    expect(captureWindow.visible).toBe(true);
  });

  it('passes a trusted call to the service under its own name, payload untouched', async () => {
    const { service, route } = setUp();
    for (const name of API_CALL_NAMES) {
      const payload = { probe: name };
      expect(await route(apiChannel(name))(TRUSTED, payload)).toEqual(ok({ answered: name }));
      expect(service.dispatch).toHaveBeenLastCalledWith(name, payload);
    }
  });

  it('answers a foreign sender with INVALID_INPUT and never reaches the service or the clipboard', async () => {
    const { service, clipboard, routes } = setUp();
    clipboard.text = 'keep';
    for (const [channel, route] of routes) {
      const result = await route(FOREIGN, channel.includes('clipboard') ? 'keep' : {});
      expect(result.ok, channel).toBe(false);
      expect(result.ok ? undefined : result.error.code).toBe('INVALID_INPUT');
    }
    expect(service.dispatch).not.toHaveBeenCalled();
    expect(clipboard.text).toBe('keep');
  });

  it('turns a throwing service into a Result, never a rejection', async () => {
    const { route } = setUp(async () => {
      throw new VaultError('VAULT_LOCKED', 'The vault is locked.');
    });
    expect(await route(apiChannel('codes'))(TRUSTED, {})).toEqual({ ok: false, error: { code: 'VAULT_LOCKED', message: 'The vault is locked.' } });
    const { route: crashing } = setUp(async () => {
      throw new Error('secret JBSWY3DPEHPK3PXP in a stack');
    });
    const result = await crashing(apiChannel('status'))(TRUSTED, {});
    expect(result.ok ? undefined : result.error.code).toBe('INTERNAL');
    expect(JSON.stringify(result)).not.toContain('JBSWY3DP');
  });

  it('writes text to the clipboard and clears it only while it still holds that text', async () => {
    const { clipboard, route } = setUp();
    expect(await route(CLIPBOARD_CHANNELS.writeText)(TRUSTED, '123456')).toEqual(ok(null));
    expect(clipboard.text).toBe('123456');

    clipboard.text = 'something the user copied since';
    expect(await route(CLIPBOARD_CHANNELS.clearIfUnchanged)(TRUSTED, '123456')).toEqual(ok(null));
    expect(clipboard.text).toBe('something the user copied since');

    clipboard.text = '123456';
    expect(await route(CLIPBOARD_CHANNELS.clearIfUnchanged)(TRUSTED, '123456')).toEqual(ok(null));
    expect(clipboard.text).toBe('');
  });

  it('refuses clipboard payloads that are not short text', async () => {
    const { clipboard, route } = setUp();
    for (const payload of [undefined, 42, { text: 'x' }, 'x'.repeat(1001)]) {
      for (const channel of Object.values(CLIPBOARD_CHANNELS)) {
        const result = await route(channel)(TRUSTED, payload);
        expect(result.ok ? undefined : result.error.code).toBe('INVALID_INPUT');
      }
    }
    expect(clipboard.text).toBe('');
  });
});
