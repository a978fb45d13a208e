import { type FormEvent, useId, useRef, useState } from 'react';
import type { VaultStatus } from '../../shared/api.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { useAppServices } from '../app/AppServices.js';
import { ErrorMessage } from '../app/ErrorMessage.js';
import { Icon } from '../app/Icon.js';
import { PasswordInput } from '../app/PasswordInput.js';
import { AuthLayout } from './AuthLayout.js';
import { type LockNote, lockNoteText } from './lockNote.js';
import { useCapsLock } from './useCapsLock.js';

interface UnlockScreenProps {
  readonly path: string;
  readonly note: LockNote | null;
  readonly onUnlocked: (status: VaultStatus) => void;
}

export function UnlockScreen({ path, note, onUnlocked }: UnlockScreenProps) {
  const { bridge, translator } = useAppServices();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const { capsLock, onKeyEvent } = useCapsLock();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();
  const capsId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || password === '') return;
    setBusy(true);
    setError(null);
    const result = await bridge.api.unlock({ password });
    setBusy(false);
    if (result.ok) {
      setPassword('');
      onUnlocked(result.value);
      return;
    }
    setError(result.error);
    // Wrong password: select it so typing again replaces it.
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.select();
    });
  };

  const describedBy = [error === null ? null : errorId, capsLock ? capsId : null].filter((id) => id !== null).join(' ') || undefined;
  return (
    <AuthLayout footnote={translator.t('unlock.location', { path })}>
      <h1 className="auth-title">{translator.t('unlock.title')}</h1>
      {note !== null && (
        <p className="message message-info" role="status">
          <Icon name="lock" className="message-icon" />
          <span>{lockNoteText(note, translator)}</span>
        </p>
      )}
      <form className="form" onSubmit={submit} aria-busy={busy}>
        <div className="field">
          <label className="label" htmlFor={inputId}>
            {translator.t('unlock.password')}
          </label>
          <PasswordInput
            id={inputId}
            ref={inputRef}
            value={password}
            autoFocus
            autoComplete="current-password"
            aria-invalid={error?.code === 'WRONG_PASSWORD'}
            aria-describedby={describedBy}
            onChange={(event) => setPassword(event.target.value)}
            onKeyDown={onKeyEvent}
            onKeyUp={onKeyEvent}
            readOnly={busy}
          />
          {capsLock && (
            <p className="hint hint-warning" id={capsId}>
              {translator.t('unlock.capsLock')}
            </p>
          )}
        </div>
        {error !== null && <ErrorMessage error={error} id={errorId} />}
        <button type="submit" className="button button-primary button-wide" disabled={busy || password === ''}>
          {busy ? translator.t('unlock.busy') : translator.t('unlock.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
