import { describe, expect, it } from 'vitest';
import type { ApiEventName, ApiEvents } from '../../../src/shared/api.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../../../src/shared/preferences.js';
import { ok, type Result } from '../../../src/shared/result.js';
import { watchLockOnMinimise } from '../../../src/main/electron/watchLockOnMinimise.js';

function fakeService(read: () => Promise<Result<unknown>>) {
  const listeners = new Set<(payload: ApiEvents['preferencesChanged']) => void>();
  const service = {
    dispatch: async (name: unknown) => {
      expect(name).toBe('getSettings');
      return read();
    },
    on<K extends ApiEventName>(name: K, listener: (payload: ApiEvents[K]) => void) {
      expect(name).toBe('preferencesChanged');
      const typed = listener as (payload: ApiEvents['preferencesChanged']) => void;
      listeners.add(typed);
      return () => listeners.delete(typed);
    },
  };
  const change = (preferences: Partial<Preferences>) => {
    for (const listener of listeners) listener({ preferences: { ...DEFAULT_PREFERENCES, ...preferences } });
  };
  return { service, change, listeners };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const settings = (lockOnMinimise: boolean) => ok({ preferences: { ...DEFAULT_PREFERENCES, lockOnMinimise }, vault: null });

describe('watchLockOnMinimise', () => {
  it('starts from the default, then reads the stored preference', async () => {
    const { service } = fakeService(async () => settings(true));
    const watch = watchLockOnMinimise(service);
    expect(watch.current()).toBe(DEFAULT_PREFERENCES.lockOnMinimise);
    await settled();
    expect(watch.current()).toBe(true);
  });

  it('follows preferencesChanged, and stops on dispose', async () => {
    const { service, change, listeners } = fakeService(async () => settings(false));
    const watch = watchLockOnMinimise(service);
    await settled();
    change({ lockOnMinimise: true });
    expect(watch.current()).toBe(true);
    watch.dispose();
    expect(listeners.size).toBe(0);
  });

  it('lets a change heard before the first read answers win over that read', async () => {
    let answer: (result: Result<unknown>) => void = () => undefined;
    const { service, change } = fakeService(() => new Promise((resolve) => (answer = resolve)));
    const watch = watchLockOnMinimise(service);
    change({ lockOnMinimise: true });
    answer(settings(false));
    await settled();
    expect(watch.current()).toBe(true);
  });

  it('keeps the default when the read fails or answers nonsense', async () => {
    for (const read of [
      async () => ({ ok: false as const, error: { code: 'INTERNAL' as const, message: 'x' } }),
      async () => ok({ preferences: { lockOnMinimise: 'yes' } }),
      async () => ok(null),
      () => Promise.reject(new Error('gone')),
    ]) {
      const watch = watchLockOnMinimise(fakeService(read).service);
      await settled();
      expect(watch.current()).toBe(DEFAULT_PREFERENCES.lockOnMinimise);
    }
  });
});
