import { useEffect, useRef, useState } from 'react';
import type { OtpPreview } from '../../shared/api.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { useAppServices } from '../app/AppServices.js';

export type PreviewState =
  | { readonly status: 'empty' }
  | { readonly status: 'checking' }
  | { readonly status: 'valid'; readonly preview: OtpPreview; readonly receivedAt: number }
  | { readonly status: 'invalid'; readonly error: ErrorInfo };

const DEBOUNCE_MILLISECONDS = 150;

/**
 * Main's reading of a secret box as the user types: normalised secret, settings and the code now. Asked
 * 150 ms after the last keystroke, and again when the shown code expires, so the preview stays live
 * without sending the secret across every second. The answer for older text is dropped.
 */
export function useOtpPreview(text: string, issuer: string, account: string): PreviewState {
  const { bridge, reportError } = useAppServices();
  const [state, setState] = useState<PreviewState>({ status: 'empty' });
  const [refresh, setRefresh] = useState(0);
  const latest = useRef(0);

  const lastInput = useRef('');
  useEffect(() => {
    const request = ++latest.current;
    if (text.trim() === '') {
      setState({ status: 'empty' });
      return undefined;
    }
    setState((current) => (current.status === 'empty' ? { status: 'checking' } : current));
    // Typing waits for a pause; the refresh when a code expires asks at once.
    const input = JSON.stringify([text, issuer, account]);
    const delay = input === lastInput.current ? 0 : DEBOUNCE_MILLISECONDS;
    lastInput.current = input;
    const timer = setTimeout(() => {
      void bridge.api.previewOtp({ text, issuer, account }).then((result) => {
        if (request !== latest.current) return;
        if (result.ok) setState({ status: 'valid', preview: result.value, receivedAt: Date.now() });
        else if (result.error.code === 'VAULT_LOCKED') reportError(result.error);
        else setState({ status: 'invalid', error: result.error });
      });
    }, delay);
    return () => clearTimeout(timer);
  }, [bridge, reportError, text, issuer, account, refresh]);

  // Ask again when the code shown runs out.
  useEffect(() => {
    if (state.status !== 'valid' || state.preview.current === null) return undefined;
    const expiresIn = state.receivedAt + state.preview.current.remaining * 1000 - Date.now();
    const timer = setTimeout(() => setRefresh((count) => count + 1), Math.max(0, expiresIn) + 50);
    return () => clearTimeout(timer);
  }, [state]);

  return state;
}
