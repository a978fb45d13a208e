import { describe, expect, it, vi } from 'vitest';
import { API_CALL_NAMES, apiChannel, type ApiEventName } from '../../../src/shared/api.js';
import { ok } from '../../../src/shared/result.js';
import { createHostBridge, type BridgeTransport } from '../../../src/main/electron/createHostBridge.js';

function fakeTransport(answer: (channel: string, payload: unknown) => Promise<unknown> = async (channel) => ok(channel)) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport = {
    invoke: vi.fn(answer),
    subscribe: vi.fn((channel: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    }),
  };
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
  return { transport, emit, listeners };
}

describe('createHostBridge', () => {
  it('has exactly the HostBridge keys, for the electron host', () => {
    const bridge = createHostBridge(fakeTransport().transport);
    expect(Object.keys(bridge).sort()).toEqual(['api', 'capture', 'clipboard', 'events', 'host']);
    expect(Object.keys(bridge.capture).sort()).toEqual(['hideWindow', 'screensInTurn', 'showWindow']);
    expect(bridge.host).toBe('electron');
    expect(Object.keys(bridge.clipboard).sort()).toEqual(['clearIfUnchanged', 'writeText']);
    expect(Object.keys(bridge.events)).toEqual(['on']);
  });

  it('bridges every API call, and nothing else, to its own channel', async () => {
    const { transport } = fakeTransport();
    const bridge = createHostBridge(transport);
    expect(Object.keys(bridge.api).sort()).toEqual([...API_CALL_NAMES].sort());
    for (const name of API_CALL_NAMES) {
      const request = { probe: name };
      const call = bridge.api[name] as (request: unknown) => Promise<unknown>;
      expect(await call(request)).toEqual(ok(apiChannel(name)));
      expect(transport.invoke).toHaveBeenLastCalledWith(apiChannel(name), request);
    }
  });

  it('answers a failed invoke with a Result instead of a rejection', async () => {
    const bridge = createHostBridge(fakeTransport(() => Promise.reject(new Error("No handler registered for 'totp-vault:status'"))).transport);
    const result = await bridge.api.status({});
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error.code).toBe('INTERNAL');
  });

  it('delivers event payloads only, and unsubscribes', () => {
    const { transport, emit, listeners } = fakeTransport();
    const bridge = createHostBridge(transport);
    const heard: unknown[] = [];
    const off = bridge.events.on('locked', (payload) => heard.push(payload));
    expect(transport.subscribe).toHaveBeenCalledWith(apiChannel('locked'), expect.any(Function));
    emit(apiChannel('locked'), { reason: 'idle' });
    expect(heard).toEqual([{ reason: 'idle' }]);
    off();
    emit(apiChannel('locked'), { reason: 'user' });
    expect(heard).toHaveLength(1);
    expect(listeners.get(apiChannel('locked'))?.size).toBe(0);
  });

  it('refuses to subscribe to anything but an API event', () => {
    const bridge = createHostBridge(fakeTransport().transport);
    for (const name of ['status', 'clipboard.writeText', 'totp-vault:locked', '__proto__', 'constructor']) {
      expect(() => bridge.events.on(name as ApiEventName, () => undefined), name).toThrow(TypeError);
    }
    expect(() => bridge.events.on('locked', 'not a function' as unknown as () => void)).toThrow(TypeError);
  });

  it('asks main to hide and show the window around a screen scan, which walks through every display', async () => {
    const { transport } = fakeTransport();
    const bridge = createHostBridge(transport);
    expect(bridge.capture.screensInTurn).toBe(true);
    await bridge.capture.hideWindow();
    expect(transport.invoke).toHaveBeenLastCalledWith(apiChannel('capture.hideWindow'), null);
    await bridge.capture.showWindow();
    expect(transport.invoke).toHaveBeenLastCalledWith(apiChannel('capture.showWindow'), null);
  });

  it('sends clipboard text to the clipboard channels', async () => {
    const { transport } = fakeTransport();
    const bridge = createHostBridge(transport);
    await bridge.clipboard.writeText('123456');
    expect(transport.invoke).toHaveBeenLastCalledWith(apiChannel('clipboard.writeText'), '123456');
    await bridge.clipboard.clearIfUnchanged('123456');
    expect(transport.invoke).toHaveBeenLastCalledWith(apiChannel('clipboard.clearIfUnchanged'), '123456');
  });
});
