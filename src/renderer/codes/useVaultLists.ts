import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemSummary } from '../../shared/item.js';
import { useAppServices } from '../app/AppServices.js';

export interface VaultLists {
  /** The items not in the trash; the code list is built from them (see buildRows). */
  readonly summaries: readonly ItemSummary[];
  readonly loaded: boolean;
  readonly reload: () => void;
}

/**
 * The item summaries of the open vault, reloaded whenever main says the vault changed
 * (this window's saves, or the CLI in another process). An answer that arrives after a newer request
 * went out is dropped, so a slow reload never overwrites a fresher one.
 */
export function useVaultLists(): VaultLists {
  const { bridge, reportError } = useAppServices();
  const [summaries, setSummaries] = useState<readonly ItemSummary[] | null>(null);
  const latestRequest = useRef(0);

  const reload = useCallback(() => {
    const request = ++latestRequest.current;
    void bridge.api.listItems({ trashed: false }).then((result) => {
      if (request !== latestRequest.current) return;
      if (!result.ok) return reportError(result.error);
      setSummaries(result.value);
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

  return { summaries: summaries ?? [], loaded: summaries !== null, reload };
}
