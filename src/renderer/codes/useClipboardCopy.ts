import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAppServices } from '../app/AppServices.js';
import { type CopiedText, type CopyRequest, copiedText } from './copiedText.js';

export interface ClipboardCopy {
  readonly copied: CopiedText | null;
  /** Writes the text; true when it is on the clipboard. */
  readonly copy: (request: CopyRequest) => Promise<boolean>;
  readonly dismiss: () => void;
}

/**
 * Copies codes and other fields, and clears the clipboard after the preferred number of seconds, but
 * only if it still holds what we put there. Locking (which unmounts the vault screen) clears it at once:
 * a code left on the clipboard of a locked vault is exactly what auto-lock is meant to prevent.
 */
export function useClipboardCopy(): ClipboardCopy {
  const { bridge, preferences, reportError, notify, translator } = useAppServices();
  const [copied, setCopied] = useState<CopiedText | null>(null);
  const copiedRef = useRef<CopiedText | null>(null);
  copiedRef.current = copied;

  const clear = useCallback(
    async (text: string, announce: boolean) => {
      const result = await bridge.clipboard.clearIfUnchanged(text);
      if (!result.ok) reportError(result.error);
      else if (announce) notify({ text: translator.t('clipboard.cleared') });
    },
    [bridge, reportError, notify, translator],
  );

  const copy = useCallback(
    async (request: CopyRequest) => {
      const result = await bridge.clipboard.writeText(request.text);
      if (!result.ok) {
        reportError(result.error);
        return false;
      }
      setCopied(copiedText(request, Date.now(), preferences.clipboardClearSeconds));
      return true;
    },
    [bridge, preferences.clipboardClearSeconds, reportError],
  );

  useEffect(() => {
    if (copied?.clearAt == null) return undefined;
    const timer = setTimeout(() => {
      setCopied(null);
      void clear(copied.text, true);
    }, Math.max(0, copied.clearAt - Date.now()));
    return () => clearTimeout(timer);
  }, [copied, clear]);

  useEffect(
    () => () => {
      const pending = copiedRef.current;
      if (pending?.clearAt != null) void clear(pending.text, false);
    },
    [clear],
  );

  const dismiss = useCallback(() => setCopied(null), []);
  return useMemo(() => ({ copied, copy, dismiss }), [copied, copy, dismiss]);
}
