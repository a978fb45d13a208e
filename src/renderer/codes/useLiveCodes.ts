import { useCallback, useEffect, useRef } from 'react';
import type { FieldKey } from '../../shared/api.js';
import type { ErrorCode } from '../../shared/errors.js';
import { useAppServices } from '../app/AppServices.js';
import { startSecondTicks } from '../app/useSecondTicks.js';
import { fieldKeyString } from './listRows.js';
import type { LiveCodeStore } from './liveCodeStore.js';

/**
 * Keeps `store` filled with live codes for the fields on screen: all of them just after every whole
 * second, and newly shown ones at once (after scrolling or filtering), so a row never waits a second for
 * its code. Main computes the codes; only the rows in view are ever asked for, never the whole vault.
 * Returns the function the list calls with the fields it shows.
 */
export function useLiveCodes(store: LiveCodeStore): (fields: readonly FieldKey[]) => void {
  const { bridge, reportError } = useAppServices();
  const shown = useRef(new Map<string, FieldKey>());
  const pendingNew = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastFailure = useRef<ErrorCode | null>(null);
  const stopped = useRef(false);

  const fetchCodes = useCallback(
    async (fields: readonly FieldKey[], retainAfter: boolean) => {
      if (fields.length === 0) {
        if (retainAfter) store.retain(new Set());
        return;
      }
      const result = await bridge.api.codes({ fields, at: Date.now() });
      if (stopped.current) return;
      if (!result.ok) {
        // Once per kind of failure, not once a second.
        if (lastFailure.current !== result.error.code) reportError(result.error);
        lastFailure.current = result.error.code;
        return;
      }
      lastFailure.current = null;
      store.update(result.value);
      if (retainAfter) store.retain(new Set(shown.current.keys()));
    },
    [bridge, reportError, store],
  );

  useEffect(() => {
    stopped.current = false;
    const stopTicks = startSecondTicks(() => void fetchCodes([...shown.current.values()], true));
    return () => {
      stopped.current = true;
      stopTicks();
      clearTimeout(pendingNew.current);
      store.clear();
    };
  }, [fetchCodes, store]);

  return useCallback(
    (fields: readonly FieldKey[]) => {
      const next = new Map(fields.map((field) => [fieldKeyString(field.itemId, field.fieldId), field]));
      const added = [...next.entries()].filter(([key]) => !shown.current.has(key) && store.get(key) === undefined).map(([, field]) => field);
      const firstShown = shown.current.size === 0;
      shown.current = next;
      if (added.length === 0) return;
      clearTimeout(pendingNew.current);
      // The first rows after unlock (or after a search that matched nothing) have no burst to wait for.
      if (firstShown) return void fetchCodes(added, false);
      // Coalesces the burst of range changes a fast scroll makes into one request.
      pendingNew.current = setTimeout(() => {
        const stillShown = added.filter((field) => shown.current.has(fieldKeyString(field.itemId, field.fieldId)));
        void fetchCodes(stillShown, false);
      }, 30);
    },
    [fetchCodes, store],
  );
}
