import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodeEntry, ItemSummary } from '../../shared/item.js';
import { useAppServices } from '../app/AppServices.js';

export interface VaultLists {
  readonly entries: readonly CodeEntry[];
  readonly summaries: readonly ItemSummary[];
  readonly loaded: boolean;
  readonly reload: () => void;
}

/**
 * The code entries and item summaries of the open vault, reloaded whenever main says the vault changed
 * (this window's saves, or the CLI in another process). An answer that arrives after a newer request
 * went out is dropped, so a slow reload never overwrites a fresher one.
 */
export function useVaultLists(): VaultLists {
  const { bridge, reportError } = useAppServices();
  const [lists, setLists] = useState<{ entries: readonly CodeEntry[]; summaries: readonly ItemSummary[] } | null>(null);
  const latestRequest = useRef(0);

  const reload = useCallback(() => {
    const request = ++latestRequest.current;
    void Promise.all([bridge.api.listEntries({}), bridge.api.listItems({ trashed: false })]).then(([entries, summaries]) => {
      if (request !== latestRequest.current) return;
      if (!entries.ok) return reportError(entries.error);
      if (!summaries.ok) return reportError(summaries.error);
      setLists({ entries: entries.value, summaries: summaries.value });
    });
  }, [bridge, reportError]);

  useEffect(() => {
    reload();
    const stop = bridge.events.on('vaultChanged', reload);
    return () => {
      stop();
      // Answers still on their way after lock or unmount are dropped with everything else.
      latestRequest.current += 1;
    };
  }, [bridge, reload]);

  return { entries: lists?.entries ?? [], summaries: lists?.summaries ?? [], loaded: lists !== null, reload };
}
