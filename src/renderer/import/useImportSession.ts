import { useCallback, useEffect, useRef } from 'react';
import type { ImportFile, ImportOutcomeView, ImportPreviewView } from '../../shared/api.js';
import type { Result } from '../../shared/result.js';
import { useAppServices } from '../app/AppServices.js';

export interface ImportSession {
  /** Has main read a file (forgetting any earlier one) and keep what it holds until applied. */
  readonly preview: (file: ImportFile) => Promise<Result<ImportPreviewView>>;
  /** Saves the previewed import in one transaction. */
  readonly apply: (importId: string, keepDuplicates: boolean) => Promise<Result<ImportOutcomeView>>;
}

/**
 * One dialog's import, kept in main: the export's secrets never come here. Main forgets a previewed import
 * when the next preview starts, once it is applied and when the vault locks; a dialog that closes with one
 * still kept tells main to forget it too, rather than leave it there until the vault locks.
 */
export function useImportSession(): ImportSession {
  const { bridge } = useAppServices();
  /** The import main keeps for this dialog, if any. */
  const kept = useRef<string | null>(null);
  const closed = useRef(false);

  const preview = useCallback(
    async (file: ImportFile): Promise<Result<ImportPreviewView>> => {
      kept.current = null;
      const result = await bridge.api.previewImport(file);
      if (result.ok && result.value.kind === 'preview') {
        // Closed while main was reading the file: it must not keep the import either.
        if (closed.current) void bridge.api.discardImport({ importId: result.value.importId });
        else kept.current = result.value.importId;
      }
      return result;
    },
    [bridge],
  );

  const apply = useCallback(
    async (importId: string, keepDuplicates: boolean): Promise<Result<ImportOutcomeView>> => {
      const result = await bridge.api.applyImport({ importId, keepDuplicates });
      if (result.ok) kept.current = null;
      return result;
    },
    [bridge],
  );

  useEffect(() => {
    // (Set again on mount: React's development mode unmounts and mounts every component once more.)
    closed.current = false;
    return () => {
      closed.current = true;
      const importId = kept.current;
      kept.current = null;
      // The answer is of no use any more (after a lock main forgot the import anyway).
      if (importId !== null) void bridge.api.discardImport({ importId });
    };
  }, [bridge]);

  return { preview, apply };
}
