import { describe, expect, it, vi } from 'vitest';
import type { LiveCode } from '../../../src/shared/api.js';
import { LiveCodeStore } from '../../../src/renderer/codes/liveCodeStore.js';

function live(fieldId: string, code: string, remaining: number): LiveCode {
  return { itemId: 'item', fieldId, current: { code, remaining, period: 30 }, next: null };
}

describe('LiveCodeStore', () => {
  it('notifies only the rows whose code or countdown changed', () => {
    const store = new LiveCodeStore();
    const first = vi.fn();
    const second = vi.fn();
    store.subscribe('item/a', first);
    store.subscribe('item/b', second);
    store.update([live('a', '111111', 10), live('b', '222222', 10)]);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    const kept = store.get('item/b');
    store.update([live('a', '111111', 9), live('b', '222222', 10)]);
    expect(first).toHaveBeenCalledTimes(2);
    expect(second).toHaveBeenCalledTimes(1);
    expect(store.get('item/b')).toBe(kept);
  });

  it('forgets codes no longer on screen, and everything on clear', () => {
    const store = new LiveCodeStore();
    const listener = vi.fn();
    store.subscribe('item/a', listener);
    store.update([live('a', '111111', 10), live('b', '222222', 10)]);
    store.retain(new Set(['item/b']));
    expect(store.get('item/a')).toBeUndefined();
    expect(store.get('item/b')).toBeDefined();
    expect(listener).toHaveBeenCalledTimes(2);
    store.clear();
    expect(store.get('item/b')).toBeUndefined();
  });

  it('stops notifying after unsubscribe', () => {
    const store = new LiveCodeStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe('item/a', listener);
    unsubscribe();
    store.update([live('a', '111111', 10)]);
    expect(listener).not.toHaveBeenCalled();
  });
});
