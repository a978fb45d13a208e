import { useCallback, useSyncExternalStore } from 'react';
import type { LiveCode } from '../../shared/api.js';
import type { LiveCodeStore } from './liveCodeStore.js';

/** One field's live code; the calling component re-renders only when that code or its countdown changes. */
export function useLiveCode(store: LiveCodeStore, key: string): LiveCode | undefined {
  const subscribe = useCallback((listener: () => void) => store.subscribe(key, listener), [store, key]);
  const snapshot = useCallback(() => store.get(key), [store, key]);
  return useSyncExternalStore(subscribe, snapshot);
}
